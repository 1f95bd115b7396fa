/**
 * A loopback SCIM server in its own process, for benchmarks: the server's work then runs beside
 * the probe instead of on its event loop, as a real (remote) server's would. Started by
 * `startScimServerProcess`; receives its settings and answers its port over the IPC channel.
 */
import { createScimApp } from '../test/main/probe/support/scim-test-server';
import { startHttp, startHttps } from '../test/main/probe/support/servers';

interface Settings {
  token: string;
  tls?: { key: string; cert: string };
}

process.once('message', (settings: Settings) => {
  const { app } = createScimApp({ token: settings.token });
  const started = settings.tls ? startHttps(app, settings.tls) : startHttp(app);
  void started.then((server) => process.send?.({ origin: server.origin }));
});

import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';

import type { KeyPair } from './certs';

/** A server listening on 127.0.0.1 on a port of its own. */
export interface RunningServer {
  /** `http://127.0.0.1:<port>` or `https://…`. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

type Listener = http.RequestListener;

async function listen(server: http.Server | tls.Server, scheme: string): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves `listener` over plain http on loopback. */
export function startHttp(listener: Listener): Promise<RunningServer> {
  return listen(http.createServer(listener), 'http');
}

/** Serves `listener` over https on loopback with the given certificate. */
export function startHttps(
  listener: Listener,
  pair: KeyPair,
  extra: tls.TlsOptions = {},
): Promise<RunningServer> {
  return listen(
    https.createServer({ key: pair.key, cert: pair.cert, ...extra }, listener),
    'https',
  );
}

/** A port on loopback that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = await startHttp(() => undefined);
  await server.close();
  return server.port;
}

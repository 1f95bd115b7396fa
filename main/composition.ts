import type { StytchEnvironment } from '../shared/stytch/views';
import type { ClipboardPort } from './clipboard/clipboard-port';
import type { ClipboardTimers } from './clipboard/clipboard-service';
import type { FetchLike } from './http/create-http-client';
import type { Logger } from './logging/logger';
import { nodeTlsConnector } from './probe/tls-connector';
import { composeSecretServices } from './secrets/compose-secret-services';
import type { SecretStore } from './secrets/secret-store';
import type { ExternalOpener } from './security/open-external';
import type { AppFacts, Services } from './services';
import { composeStytchServices } from './stytch/compose-stytch-services';

/** What only the host (Electron, or the test bridge) can supply. */
export interface HostDependencies {
  app: AppFacts;
  logger: Logger;
  /** Electron's net.fetch in the app; Node's fetch in the bridge and CLI. */
  fetch: FetchLike;
  openExternal: ExternalOpener;
  /** The app's data folder (settings live here). */
  userDataDir: string;
  /** The OS keychain (keytar) in the app; an in-memory store in the bridge. */
  secretStore: SecretStore;
  /** Electron's clipboard in the app; the browser's clipboard in the bridge. */
  clipboardPort: ClipboardPort;
  /** Stytch's API hosts; only end-to-end tests replace them (with the local stand-in). */
  stytchHosts?: Partial<Record<StytchEnvironment, string>>;
  /** Timers for clearing a copied secret; real timers unless a test supplies fake ones. */
  clipboardTimers?: ClipboardTimers;
}

/**
 * The composition root: builds every service from what the host supplies. The Electron entry
 * and the end-to-end test bridge both call this, so the bridge runs the same services the app
 * does, differing only in transport and clipboard.
 */
export function composeServices(host: HostDependencies): Services {
  const secretServices = composeSecretServices({
    dataDir: host.userDataDir,
    secretStore: host.secretStore,
    clipboardPort: host.clipboardPort,
    logger: host.logger,
    ...(host.clipboardTimers ? { timers: host.clipboardTimers } : {}),
  });
  return {
    app: host.app,
    logger: host.logger,
    openExternal: host.openExternal,
    ...secretServices,
    ...composeStytchServices({
      fetch: host.fetch,
      logger: host.logger,
      projectSecrets: secretServices.projectSecrets,
      settings: secretServices.settings,
      ...(host.stytchHosts ? { hosts: host.stytchHosts } : {}),
    }),
    // The probe goes through the same network stack as the app's Stytch calls, so a proxy or
    // certificate problem shows up in the probe exactly as Entra's admin would meet it locally.
    probe: { fetch: host.fetch, connectTls: nodeTlsConnector },
  };
}

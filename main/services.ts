import type { ClipboardService } from './clipboard/clipboard-service';
import type { Logger } from './logging/logger';
import type { ProbeTransport } from './probe/run-probe';
import type { SandboxLauncher } from './sandbox/sandbox';
import type { ProjectSecrets } from './secrets/project-secrets';
import type { ScimTokenVault } from './secrets/scim-token-vault';
import type { ExternalOpener } from './security/open-external';
import type { SettingsStore } from './settings/settings-store';
import type { StytchSession } from './stytch/stytch-session';

/** Facts about the running app, supplied by the composition root. */
export interface AppFacts {
  name: string;
  version: string;
  platform: string;
}

/**
 * Everything a handler may use. Built once by a composition root: `main/composition.ts` in the
 * app (Electron's net.fetch, the OS keychain), the test bridge in end-to-end tests. Handlers
 * never reach for globals, so each one runs under plain Node.
 */
export interface Services {
  app: AppFacts;
  logger: Logger;
  openExternal: ExternalOpener;
  /** Non-secret settings in the app's data folder (main/settings/). */
  settings: SettingsStore;
  /** SCIM token lifecycle in the keychain, and one-time reveal (main/secrets/). */
  scimTokens: ScimTokenVault;
  /** The Stytch project secret, and "forget this project" (main/secrets/). */
  projectSecrets: ProjectSecrets;
  /** Copy from main, with secrets cleared after a while (main/clipboard/). */
  clipboard: ClipboardService;
  /** What the connection probe sends through: net.fetch and the node:tls connector (main/probe/). */
  probe: ProbeTransport;
  /** The Stytch project of this run and its API client (main/stytch/). */
  stytch: StytchSession;
  /** Sandbox mode's local Stytch stand-in and SCIM server, started on demand (main/sandbox/). */
  sandbox: SandboxLauncher;
}

import type { StytchEnvironment } from '../../shared/stytch/views';
import type { FetchLike } from '../http/create-http-client';
import type { Logger } from '../logging/logger';
import { SandboxLauncher } from '../sandbox/sandbox';
import type { ProjectSecretKeeper } from './secret-ports';
import { SettingsProjectMemory, type SettingsAccess } from './settings-project-memory';
import { StytchSession } from './stytch-session';

/** What the Stytch services are built from. */
export interface StytchServicesHost {
  /** Electron's net.fetch in the app; Node's fetch in the test bridge and CLI. */
  fetch: FetchLike;
  logger: Logger;
  /** `ProjectSecrets` from main/secrets. */
  projectSecrets: ProjectSecretKeeper;
  /** The settings store, where the connected project's ID (never its secret) is remembered. */
  settings: SettingsAccess;
  /** Stytch's API hosts, replaced only where a test points "Stytch" at the local stand-in. */
  hosts?: Partial<Record<StytchEnvironment, string>>;
}

/** Builds the `stytch` and `sandbox` fields of `Services`. */
export function composeStytchServices(host: StytchServicesHost): {
  stytch: StytchSession;
  sandbox: SandboxLauncher;
} {
  return {
    stytch: new StytchSession({
      fetch: host.fetch,
      projectSecrets: host.projectSecrets,
      memory: new SettingsProjectMemory(host.settings),
      logger: host.logger,
      ...(host.hosts ? { hosts: host.hosts } : {}),
    }),
    sandbox: new SandboxLauncher({ logger: host.logger }),
  };
}

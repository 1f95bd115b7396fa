import type { ClipboardPort } from '../clipboard/clipboard-port';
import { ClipboardService, type ClipboardTimers } from '../clipboard/clipboard-service';
import type { Logger } from '../logging/logger';
import type { Services } from '../services';
import { SettingsConnectionIndex } from '../settings/settings-connection-index';
import { SettingsStore } from '../settings/settings-store';
import { ProjectSecrets } from './project-secrets';
import { ScimTokenVault } from './scim-token-vault';
import { SecretKeeper } from './secret-keeper';
import type { SecretStore } from './secret-store';

/** What the host supplies for the keychain, settings and clipboard services. */
export interface SecretServicesHost {
  /** The app's data folder (Electron's userData; a temp folder in tests). */
  dataDir: string;
  /** `new KeytarSecretStore()` in the app; `new MemorySecretStore()` where no keychain is wanted. */
  secretStore: SecretStore;
  /** The Electron clipboard adapter in the app; a fake in tests and the bridge. */
  clipboardPort: ClipboardPort;
  logger: Logger;
  timers?: ClipboardTimers;
}

/** The services this capability adds to {@link Services}. */
export type SecretServices = Pick<
  Services,
  'settings' | 'scimTokens' | 'projectSecrets' | 'clipboard'
>;

/**
 * Builds the settings store, the token vault, the project secrets and the clipboard service,
 * wired to one another (the vault's connection index lives in the settings file).
 */
export function composeSecretServices(host: SecretServicesHost): SecretServices {
  const settings = new SettingsStore({ dir: host.dataDir, logger: host.logger });
  const keeper = new SecretKeeper({ store: host.secretStore, logger: host.logger });
  const scimTokens = new ScimTokenVault({
    keeper,
    index: new SettingsConnectionIndex(settings),
    logger: host.logger,
  });
  const projectSecrets = new ProjectSecrets({ keeper, tokens: scimTokens });
  const clipboard = new ClipboardService({
    port: host.clipboardPort,
    readToken: (handle) => scimTokens.readToken(handle),
    clearAfterMs: async () => (await settings.get()).clipboardClearMs,
    logger: host.logger,
    ...(host.timers ? { timers: host.timers } : {}),
  });
  return { settings, scimTokens, projectSecrets, clipboard };
}

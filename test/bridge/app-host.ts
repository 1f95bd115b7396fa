import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { composeServices } from '../../main/composition';
import { createDispatcher } from '../../main/ipc/dispatch';
import { HANDLERS } from '../../main/ipc/handlers';
import { createLogger, type LogRecord } from '../../main/logging/logger';
import { MemorySecretStore } from '../../main/secrets/memory-secret-store';
import type { Services } from '../../main/services';
import { startBridge, type Bridge } from './bridge-server';
import { BrowserClipboard } from './browser-clipboard';

/** Main's side of an end-to-end test: the real services and handlers, behind the bridge. */
export interface AppHost {
  bridge: Bridge;
  services: Services;
  clipboard: BrowserClipboard;
  secretStore: MemorySecretStore;
  /** Links the app asked the system browser to open. */
  opened: string[];
  /** Every log line main wrote (already redacted). */
  logs: LogRecord[];
  /** The app's data folder for this run (settings land here). */
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Composes the app's services exactly as main/index.ts does, with the host-specific parts
 * swapped: Node's fetch for net.fetch, an in-memory keychain, the page's clipboard, a temp data
 * folder. Then serves the built renderer and the handler table over the bridge.
 */
export async function startAppHost(options: {
  rendererDir: string;
  version: string;
}): Promise<AppHost> {
  const logs: LogRecord[] = [];
  const opened: string[] = [];
  const logger = createLogger((record) => logs.push(record));
  const userDataDir = await mkdtemp(join(tmpdir(), 'scim-e2e-data-'));
  const clipboard = new BrowserClipboard();
  const secretStore = new MemorySecretStore();
  const services = composeServices({
    app: { name: 'SCIM Setup Assistant', version: options.version, platform: process.platform },
    logger,
    fetch,
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    userDataDir,
    secretStore,
    clipboardPort: clipboard,
  });
  const bridge = await startBridge({
    rendererDir: options.rendererDir,
    dispatch: createDispatcher(HANDLERS, services, logger),
  });
  return {
    bridge,
    services,
    clipboard,
    secretStore,
    opened,
    logs,
    userDataDir,
    close: async () => {
      await bridge.close();
      await services.sandbox.stop();
      await services.clipboard.dispose();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

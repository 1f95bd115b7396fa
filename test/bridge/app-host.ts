import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { StytchEnvironment } from '../../shared/stytch/views';
import { composeServices, HANDLERS, type Services } from '../../main/composition';
import { stopServices } from '../support/compose-services';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createLogger, type LogRecord } from '../../main/logging/logger';
import { secretAccount } from '../../main/secrets/secret-store';
import {
  ListableKeytarStore,
  MemorySecretStore,
  type ListableSecretStore,
} from '../support/keychain';
import { startBridge, type Bridge } from './bridge-server';
import { BrowserClipboard } from './browser-clipboard';

/** Main's side of an end-to-end test: the real services and handlers, behind the bridge. */
export interface AppHost {
  bridge: Bridge;
  services: Services;
  clipboard: BrowserClipboard;
  secretStore: ListableSecretStore;
  /** Every secret main has stored, by keychain account (`scim-token:<id>`, …). */
  storedSecrets(): Promise<Map<string, string>>;
  /** Links the app asked the system browser to open. */
  opened: string[];
  /** Every log line main wrote (already redacted). */
  logs: LogRecord[];
  /** Every IPC answer and event main sent the page, as JSON: what leak checks search. */
  ipcTraffic: string[];
  /** The app's data folder for this run (settings land here). */
  userDataDir: string;
  /**
   * Where the "Save as" dialog's double saves a report: every save is accepted, under the
   * name main proposes, in this folder of the data folder.
   */
  savedReportsDir: string;
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
  /**
   * `os`: the real OS keychain through keytar, under a service name of this run's own (on Linux
   * `npm test` provides a private Secret Service); `memory` (default): an in-memory store.
   */
  keychain?: 'os' | 'memory';
  /** Where "Stytch" is for this run (the stand-in's base URL), instead of Stytch's hosts. */
  stytchHosts?: Partial<Record<StytchEnvironment, string>>;
  /** Time between the sandbox's simulated provisioning cycles (the app's default otherwise). */
  sandboxCycleIntervalMs?: number;
}): Promise<AppHost> {
  const logs: LogRecord[] = [];
  const opened: string[] = [];
  const logger = createLogger((record) => logs.push(record));
  const userDataDir = await mkdtemp(join(tmpdir(), 'scim-e2e-data-'));
  const clipboard = new BrowserClipboard();
  const secretStore: ListableSecretStore =
    options.keychain === 'os'
      ? new ListableKeytarStore({
          service: `com.scimsetupassistant.e2e.${process.pid}.${Date.now()}`,
        })
      : new MemorySecretStore();
  const savedReportsDir = join(userDataDir, 'saved-reports');
  const storedSecrets = async () => {
    const stored = new Map<string, string>();
    for (const ref of await secretStore.list()) {
      const value = await secretStore.read(ref);
      if (value !== null) stored.set(secretAccount(ref), value);
    }
    return stored;
  };
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
    saveDialog: {
      choosePath: async ({ defaultName }) => {
        await mkdir(savedReportsDir, { recursive: true });
        return join(savedReportsDir, defaultName);
      },
    },
    ...(options.stytchHosts ? { stytchHosts: options.stytchHosts } : {}),
    ...(options.sandboxCycleIntervalMs === undefined
      ? {}
      : { sandboxCycleIntervalMs: options.sandboxCycleIntervalMs }),
  });
  const ipcTraffic: string[] = [];
  const dispatch = createDispatcher(HANDLERS, services, logger);
  const bridge = await startBridge({
    rendererDir: options.rendererDir,
    dispatch: async (channel, request, emit) => {
      const recordingEmit: typeof emit = (event, payload) => {
        ipcTraffic.push(JSON.stringify({ event, payload }));
        emit(event, payload);
      };
      const result = await dispatch(channel, request, recordingEmit);
      ipcTraffic.push(JSON.stringify({ channel, result }));
      return result;
    },
  });
  return {
    bridge,
    services,
    clipboard,
    secretStore,
    storedSecrets,
    opened,
    logs,
    ipcTraffic,
    userDataDir,
    savedReportsDir,
    close: async () => {
      await bridge.close();
      await stopServices(services, userDataDir);
      for (const ref of await secretStore.list()) await secretStore.delete(ref);
    },
  };
}

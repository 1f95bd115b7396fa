import { rm } from 'node:fs/promises';

import type { ClipboardPort } from '../../main/clipboard/clipboard-port';
import type { ClipboardTimers } from '../../main/clipboard/clipboard-service';
import { composeServices, type Services } from '../../main/composition';
import type { Logger } from '../../main/logging/logger';
import type { SecretStore } from '../../main/secrets/secret-store';

/** What a test varies when it composes the app's services. */
export interface TestHost {
  dataDir: string;
  secretStore: SecretStore;
  clipboardPort: ClipboardPort;
  logger: Logger;
  timers?: ClipboardTimers;
}

/** The app's services, composed by the app's own composition root, around the given keychain. */
export function buildServices(host: TestHost): Services {
  return composeServices({
    app: { name: 'SCIM Setup Assistant', version: '0.0.0-test', platform: process.platform },
    logger: host.logger,
    fetch,
    openExternal: () => Promise.resolve(),
    userDataDir: host.dataDir,
    secretStore: host.secretStore,
    clipboardPort: host.clipboardPort,
    ...(host.timers ? { clipboardTimers: host.timers } : {}),
  });
}

/**
 * Stops what composed services keep running and removes their data folder, in the order that
 * matters: the sandbox first, then the overview's background work (a reading, a sweep), which
 * writes its cache into the folder, and only then the folder.
 */
export async function stopServices(services: Services, dataDir: string): Promise<void> {
  services.watch.stop();
  await services.clipboard.dispose();
  await services.sandbox.stop();
  await services.fleet.settled();
  await rm(dataDir, { recursive: true, force: true });
}

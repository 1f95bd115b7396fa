import type { Logger } from './logging/logger';
import type { ExternalOpener } from './security/open-external';
import type { AppMode } from '../shared/ipc';

/** Facts about the running app, supplied by the composition root. */
export interface AppFacts {
  name: string;
  version: string;
  platform: string;
  mode: AppMode;
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
}

import { existsSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { resolve } from 'node:path';

import type { ElectronDouble } from './electron-double';

/** The built bundles the app ships (npm test builds them before the tests run). */
export const OUT = resolve(__dirname, '../../../out');
export const MAIN_BUNDLE = resolve(OUT, 'main/index.js');

// Node's CommonJS loader, which has no public hook for swapping one module: `_load` is the
// documented-by-practice seam (used by proxyquire, mock-require) for exactly that.
const loader = Module as unknown as {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
};

/**
 * Loads the BUILT main bundle under plain Node with `require('electron')` answered by the double,
 * and waits until `app.whenReady()` has run its start-up.
 */
export async function bootBuiltMain(electron: ElectronDouble): Promise<void> {
  if (!existsSync(MAIN_BUNDLE))
    throw new Error(`${MAIN_BUNDLE} is missing: run \`npm run build\` first.`);
  const require = createRequire(__filename);
  const original = loader._load;
  loader._load = function load(request, parent, isMain) {
    return request === 'electron' ? electron.module : original.call(this, request, parent, isMain);
  };
  try {
    Reflect.deleteProperty(require.cache, MAIN_BUNDLE);
    require(MAIN_BUNDLE);
  } finally {
    loader._load = original;
  }
  // start() runs on app.whenReady(), a resolved promise in the double.
  await new Promise((done) => setImmediate(done));
}

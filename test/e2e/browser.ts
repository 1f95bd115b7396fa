import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { bridgeAssistantInitScript } from '../bridge/bridge-assistant';

/** Where end-to-end tests leave screenshots and reports. */
export const E2E_OUTPUT_DIR = resolve(__dirname, '../../test-output/e2e');

/** The built renderer the bridge serves (`npm run build` makes it; `npm test` builds first). */
export const BUILT_RENDERER_DIR = resolve(__dirname, '../../out/renderer');

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// closed network refuses; --no-sandbox because CI runs as root.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function findChromium(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error(
      'Chromium was not found. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
}

/** A headless system Chromium with its own throw-away HOME and profile. */
export interface TestBrowser {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches the system Chromium for an end-to-end test, with clipboard access granted. */
export async function launchTestBrowser(origin: string): Promise<TestBrowser> {
  if (!existsSync(join(BUILT_RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` first (npm test does this).');
  }
  const home = await mkdtemp(join(tmpdir(), 'scim-e2e-home-'));
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: home },
    headless: true,
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 780 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await context.addInitScript(bridgeAssistantInitScript());
  await mkdir(E2E_OUTPUT_DIR, { recursive: true });
  return {
    browser,
    context,
    close: async () => {
      await browser.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot under the e2e output folder and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = join(E2E_OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

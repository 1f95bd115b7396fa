import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { startAppHost, type AppHost } from '../bridge/app-host';
import { BUILT_RENDERER_DIR, launchTestBrowser, type TestBrowser } from './browser';
import { wizardDriver, type WizardDriver } from './wizard-driver';

/** The version the app reports (package.json's), which the first screen shows. */
export const APP_VERSION = (
  JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }
).version;

/** The app's main side behind the bridge, one browser page on it, and the wizard's moves. */
export interface OpenApp {
  host: AppHost;
  browser: TestBrowser;
  page: Page;
  wizard: WizardDriver;
}

/** How a file's app differs from the default (in-memory keychain, no clipboard). */
export interface OpenAppOptions {
  /** `os`: the real OS keychain (on Linux, npm test's private Secret Service), as in the app. */
  keychain?: 'os' | 'memory';
  /** Copy goes through main to this page's clipboard, as in the app. */
  clipboard?: boolean;
  /**
   * Time between the sandbox's provisioning cycles: a file that waits for cycles shortens the
   * sandbox's 20 seconds (the screens name the interval the job has).
   */
  sandboxCycleIntervalMs?: number;
}

/**
 * Starts the app (real main services) and opens its first screen in one page; page errors land
 * in `pageErrors`, which a test asserts stays empty.
 */
export async function openApp(
  pageErrors: string[],
  options: OpenAppOptions = {},
): Promise<OpenApp> {
  const host = await startAppHost({
    rendererDir: BUILT_RENDERER_DIR,
    version: APP_VERSION,
    ...(options.keychain ? { keychain: options.keychain } : {}),
    ...(options.sandboxCycleIntervalMs === undefined
      ? {}
      : { sandboxCycleIntervalMs: options.sandboxCycleIntervalMs }),
  });
  const browser = await launchTestBrowser(host.bridge.url);
  const page = await browser.context.newPage();
  // A step runs several checks against loopback; a loaded machine answers late.
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (options.clipboard === true) host.clipboard.attach(page);
  const wizard = wizardDriver(page);
  await page.goto(host.bridge.url);
  return { host, browser, page, wizard };
}

/** Closes what {@link openApp} opened. */
export async function closeApp(app: OpenApp): Promise<void> {
  await app.browser.close();
  await app.host.close();
}

/**
 * Registers a test file's hooks: the app opened once before its tests and closed after them.
 * `opened` hands the app to the file, which keeps its parts in variables of its own.
 */
export function openAppForFile(
  pageErrors: string[],
  opened: (app: OpenApp) => void,
  options: OpenAppOptions = {},
): void {
  let app: OpenApp | null = null;
  beforeAll(async () => {
    app = await openApp(pageErrors, options);
    opened(app);
  });
  afterAll(async () => {
    if (app !== null) await closeApp(app);
  });
}

import type { Page } from 'playwright-core';

import { startAppHost, type AppHost } from '../bridge/app-host';
import { BUILT_RENDERER_DIR, launchTestBrowser, type TestBrowser } from './browser';
import { wizardDriver, type WizardDriver } from './wizard-driver';

/** The app's main side behind the bridge, one browser page on it, and the wizard's moves. */
export interface OpenApp {
  host: AppHost;
  browser: TestBrowser;
  page: Page;
  wizard: WizardDriver;
}

/**
 * Starts the app (real main services, in-memory keychain) and opens its first screen in one
 * page; page errors land in `pageErrors`, which a test asserts stays empty.
 */
export async function openApp(pageErrors: string[]): Promise<OpenApp> {
  const host = await startAppHost({ rendererDir: BUILT_RENDERER_DIR, version: 'e2e' });
  const browser = await launchTestBrowser(host.bridge.url);
  const page = await browser.context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const wizard = wizardDriver(page);
  await page.goto(host.bridge.url);
  return { host, browser, page, wizard };
}

/** Closes what {@link openApp} opened. */
export async function closeApp(app: OpenApp): Promise<void> {
  await app.browser.close();
  await app.host.close();
}

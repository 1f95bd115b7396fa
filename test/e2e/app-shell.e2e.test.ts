import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startAppHost, type AppHost } from '../bridge/app-host';
import { BUILT_RENDERER_DIR, launchTestBrowser, saveScreenshot, type TestBrowser } from './browser';

const version = (
  JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }
).version;

let host: AppHost;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  host = await startAppHost({ rendererDir: BUILT_RENDERER_DIR, version });
  browser = await launchTestBrowser(host.bridge.url);
  page = await browser.context.newPage();
  host.clipboard.attach(page);
});

afterAll(async () => {
  await browser.close();
  await host.close();
});

describe('the app shell in Chromium through the test bridge', () => {
  it('renders the first screen with data main returned over app:info', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(host.bridge.url);
    await expect
      .poll(() => page.getByTestId('app-info').textContent())
      .toContain(`Version ${version}`);
    const shot = await saveScreenshot(page, '00-first-screen');
    expect(statSync(shot).size).toBeGreaterThan(5_000);
    expect(pageErrors).toEqual([]);
  });

  it('exposes exactly invoke and on on window.assistant and no Node globals', async () => {
    const surface = await page.evaluate(() => ({
      keys: Object.keys(window.assistant)
        .filter((key) => key !== 'listenerCount')
        .sort(),
      hasRequire: typeof (window as unknown as { require?: unknown }).require,
      hasProcess: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(surface).toEqual({
      keys: ['invoke', 'on'],
      hasRequire: 'undefined',
      hasProcess: 'undefined',
    });
  });

  it('returns a typed validation error for a malformed request instead of crashing', async () => {
    const result = await page.evaluate(() =>
      window.assistant.invoke('app:openExternal', { url: 42 } as unknown as { url: string }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
    const after = await page.evaluate(() => window.assistant.invoke('app:info', {}));
    expect(after.ok).toBe(true);
  });

  it('refuses to open a link outside the allow-list and opens an allowed one', async () => {
    const refused = await page.evaluate(() =>
      window.assistant.invoke('app:openExternal', { url: 'http://entra.microsoft.com/' }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'EXTERNAL_URL_BLOCKED' } });
    const allowed = await page.evaluate(() =>
      window.assistant.invoke('app:openExternal', { url: 'https://entra.microsoft.com/' }),
    );
    expect(allowed).toEqual({ ok: true, data: { opened: true } });
    expect(host.opened).toEqual(['https://entra.microsoft.com/']);
  });

  it('delivers events to a listener and stops after unsubscribe', async () => {
    // The app itself listens for notices; count only what this test adds and removes.
    const listenerCount = () =>
      page.evaluate(() =>
        (window.assistant as unknown as { listenerCount: (e: string) => number }).listenerCount(
          'app:notice',
        ),
      );
    const before = await listenerCount();
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      (window as unknown as { off: () => void }).off = window.assistant.on('app:notice', (notice) =>
        seen.push(notice.message),
      );
    });
    await expect
      .poll(async () => {
        host.bridge.emit('app:notice', { level: 'info', message: 'hello' });
        return page.evaluate(() => (window as unknown as { seen: string[] }).seen.length);
      })
      .toBeGreaterThan(0);
    expect(await listenerCount()).toBe(before + 1);
    await page.evaluate(() => (window as unknown as { off: () => void }).off());
    expect(await listenerCount()).toBe(before);
  });

  it('enforces the CSP from the response header alone: an inline script and another host are refused', async () => {
    const seen = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(event.effectiveDirective),
      );
      const marker = document.createElement('script');
      marker.textContent = 'window.__inlineRan = true';
      document.body.appendChild(marker);
      await fetch('https://example.com/').catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return {
        ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        violations,
        metaPolicies: document.querySelectorAll('meta[http-equiv]').length,
      };
    });
    expect(seen.ran).toBe(false);
    expect(seen.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
    // The header is the whole policy: a meta tag would hold the page's preloads back.
    expect(seen.metaPolicies).toBe(0);
  });
});

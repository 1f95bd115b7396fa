import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSandbox, type RunningSandbox } from '../../main/sandbox/sandbox';
import { startAppHost, type AppHost } from '../bridge/app-host';
import { recordStep } from './accessibility';
import { BUILT_RENDERER_DIR, launchTestBrowser, type TestBrowser } from './browser';

/**
 * Connecting to a Stytch project with its ID and secret, as an admin does outside the sandbox.
 * "Stytch" here is the local stand-in, put where the app looks for Stytch's test environment;
 * everything else (real mode, the form, the keychain, resuming after a restart) is the app's.
 */
const PROJECT_ID = 'project-test-6a2b1c3d-5e4f-4a0b-9c8d-00000000e2e0';
const SECRET = `secret-test-${randomBytes(24).toString('base64url')}`;

let stytch: RunningSandbox;
let host: AppHost;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  stytch = await startSandbox({ projectId: PROJECT_ID, secret: SECRET });
  host = await startAppHost({
    rendererDir: BUILT_RENDERER_DIR,
    version: 'e2e',
    keychain: 'os',
    stytchHosts: { test: stytch.apiBaseUrl },
  });
  browser = await launchTestBrowser(host.bridge.url);
  page = await browser.context.newPage();
  await page.goto(host.bridge.url);
});

afterAll(async () => {
  await browser.close();
  await host.close();
  await stytch.stop();
});

const heading = () => page.getByRole('heading', { level: 2 }).textContent();

async function connect(secret: string): Promise<void> {
  await page.getByLabel('Project ID').fill(PROJECT_ID);
  await page.getByLabel('Secret', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
}

describe('connecting to a Stytch project in Chromium', () => {
  it('explains refused credentials with a hint, puts focus back in the emptied secret field, and keeps nothing', async () => {
    await expect.poll(heading).toBe('Connect to Stytch');
    await connect(`secret-test-${'x'.repeat(32)}`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Couldn’t connect to Stytch.');
    const message = (await alert.locator('.notice-message').textContent()) ?? '';
    const hint = (await alert.locator('.notice-hint').textContent()) ?? '';
    expect(message.length).toBeGreaterThan(10);
    expect(hint.length).toBeGreaterThan(10);
    // The same secret again cannot help: no Retry, the field to change has focus instead.
    expect(await alert.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('project-secret');
    // The typed secret left the page as soon as it was sent.
    expect(await page.getByLabel('Secret', { exact: true }).inputValue()).toBe('');
    expect(await host.storedSecrets()).toEqual(new Map());
    await recordStep(page, 'connect-01-refused');
  });

  it('connects with the right secret: real mode, secret in the keychain only, on to the organizations', async () => {
    await connect(SECRET);
    await expect.poll(heading).toBe('Choose the organization');
    await expect
      .poll(() => page.getByRole('region', { name: 'Where you are' }).textContent())
      .toContain(PROJECT_ID);
    expect(await page.getByText(/Sandbox — nothing here/).count()).toBe(0);
    expect(await host.storedSecrets()).toEqual(new Map([[`stytch-project:${PROJECT_ID}`, SECRET]]));
    const settings = await readFile(join(host.userDataDir, 'settings.json'), 'utf8');
    expect(settings).toContain(PROJECT_ID);
    expect(settings).not.toContain(SECRET);
    expect(await page.content()).not.toContain(SECRET);
    await recordStep(page, 'connect-02-connected');
  });

  it('resumes at the same step when the window reloads, without asking again', async () => {
    await page.reload();
    await expect.poll(heading).toBe('Choose the organization');
    await page.getByRole('searchbox', { name: 'Search organizations' }).fill('Acme');
    await expect
      .poll(() => page.getByRole('option', { name: /^Acme Corporation/ }).count())
      .toBe(1);
    expect(JSON.stringify(host.logs)).not.toContain(SECRET);
  });
});

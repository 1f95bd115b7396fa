import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { expect } from 'vitest';

import type { RunningSandbox } from '../../main/sandbox/sandbox';
import type { AppHost } from '../bridge/app-host';
import { recordStep } from './accessibility';
import type { OpenApp } from './sandbox-page';

/**
 * Every secret a sandbox run has: what main keeps in the keychain (SCIM tokens, the project
 * secret), Microsoft's tokens the sandbox issued, and `retired` (tokens no longer kept).
 */
export async function sandboxSecrets(
  host: AppHost,
  sandbox: RunningSandbox,
  retired: readonly string[] = [],
): Promise<string[]> {
  const stored = [...(await host.storedSecrets()).values(), ...retired];
  const issued = sandbox.microsoft.identity.issued;
  return [...stored, ...issued.accessTokens, ...issued.refreshTokens, ...issued.idTokens].filter(
    (value) => value.length >= 16,
  );
}

/** What main wrote out during the run, as text: IPC answers and events, its log, the settings file. */
export interface MainOutput {
  traffic: string;
  logs: string;
  settings: string;
}

/**
 * Asserts that none of `secrets` is in anything main wrote out (every IPC answer and event, the
 * log, the settings file) and answers those texts, for a file's own checks that they hold what
 * the run did.
 */
export async function expectNoSecretInMainOutput(
  host: AppHost,
  secrets: readonly string[],
): Promise<MainOutput> {
  const output: MainOutput = {
    traffic: host.ipcTraffic.join('\n'),
    logs: JSON.stringify(host.logs),
    settings: await readFile(join(host.userDataDir, 'settings.json'), 'utf8'),
  };
  for (const secret of secrets) {
    expect(output.traffic).not.toContain(secret);
    expect(output.logs).not.toContain(secret);
    expect(output.settings).not.toContain(secret);
  }
  return output;
}

/** A screenshot and an axe scan, with no page error and none of `secrets` in the page. */
export async function secretFreeCheckpoint(
  page: Page,
  name: string,
  secrets: readonly string[],
  pageErrors: readonly string[],
): Promise<void> {
  await recordStep(page, name);
  const html = await page.content();
  for (const secret of secrets) expect(html).not.toContain(secret);
  expect(pageErrors).toEqual([]);
}

/**
 * Signs in at the sandbox's Microsoft page as the admin would in their browser: "Sign in to
 * Microsoft", the page the app opened (loopback only), the account's button. `shot` names a
 * screenshot (with axe) of that page.
 */
export async function signInAtSandbox(
  app: OpenApp,
  account: RegExp,
  shot?: string,
  timeout = 15_000,
): Promise<void> {
  const { host, wizard, page } = app;
  const before = host.opened.length;
  await wizard.button('Sign in to Microsoft').click();
  await expect.poll(() => host.opened.length, { timeout }).toBe(before + 1);
  const url = host.opened[before] ?? '';
  expect(new URL(url).hostname).toBe('127.0.0.1');
  const signInPage = await app.browser.context.newPage();
  await signInPage.goto(url);
  if (shot !== undefined) await recordStep(signInPage, shot);
  await signInPage.getByRole('button', { name: account }).click();
  await expect.poll(() => signInPage.getByText(/You are signed in/).count(), { timeout }).toBe(1);
  await signInPage.close();
  await expect.poll(() => page.getByText(/Signed in to Microsoft as/).count(), { timeout }).toBe(1);
}

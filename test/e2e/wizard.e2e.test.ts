import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { SEEDED_ORGANIZATIONS } from '../../main/sandbox/seed';
import type { AppHost } from '../bridge/app-host';
import { recordStep, scanForBlockingViolations } from './accessibility';
import { openAppForFile } from './sandbox-page';
import type { WizardDriver } from './wizard-driver';

let host: AppHost;
let page: Page;
const pageErrors: string[] = [];
const screenshots: string[] = [];

// The real OS keychain (on Linux, npm test's private Secret Service), as in the app; the whole
// wizard runs in one browser page.
openAppForFile(
  pageErrors,
  (opened) => {
    ({ host, page, wizard } = opened);
  },
  { keychain: 'os', clipboard: true },
);

/** Every step ends here: a screenshot for the record, and an axe scan that must come back clean. */
async function checkpoint(name: string): Promise<void> {
  const shot = await recordStep(page, `wizard-${name}`);
  expect(statSync(shot).size).toBeGreaterThan(5_000);
  screenshots.push(shot);
  expect(pageErrors).toEqual([]);
}

// The wizard's moves, shared with the other end-to-end files (wizard-driver.ts); bound once the
// page exists.
let wizard: WizardDriver;
const heading = () => wizard.heading();
const button = (name: string | RegExp) => wizard.button(name);
const next = (expectedTitle: string) => wizard.next(expectedTitle);
const tickAll = (container: Locator) => wizard.tickAll(container);
const chooseOrganization = (query: string, name: string) => wizard.chooseOrganization(query, name);
const throughEntraSteps = () => wizard.throughEntraSteps();
const stepButton = (title: string) =>
  page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', {
    name: new RegExp(`^${title}`),
  });

async function runProbe(): Promise<string> {
  await button('Check the connection').click();
  const progress = page.locator('.probe-progress');
  await expect.poll(() => progress.textContent()).toMatch(/passed|failed|warning/);
  return (await progress.textContent()) ?? '';
}

/** The secret main keeps under `account` (e.g. `scim-token:<id>`), read from the keychain. */
async function keychainValue(account: string): Promise<string> {
  const value = (await host.storedSecrets()).get(account);
  if (value === undefined) throw new Error(`no keychain entry ${account}`);
  return value;
}

/** The organization's connection as the sandbox's Stytch stand-in holds it (already started). */
async function connectionIdOf(organizationId: string): Promise<string> {
  const sandbox = await host.services.sandbox.ensureStarted();
  return sandbox.state.getConnection(organizationId)?.connection_id ?? '';
}

describe('the setup wizard in Chromium, end to end against the sandbox', () => {
  it('starts the sandbox from the first screen and labels every screen as sandbox', async () => {
    await expect.poll(() => heading().textContent()).toBe('Connect to Stytch');
    await checkpoint('01-connect');
    await button('Try it with a local sandbox').click();
    await expect.poll(() => page.getByRole('note').textContent()).toContain('Sandbox');
    await expect
      .poll(() => page.getByRole('region', { name: 'Where you are' }).textContent())
      .toContain('Sandbox');
    // Once the sandbox is connected there is nothing left to do on this step: the wizard moves on.
    await expect.poll(() => heading().textContent()).toBe('Choose the organization');
    await checkpoint('02-sandbox-connected');
  });

  it('searches organizations, shows which have a connection, and picks one', async () => {
    await page.getByRole('searchbox', { name: 'Search organizations' }).fill('Glo');
    const globex = page.getByRole('option', { name: /Globex/ });
    await expect.poll(() => globex.textContent()).toContain('Has a SCIM connection');
    await chooseOrganization('Acme', 'Acme Corporation');
    await checkpoint('03-organization-chosen');
    await next('Create the enterprise app in Entra');
  });

  it('walks the Entra checklists', async () => {
    await tickAll(page.getByRole('group', { name: 'Checklist' }));
    await checkpoint('04-create-entra-app');
    await next('Turn on automatic provisioning');
    await tickAll(page.getByRole('group', { name: 'Checklist' }));
    await checkpoint('05-enable-provisioning');
    await next('Create the SCIM connection');
  });

  it('creates the SCIM connection and keeps its token in the keychain', async () => {
    await button('Create SCIM connection').click();
    await expect
      .poll(() => page.getByText(/Its token is saved in your system keychain/).count())
      .toBe(1);
    const connectionId = await connectionIdOf(SEEDED_ORGANIZATIONS.acme);
    expect(connectionId).not.toBe('');
    expect((await keychainValue(`scim-token:${connectionId}`)).length).toBeGreaterThan(20);
    await checkpoint('06-connection-created');
    await next('Paste the credentials into Entra');
  });

  it('copies Tenant URL and Secret Token (read back from the clipboard) and the connection check is all green', async () => {
    const connectionId = await connectionIdOf(SEEDED_ORGANIZATIONS.acme);
    const token = await keychainValue(`scim-token:${connectionId}`);

    await button('Copy Tenant URL').click();
    await expect.poll(() => host.clipboard.readText()).toContain('aadOptscim062020');
    const tenantUrl = await host.clipboard.readText();
    expect(await page.getByLabel('Tenant URL').inputValue()).toBe(tenantUrl);
    expect(tenantUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+\?aadOptscim062020$/);

    await button('Copy Secret Token').click();
    await expect.poll(() => host.clipboard.readText()).toBe(token);
    expect(host.clipboard.writes.at(-1)).toEqual({ secret: true });
    await expect.poll(() => page.getByText('Copied — clears in 60 s').count()).toBe(1);
    // The token went from main to the clipboard; the page itself never held it.
    expect(await page.content()).not.toContain(token);

    expect(await runProbe()).toBe('All checks passed.');
    const results = page.getByRole('list', { name: 'Connection check results' });
    expect(await results.getByText(/^Failed:/).count()).toBe(0);
    expect(await results.getByRole('listitem').count()).toBeGreaterThanOrEqual(7);
    await page.getByRole('checkbox', { name: "I've pasted both into Entra" }).check();
    await tickAll(page.getByRole('group', { name: 'Checklist' }));
    await checkpoint('07-credentials-tested');
    await next('Provision users');
  });

  it('finishes the guide through provisioning, groups, webhooks and the summary', async () => {
    await tickAll(page.getByRole('group', { name: 'Checklist' }));
    // Next waits for the watch to see a member: the sandbox's simulated Entra sends one.
    expect(await button('Next').isEnabled()).toBe(false);
    await button('Provision on demand (one user)').click();
    await expect
      .poll(() =>
        page.getByRole('checkbox', { name: /^A member of this connection appeared/ }).isChecked(),
      )
      .toBe(true);
    await checkpoint('08-provision-users');
    // Only one user was provisioned on demand, not a group: the step says what makes Entra send one.
    await next('Give Entra groups a Stytch role (optional)');
    await expect
      .poll(() => page.getByText('Entra hasn’t sent any groups to this connection yet.').count())
      .toBe(1);
    await checkpoint('08b-group-roles-none');
    await next('Webhooks (optional)');
    await checkpoint('09-webhooks');
    await next('Summary');
    const setUp = page.getByRole('region', { name: 'What was set up' });
    await expect.poll(() => setUp.getByText('1 active, 0 deactivated (1 in all)').count()).toBe(1);
    await checkpoint('09b-summary');
    await button('Finish').click();
    await expect.poll(() => page.getByText(/^Set-up complete\./).count()).toBe(1);
  });

  it('shows the failure and its fix for an organization whose SCIM endpoint is faulty', async () => {
    await stepButton('Choose the organization').click();
    await chooseOrganization('Initech', 'Initech (faulty SCIM endpoint)');
    expect(await stepButton('Create the SCIM connection').isDisabled()).toBe(true);
    await throughEntraSteps();
    await button('Create SCIM connection').click();
    await expect
      .poll(() => page.getByText(/Its token is saved in your system keychain/).count())
      .toBe(1);
    await next('Paste the credentials into Entra');

    expect(await runProbe()).toMatch(/checks failed\.$/);
    const failed = page.locator('[data-check-id="test-connection"][data-status="fail"]');
    const text = (await failed.textContent()) ?? '';
    expect(text).toContain('What to do: Check the Tenant URL');
    expect(text).toContain('Entra shows (approximately):');
    expect(text).toContain('404');
    expect(text).toContain('Server-side fix:');
    await checkpoint('10-faulty-endpoint');

    await button('Copy report').click();
    const report = await host.clipboard.readText();
    expect(report).toContain('[FAIL]');
    expect(report).not.toContain(
      await keychainValue(`scim-token:${await connectionIdOf(SEEDED_ORGANIZATIONS.initech)}`),
    );
  });

  it('rotates the token of an existing connection by hand: copy, finish, then paste into Entra', async () => {
    await stepButton('Choose the organization').click();
    await chooseOrganization('Glo', 'Globex');
    await throughEntraSteps();
    await expect.poll(() => page.getByText(/already has a SCIM connection/).count()).toBe(1);
    await checkpoint('11-existing-connection');

    await button('Rotate the token').click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Rotating the token' }).count())
      .toBe(1);
    const connectionId = await connectionIdOf(SEEDED_ORGANIZATIONS.globex);
    const nextToken = await keychainValue(`scim-next-token:${connectionId}`);
    // Not signed in to Microsoft: the hand-over by hand. The sandbox's Stytch refuses the pending
    // token until the finish (Stytch's documented reading), so Entra gets it straight after.
    const ready = page.getByRole('checkbox', {
      name: 'I have copied the new token, and Entra’s Admin Credentials are open',
    });
    await expect.poll(() => ready.count()).toBe(1);
    expect(await page.getByText('Finish the rotation here.').count()).toBe(1);
    await button('Copy New Secret Token').click();
    await expect.poll(() => host.clipboard.readText()).toBe(nextToken);
    await ready.check();
    await checkpoint('12-rotation-started');

    await button('Finish rotation').click();
    await expect
      .poll(() => page.getByText('Rotation finished: only the new token works now.').count())
      .toBe(1);
    expect(await keychainValue(`scim-token:${connectionId}`)).toBe(nextToken);
    expect((await host.storedSecrets()).has(`scim-next-token:${connectionId}`)).toBe(false);
    await checkpoint('13-rotation-finished');
  });

  it('follows a dark OS theme, and stays axe clean in it', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).not.toBe(light);
    await checkpoint('14-dark-theme');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('has an accessibility gate that does catch a violation', async () => {
    await page.evaluate(() => {
      const unnamed = document.createElement('button');
      unnamed.id = 'axe-gate-probe';
      document.body.appendChild(unnamed);
    });
    const found = await scanForBlockingViolations(page);
    await page.evaluate(() => document.getElementById('axe-gate-probe')?.remove());
    expect(found.map((violation) => violation.rule)).toContain('button-name');
  });

  it('left no secret in the logs, the settings file or the page', async () => {
    const secrets = [...(await host.storedSecrets()).values()];
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const logs = JSON.stringify(host.logs);
    const settings = await readFile(join(host.userDataDir, 'settings.json'), 'utf8');
    const html = await page.content();
    for (const secret of secrets) {
      expect(logs).not.toContain(secret);
      expect(settings).not.toContain(secret);
      expect(html).not.toContain(secret);
    }
    expect(screenshots).toHaveLength(16);
  });
});

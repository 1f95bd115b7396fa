import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningSandbox } from '../../main/sandbox/sandbox';
import type { AppHost } from '../bridge/app-host';
import { recordStep } from './accessibility';
import { closeApp, openApp, type OpenApp } from './sandbox-page';
import type { WizardDriver } from './wizard-driver';

/**
 * Step 3's "Do the Entra steps for me", in the sandbox: the admin signs in at the stand-in's
 * Microsoft page (a real page in the browser, posting the code to MSAL's loopback redirect), and
 * the assistant does every Entra step through Graph against the sandbox tenant, whose
 * provisioning engine is the Entra simulator. Then a faulty organization, where Entra's own Test
 * Connection fails beside the probe's explanation.
 */
let app: OpenApp;
let host: AppHost;
let page: Page;
let wizard: WizardDriver;
let sandbox: RunningSandbox;
const pageErrors: string[] = [];
const SOON = { timeout: 15_000 };

beforeAll(async () => {
  app = await openApp(pageErrors);
  ({ host, page, wizard } = app);
});

afterAll(async () => {
  await closeApp(app);
});

/** Every secret this run has: SCIM tokens, the project secret, Microsoft's tokens. */
async function secrets(): Promise<string[]> {
  const stored = [...(await host.storedSecrets()).values()];
  const issued = sandbox.microsoft.identity.issued;
  return [...stored, ...issued.accessTokens, ...issued.refreshTokens, ...issued.idTokens].filter(
    (value) => value.length >= 16,
  );
}

/** A screenshot and an axe scan, with no page error and no secret in the page. */
async function checkpoint(name: string): Promise<void> {
  await recordStep(page, `entra-graph-${name}`);
  const html = await page.content();
  for (const secret of await secrets()) expect(html).not.toContain(secret);
  expect(pageErrors).toEqual([]);
}

const ticked = (label: string) => page.getByRole('checkbox', { name: label }).isChecked();
const text = (pattern: string | RegExp) => page.getByText(pattern).count();

/** Signs in at the stand-in's Microsoft page, as the admin would in their browser. */
async function signInAs(account: RegExp): Promise<void> {
  const before = host.opened.length;
  await wizard.button('Sign in to Microsoft').click();
  await expect.poll(() => host.opened.length, SOON).toBe(before + 1);
  const url = host.opened[before] ?? '';
  expect(new URL(url).hostname).toBe('127.0.0.1');
  const signInPage = await app.browser.context.newPage();
  await signInPage.goto(url);
  await recordStep(signInPage, 'entra-graph-01-microsoft-sign-in-page');
  await signInPage.getByRole('button', { name: account }).click();
  await expect.poll(() => signInPage.getByText(/You are signed in/).count(), SOON).toBe(1);
  await signInPage.close();
  await expect.poll(() => text(/Signed in to Microsoft as/), SOON).toBe(1);
}

describe('the Entra steps done through Microsoft Graph, sandbox, in Chromium', () => {
  it('signs in to the sandbox tenant from step 3', async () => {
    await expect.poll(() => wizard.heading().textContent()).toBe('Connect to Stytch');
    await wizard.button('Try it with a local sandbox').click();
    await expect.poll(() => wizard.heading().textContent()).toBe('Choose the organization');
    sandbox = await host.services.sandbox.ensureStarted();
    await wizard.chooseOrganization('Acme', 'Acme Corporation');
    await wizard.next('Create the enterprise app in Entra');
    await page
      .getByRole('radio', { name: 'Do the Entra steps for me (sign in to Microsoft)' })
      .check();
    expect(await text(/Contoso \(sandbox\)/)).toBeGreaterThan(0);
    await signInAs(/Adele Vance/);
    expect(await text(/Signed in to Microsoft as adele/i)).toBe(1);
    await checkpoint('02-signed-in');
  });

  it('creates the enterprise app from the non-gallery template and ticks step 3', async () => {
    await wizard.button('Create the app').click();
    await expect.poll(() => text(/Done by the assistant/), SOON).toBeGreaterThan(0);
    const apps = sandbox.microsoft.graph.state;
    expect(JSON.stringify(apps)).toContain('Stytch SCIM');
    for (const box of await page
      .getByRole('group', { name: 'Checklist' })
      .getByRole('checkbox')
      .all())
      expect(await box.isChecked()).toBe(true);
    await checkpoint('03-app-created');
  });

  it('sets up the provisioning job on step 4', async () => {
    await wizard.next('Turn on automatic provisioning');
    await wizard.button('Set up the provisioning job').click();
    await expect.poll(() => text(/Done by the assistant/), SOON).toBeGreaterThan(0);
    for (const box of await page
      .getByRole('group', { name: 'Checklist' })
      .getByRole('checkbox')
      .all())
      expect(await box.isChecked()).toBe(true);
    await checkpoint('04-job');
  });

  it("creates the Stytch connection, passes Entra's Test Connection and saves the credentials", async () => {
    await wizard.next('Create the SCIM connection');
    await wizard.button('Create SCIM connection').click();
    await expect.poll(() => text(/Its token is saved in your system keychain/), SOON).toBe(1);
    await wizard.next('Paste the credentials into Entra');
    await wizard.button('Run Entra’s Test Connection').click();
    await expect.poll(() => text('Entra: passed'), SOON).toBe(1);
    await wizard.button('Save credentials in Entra').click();
    await expect
      .poll(
        () =>
          ticked(
            'Entra’s Test Connection passes and the configuration is created (older screen: saved)',
          ),
        SOON,
      )
      .toBe(true);
    // The PUT replaces the job's whole set: the settings a new job has were read and re-sent.
    expect(
      await text(/Your other provisioning settings were kept: notification email, Scope/),
    ).toBe(1);
    // Saved by the assistant: nothing left to paste, so that box (folded away under "How to do
    // this by hand") ticks itself too.
    expect(
      await page
        .getByRole('checkbox', { name: "I've pasted both into Entra", includeHidden: true })
        .isChecked(),
    ).toBe(true);
    await checkpoint('05-entra-test-passed');
  });

  it('shows the mapping change before and after, and applies it only on confirmation', async () => {
    await wizard.button('Continue to part 2: Check the user mapping').click();
    await wizard.button('Check the mapping').click();
    await expect.poll(() => text(/externalId ← \[mailNickname\]/), SOON).toBeGreaterThan(0);
    expect(await text(/externalId ← \[objectId\]/)).toBeGreaterThan(0);
    await checkpoint('06-mapping-before-after');
    await wizard.button('Apply this change…').click();
    const confirm = page.getByRole('group', { name: 'Change the user mapping in Entra?' });
    await confirm.getByRole('button', { name: 'Yes, apply this change' }).click();
    await expect.poll(() => text('objectId → externalId ✓'), SOON).toBe(1);
    expect(await ticked('The user mapping sends objectId (source) as externalId (target)')).toBe(
      true,
    );
    // Every box on this step was ticked by what the assistant saw: Next is open.
    for (const box of await page
      .getByRole('group', { name: 'Checklist' })
      .getByRole('checkbox')
      .all())
      expect(await box.isChecked()).toBe(true);
    await checkpoint('07-mapping-fixed');
  });

  it('assigns two users and one group', async () => {
    await wizard.next('Provision users');
    for (const [kind, query, name] of [
      ['users', 'Diego', 'Diego Siciliani'],
      ['users', 'Nestor', 'Nestor Wilke'],
      ['groups', 'Sales', 'Sales and Marketing'],
    ] as const) {
      await page.getByRole('searchbox', { name: `Search ${kind}` }).fill(query);
      await page.getByRole('button', { name: `Add ${name}`, exact: true }).click();
    }
    await wizard.button('Assign').click();
    await expect.poll(() => text(/Diego Siciliani: assigned/), SOON).toBe(1);
    expect(await text(/Nestor Wilke: assigned/)).toBe(1);
    expect(await text(/Sales and Marketing: assigned/)).toBe(1);
    await expect.poll(() => ticked('Users or groups are assigned to the app')).toBe(true);
    await checkpoint('08-assigned');
  });

  it("provisions one user on demand, shows Entra's steps, and the member appears in the watch", async () => {
    // The first user assigned directly is chosen to begin with (one picker, no list box).
    await expect
      .poll(() => text('User to provision: Diego Siciliani (assigned to the app)'))
      .toBe(1);
    await wizard.button('Provision on demand').click();
    await expect.poll(() => text(/Provision on demand for Diego Siciliani: Success/), SOON).toBe(1);
    const steps = page.getByRole('list', { name: 'Entra’s steps' });
    expect(await steps.getByRole('listitem').count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => ticked('Provision on demand succeeded for one user')).toBe(true);
    const members = page.getByRole('region', { name: 'Members in Stytch' });
    await expect
      .poll(
        () => members.getByRole('row').filter({ hasText: 'diego.siciliani@contoso.com' }).count(),
        SOON,
      )
      .toBe(1);
    await expect
      .poll(() => ticked('A member of this connection appeared in Stytch'), SOON)
      .toBe(true);
    await checkpoint('09-on-demand');
  });

  it('asks before starting a job set to sync all users and groups, naming the user count', async () => {
    // The scope beside Start (the assistant's tick repeats the words, so anchored).
    const ASSIGNED_ONLY = /^Sync only assigned users and groups$/;
    // Read when the step opened: a new job's SyncAll "false", in Entra's words, and ticked.
    await expect.poll(() => text(ASSIGNED_ONLY), SOON).toBe(1);
    await expect.poll(() => ticked('Scope is Sync only assigned users and groups')).toBe(true);
    // The admin center's Scope set to "Sync all users and groups" meanwhile.
    const graph = sandbox.microsoft.graph.state;
    const acme = graph.apps[0];
    if (acme === undefined) throw new Error('the stand-in has no app');
    graph.setSyncAll(acme.spId, 'true');
    await wizard.button('Check the scope').click();
    await expect.poll(() => text(/^Sync all users and groups$/), SOON).toBe(1);
    await wizard.button('Start provisioning…').click();
    const question = page.getByRole('group', {
      name: 'Start provisioning with “Sync all users and groups”?',
    });
    const users = `Entra would send all ${graph.users.length} users in the tenant to Stytch`;
    await expect.poll(() => question.getByText(users, { exact: false }).count(), SOON).toBe(1);
    await checkpoint('09b-scope-all-confirmation');
    // Not started: the admin switches to assigned-only instead, the other settings kept.
    await question
      .getByRole('button', { name: 'Switch to “Sync only assigned users and groups”' })
      .click();
    await expect.poll(() => text(ASSIGNED_ONLY), SOON).toBe(1);
    expect(acme.secrets.find((setting) => setting.key === 'SyncAll')?.value).toBe('false');
    expect(acme.secrets.map((setting) => setting.key)).toContain('SyncNotificationSettings');
    expect(sandbox.microsoft.graph.history.some((r) => r.operation === 'jobs.start')).toBe(false);
  });

  it('starts provisioning, with the sandbox interval labelled', async () => {
    await wizard.button('Start provisioning').click();
    await expect
      .poll(() => text(/Sandbox: a cycle every 20 seconds \(Entra: about every 40 minutes\)/), SOON)
      .toBeGreaterThan(0);
    await expect
      .poll(() =>
        ticked(
          'Provisioning is on (current screen: after Start provisioning; older screen: ' +
            'Provisioning Status is On and saved)',
        ),
      )
      .toBe(true);
    await checkpoint('10-started');
  });

  it("shows the job's health and its provisioning log", async () => {
    await wizard.button('Check job health').click();
    await expect.poll(() => text(/Job status: Active/), SOON).toBeGreaterThan(0);
    const log = page.getByRole('list', { name: 'Provisioning log' });
    // Entra's log entry for the on-demand run; the started job's first cycle may add more.
    await expect
      .poll(() => log.getByText(/User Diego Siciliani · Create · Success/).count(), SOON)
      .toBeGreaterThan(0);
    await checkpoint('11-health');
  });

  it("unassigns a user: Entra's next cycle deactivates the member, and the item ticks itself", async () => {
    const members = page.getByRole('region', { name: 'Members in Stytch' });
    const nestor = members.getByRole('row').filter({ hasText: 'nestor.wilke@contoso.com' });
    // The started job's first cycle provisioned everyone assigned, Nestor among them.
    await expect.poll(() => nestor.textContent(), SOON).toContain('Active');
    await wizard.button('Unassign Nestor Wilke').click();
    const confirm = page.getByRole('group', { name: 'Unassign Nestor Wilke from the app?' });
    await checkpoint('12-unassign-question');
    await confirm.getByRole('button', { name: 'Yes, unassign' }).click();
    await expect
      .poll(() => text(/Unassigned Nestor Wilke\. Entra deprovisions them in Stytch/), SOON)
      .toBe(1);
    // The sandbox job's next cycle (every 20 s) finds Nestor out of scope; the watch then sees it.
    const CYCLE = { timeout: 60_000, interval: 1_000 };
    await expect.poll(() => nestor.textContent(), CYCLE).toContain('Deactivated');
    await expect
      .poll(() =>
        ticked('After unassigning someone in Entra, their member showed as deactivated in Stytch'),
      )
      .toBe(true);
    await checkpoint('13-unassigned');
  });

  it("fails Entra's Test Connection for the faulty organization, beside the connection check's explanation", async () => {
    await page
      .getByRole('navigation', { name: 'Setup steps' })
      .getByRole('button', { name: /^Choose the organization/ })
      .click();
    await wizard.chooseOrganization('Initech', 'Initech (faulty SCIM endpoint)');
    await wizard.next('Create the enterprise app in Entra');
    await wizard.button('Create the app').click();
    await expect.poll(() => text(/Done by the assistant/), SOON).toBeGreaterThan(0);
    await wizard.next('Turn on automatic provisioning');
    await wizard.button('Set up the provisioning job').click();
    await expect.poll(() => text(/Done by the assistant/), SOON).toBeGreaterThan(0);
    await wizard.next('Create the SCIM connection');
    await wizard.button('Create SCIM connection').click();
    await expect.poll(() => text(/Its token is saved in your system keychain/), SOON).toBe(1);
    await wizard.next('Paste the credentials into Entra');
    await wizard.button('Run Entra’s Test Connection').click();
    await expect
      .poll(() => text(/Entra: failed — SystemForCrossDomainIdentityManagement/), SOON)
      .toBe(1);
    // Entra's failure runs the assistant's check by itself: its verdict is beside the code, and
    // its report in the step's third part.
    await expect
      .poll(() => text(/The assistant’s connection check: \d+ of \d+ checks failed/), SOON)
      .toBe(1);
    await wizard.button('Read the assistant’s report').click();
    await expect.poll(() => text('Part 3 of 3: Check the connection in depth (optional)')).toBe(1);
    expect(await text(/Entra shows \(approximately\)/)).toBeGreaterThan(0);
    await checkpoint('14-faulty-entra-test');
  });

  it('tells a tenant user without an admin role which role creating the app needs', async () => {
    await page
      .getByRole('navigation', { name: 'Setup steps' })
      .getByRole('button', { name: /^Choose the organization/ })
      .click();
    await wizard.chooseOrganization('Globex', 'Globex');
    await wizard.next('Create the enterprise app in Entra');
    await wizard.button('Sign out of Microsoft').click();
    await signInAs(/Megan Bowen/);
    await wizard.button('Create the app').click();
    const refused = page.getByRole('alert').filter({ hasText: 'Application Administrator' });
    await expect.poll(() => refused.count(), SOON).toBe(1);
    expect(await refused.textContent()).toMatch(/Client request ID/);
    await checkpoint('15-no-admin-role');
  });

  it('left no Microsoft token, SCIM token or project secret in IPC answers, events, logs or settings', async () => {
    const all = await secrets();
    expect(sandbox.microsoft.identity.issued.accessTokens.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThanOrEqual(4);
    const traffic = host.ipcTraffic.join('\n');
    expect(host.ipcTraffic.length).toBeGreaterThan(20);
    const logs = JSON.stringify(host.logs);
    const settings = await readFile(join(host.userDataDir, 'settings.json'), 'utf8');
    for (const secret of all) {
      expect(traffic).not.toContain(secret);
      expect(logs).not.toContain(secret);
      expect(settings).not.toContain(secret);
    }
  });
});

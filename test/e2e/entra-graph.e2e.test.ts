import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import type { RunningSandbox } from '../../main/sandbox/sandbox';
import type { AppHost } from '../bridge/app-host';
import { openAppForFile, type OpenApp } from './sandbox-page';
import {
  expectNoSecretInMainOutput,
  sandboxSecrets,
  secretFreeCheckpoint,
  signInAtSandbox,
} from './sandbox-secrets';
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
/**
 * The sandbox job's cycle: 5 seconds instead of the sandbox's 20, so the tests that wait for
 * cycles (job health updating itself, the test user provisioned and deprovisioned) wait less.
 */
const CYCLE_MS = 5_000;

openAppForFile(
  pageErrors,
  (opened) => {
    app = opened;
    ({ host, page, wizard } = opened);
  },
  { clipboard: true, sandboxCycleIntervalMs: CYCLE_MS },
);

/** Every secret this run has: SCIM tokens, the project secret, Microsoft's tokens. */
const secrets = () => sandboxSecrets(host, sandbox);

/** A screenshot and an axe scan, with no page error and no secret in the page. */
async function checkpoint(name: string): Promise<void> {
  await secretFreeCheckpoint(page, `entra-graph-${name}`, await secrets(), pageErrors);
}

const ticked = (label: string | RegExp) => page.getByRole('checkbox', { name: label }).isChecked();
const text = (pattern: string | RegExp) => page.getByText(pattern).count();

/** Opens the part of the step on screen whose title begins with `title`, from the parts list. */
async function openPart(title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Parts of this step' })
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .click();
  await expect.poll(() => text(new RegExp(`^Part \\d of \\d: ${title}`))).toBe(1);
}

/** Signs in at the stand-in's Microsoft page, as the admin would in their browser. */
function signInAs(account: RegExp): Promise<void> {
  return signInAtSandbox(app, account, 'entra-graph-01-microsoft-sign-in-page', SOON.timeout);
}

describe('the Entra steps done through Microsoft Graph, sandbox, in Chromium', () => {
  it('signs in to the sandbox tenant from step 3', async () => {
    await wizard.sandboxToAssistant();
    sandbox = await host.services.sandbox.ensureStarted();
    // Shown once Microsoft's status has answered: polled, as a loaded machine answers late.
    await expect.poll(() => text(/Contoso \(sandbox\)/), SOON).toBeGreaterThan(0);
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
    const selected = page.getByRole('list', { name: 'Selected' }).getByRole('listitem');
    await expect.poll(() => selected.count()).toBe(3);
    await wizard.button('Assign').click();
    await expect.poll(() => text(/Diego Siciliani: assigned/), SOON).toBe(1);
    expect(await text(/Nestor Wilke: assigned/)).toBe(1);
    expect(await text(/Sales and Marketing: assigned/)).toBe(1);
    await expect.poll(() => ticked('Users or groups are assigned to the app')).toBe(true);
    await checkpoint('08-assigned');
  });

  it("provisions one user on demand, shows Entra's steps, and the member appears in the watch", async () => {
    await openPart('Provision one user now');
    // The first user assigned directly is chosen to begin with (one picker, no list box).
    await expect
      .poll(() => text('User to provision: Diego Siciliani (assigned to the app)'))
      .toBe(1);
    await wizard.button('Provision on demand').click();
    await expect.poll(() => text(/Provision on demand for Diego Siciliani: Success/), SOON).toBe(1);
    const steps = page.getByRole('list', { name: 'Entra’s steps' });
    expect(await steps.getByRole('listitem').count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => ticked('Provision on demand succeeded for one user')).toBe(true);
    await checkpoint('09-on-demand');
    // The watch runs on every part of the step; its members table is in the watch part.
    await expect
      .poll(() => ticked('A member of this connection appeared in Stytch'), SOON)
      .toBe(true);
    await openPart('Watch members arrive');
    await expect.poll(() => wizard.memberRow('diego.siciliani@contoso.com').count(), SOON).toBe(1);
  });

  it('asks before starting a job set to sync all users and groups, naming the user count', async () => {
    await openPart('Turn provisioning on');
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
      .poll(() => text(/Sandbox: a cycle every 5 seconds \(Entra: about every 40 minutes\)/), SOON)
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

  it("shows the job's health and its provisioning log, and keeps it updated while the job is active", async () => {
    await openPart('Watch members arrive');
    await wizard.button('Check job health').click();
    await expect.poll(() => text(/Job status: Active/), SOON).toBeGreaterThan(0);
    const log = page.getByRole('list', { name: 'Provisioning log' });
    // Entra's log entry for the on-demand run; the started job's first cycle may add more.
    await expect
      .poll(() => log.getByText(/User Diego Siciliani · Create · Success/).count(), SOON)
      .toBeGreaterThan(0);
    const updated = page.getByText(/^Updated /);
    expect(await updated.textContent()).toMatch(
      /Updates itself every 5 seconds while the job is active/,
    );
    // The sandbox job's pace: a new "Updated" time without anyone asking.
    const first = await updated.textContent();
    await expect.poll(() => updated.textContent(), { timeout: 45_000 }).not.toBe(first);
    await checkpoint('11-health');
  });

  it('finishes step 7 once a member arrived, without unassigning anyone', async () => {
    await expect
      .poll(() => ticked(/^A member of this connection appeared in Stytch/), SOON)
      .toBe(true);
    expect(await ticked(/^Optional: a test user unassigned in Entra/)).toBe(false);
    expect(await wizard.button('Next').isEnabled()).toBe(true);
    expect(
      sandbox.microsoft.graph.history.some((r) => r.operation === 'appRoleAssignedTo.delete'),
    ).toBe(false);
    await checkpoint('12-step7-done-without-deprovisioning');
  });

  it('proves deprovisioning with a test user it creates in the sandbox tenant, not a person', async () => {
    await openPart('See deprovisioning with a test user');
    const proof = page.getByRole('region', {
      name: 'Optional: see deprovisioning with a test user',
    });
    await proof.getByRole('button', { name: 'Create and assign the test user' }).click();
    // Said in this part (the list of what assigning did is in the first part).
    await expect
      .poll(() => text(/^“Test User \(SCIM check\)” is assigned to the app/), SOON)
      .toBe(1);
    const members = page.getByRole('region', { name: 'Members in Stytch' });
    const testUser = members.getByRole('row').filter({ hasText: 'scim.check@contoso.com' });
    // The sandbox job's next cycle (every CYCLE_MS) provisions it; the watch then sees it.
    const CYCLE = { timeout: 60_000, interval: 500 };
    await expect.poll(() => testUser.textContent(), CYCLE).toContain('Active');
    await checkpoint('13-test-user-assigned');
    await proof.getByRole('button', { name: 'Unassign Test User (SCIM check)' }).click();
    const confirm = page.getByRole('group', {
      name: 'Unassign Test User (SCIM check) from the app?',
    });
    await confirm.getByRole('button', { name: 'Yes, unassign' }).click();
    await expect.poll(() => text(/^Unassigned Test User \(SCIM check\)/), SOON).toBe(1);
    await expect.poll(() => testUser.textContent(), CYCLE).toContain('Deactivated');
    await expect.poll(() => ticked(/^Optional: a test user unassigned in Entra/)).toBe(true);
    await expect
      .poll(() => text(/its member is now deactivated in Stytch: deprovisioning works/))
      .toBe(1);
    // Everyone else kept their access.
    const nestor = members.getByRole('row').filter({ hasText: 'nestor.wilke@contoso.com' });
    expect(await nestor.textContent()).toContain('Active');
    await checkpoint('14-test-user-deactivated');
  });

  it('ends with a summary to copy, with no secret in it, in light and dark theme', async () => {
    await wizard.next('Give Entra groups a Stytch role (optional)');
    await wizard.next('Webhooks (optional)');
    await wizard.next('Summary');
    const setUp = page.getByRole('region', { name: 'What was set up' });
    await expect.poll(() => setUp.getByText(/\d+ active, 1 deactivated/).count(), SOON).toBe(1);
    expect(await setUp.getByText('Stytch SCIM', { exact: false }).count()).toBeGreaterThan(0);
    await checkpoint('15-summary');
    await wizard.button('Copy summary').click();
    await expect.poll(() => host.clipboard.readText()).toContain('SCIM set-up summary');
    const copied = await host.clipboard.readText();
    expect(copied).toContain('aadOptscim062020');
    expect(copied).toMatch(/Secret Token expires: \d{4}-\d{2}-\d{2} \(\d+ days left\)/);
    for (const secret of await secrets()) expect(copied).not.toContain(secret);
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkpoint('16-summary-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it("fails Entra's Test Connection for the faulty organization, beside the connection check's explanation", async () => {
    await page
      .getByRole('navigation', { name: 'Setup steps' })
      .getByRole('button', { name: /^Choose the organization/ })
      .click();
    await wizard.chooseOrganization('Initech', 'Initech (faulty SCIM endpoint)');
    await wizard.next('Create the enterprise app in Entra');
    await wizard.assistantThroughConnection(SOON.timeout);
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
    await checkpoint('17-faulty-entra-test');
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
    await checkpoint('18-no-admin-role');
  });

  it('left no Microsoft token, SCIM token or project secret in IPC answers, events, logs or settings', async () => {
    const all = await secrets();
    expect(sandbox.microsoft.identity.issued.accessTokens.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(host.ipcTraffic.length).toBeGreaterThan(20);
    await expectNoSecretInMainOutput(host, all);
  });
});

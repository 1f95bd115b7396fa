import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { SEEDED_ORGANIZATIONS } from '../../main/sandbox/seed';
import type { AppHost } from '../bridge/app-host';
import { recordStep } from './accessibility';
import { openAppForFile } from './sandbox-page';
import type { WizardDriver } from './wizard-driver';

/**
 * Step 7's sandbox rehearsal: the app plays Entra (provision on demand, cycles, an unassignment)
 * against the sandbox connection's SCIM endpoint, and the watch shows the members arriving and
 * leaving in the sandbox's Stytch, as they will with Entra.
 */
let host: AppHost;
let page: Page;
let wizard: WizardDriver;
const pageErrors: string[] = [];

// After an action main has the watch look at once; this only bounds the wait for the update.
const SOON = { timeout: 10_000 };

openAppForFile(pageErrors, (opened) => {
  ({ host, page, wizard } = opened);
});

/** The tokens main keeps; none may reach the page. */
async function tokens(): Promise<string[]> {
  return [...(await host.storedSecrets()).entries()]
    .filter(([account]) => account.startsWith('scim-'))
    .map(([, value]) => value);
}

/** A screenshot and an axe scan, with no page error and no token in the page. */
async function checkpoint(name: string): Promise<void> {
  await recordStep(page, `rehearsal-${name}`);
  const html = await page.content();
  for (const token of await tokens()) expect(html).not.toContain(token);
  expect(pageErrors).toEqual([]);
}

const members = () => page.getByRole('region', { name: 'Members in Stytch' });
const counts = () => members().getByRole('table').locator('caption').textContent();
const rowOf = (email: string) => members().getByRole('row').filter({ hasText: email });
const log = () => page.getByRole('region', { name: 'Simulated Entra provisioning log' });
const ticked = (label: string) => page.getByRole('checkbox', { name: label }).isChecked();
/** The notice under the buttons that says what the last action did (the log repeats it). */
const outcome = (headline: string) => page.getByText(headline, { exact: true }).count();
const ARRIVED = 'A member of this connection appeared in Stytch';
const DEACTIVATED = 'Optional: a test user unassigned in Entra showed as deactivated in Stytch';

describe('the sandbox rehearsal on "Provision users", in Chromium', () => {
  it('creates the connection and offers the rehearsal on step 7', async () => {
    await wizard.sandboxToProvisioning();

    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Demo directory in the simulated Entra' }).count(),
      )
      .toBe(1);
    expect(await page.getByText('No member of this connection in Stytch yet.').count()).toBe(1);
    expect(await log().getByText('Nothing has been sent yet.').count()).toBe(1);
    expect(await ticked(ARRIVED)).toBe(false);
    await checkpoint('01-offered');
  });

  it('provisions one user on demand: the member arrives in the watch and the item ticks itself', async () => {
    await wizard.button('Provision on demand (one user)').click();
    await expect.poll(() => rowOf('adele.vance@contoso.com').count(), SOON).toBe(1);
    expect(await rowOf('adele.vance@contoso.com').textContent()).toContain('Active');
    expect(await counts()).toBe('1 active · 0 deactivated · 1 in all');
    await expect.poll(() => ticked(ARRIVED)).toBe(true);
    await expect
      .poll(
        () => outcome('Provision on demand for Adele Vance: 1 object processed, 0 failed.'),
        SOON,
      )
      .toBe(1);
    await expect
      .poll(
        () =>
          log()
            .getByText(/User Adele Vance · Create · Success \(on demand\)/)
            .count(),
        SOON,
      )
      .toBe(1);
    await checkpoint('02-on-demand');
  });

  it('runs a cycle: all five users and both groups, and the watch shows everyone', async () => {
    await wizard.button('Run a provisioning cycle').click();
    await expect.poll(counts, SOON).toBe('5 active · 0 deactivated · 5 in all');
    await expect.poll(() => outcome('Initial cycle: 7 objects processed, 0 failed.'), SOON).toBe(1);
    for (const group of ['Sales and Marketing', 'Engineering']) {
      await expect
        .poll(
          () =>
            log().getByText(`Group ${group} · Create · Success (cycle)`, { exact: false }).count(),
          SOON,
        )
        .toBe(1);
    }
    expect(await rowOf('diego.siciliani@contoso.com').textContent()).toContain('Engineering');
    await checkpoint('03-cycle');
  });

  it('unassigns a user: the incremental cycle deactivates the member and the item ticks itself', async () => {
    await wizard.button('Unassign a user').click();
    await expect.poll(counts, SOON).toBe('4 active · 1 deactivated · 5 in all');
    expect(await rowOf('adele.vance@contoso.com').textContent()).toContain('Deactivated');
    await expect.poll(() => ticked(DEACTIVATED)).toBe(true);
    await expect
      .poll(
        () => outcome('Unassigned Adele Vance; incremental cycle: 2 objects processed, 0 failed.'),
        SOON,
      )
      .toBe(1);
    const disabled = log().getByText(/User Adele Vance · Disable · Success \(cycle\)/);
    await expect.poll(() => disabled.count(), SOON).toBe(1);
    // The entry opens like Entra's: its steps and the property the PATCH changed.
    await disabled.click();
    const changed = log().getByRole('table', { name: 'Modified properties' });
    expect(await changed.getByRole('row').filter({ hasText: 'active' }).textContent()).toBe(
      'activeTrueFalse',
    );
    await checkpoint('04-unassigned');
  });

  it('shows a failing cycle for the faulty sandbox organization (Initech)', async () => {
    await page
      .getByRole('navigation', { name: 'Setup steps' })
      .getByRole('button', { name: /^Choose the organization/ })
      .click();
    await wizard.chooseOrganization('Initech', 'Initech (faulty SCIM endpoint)');
    await wizard.throughEntraSteps();
    await wizard.createConnectionAndReachProvisioning();
    // Acme's members do not tick Initech's checklist.
    expect(await ticked(ARRIVED)).toBe(false);
    await wizard.button('Run a provisioning cycle').click();
    await expect.poll(() => outcome('Initial cycle: stopped at its opening check.'), SOON).toBe(1);
    expect(await page.getByText(/Response Status Code: NotFound/).count()).toBeGreaterThan(0);
    expect(await log().getByText('The simulated provisioning job is in quarantine').count()).toBe(
      1,
    );
    const sandbox = await host.services.sandbox.ensureStarted();
    expect(sandbox.state.getConnection(SEEDED_ORGANIZATIONS.initech)).not.toBeNull();
    await checkpoint('05-faulty-endpoint');
  });

  it('left no token in the logs', async () => {
    const logs = JSON.stringify(host.logs);
    const kept = await tokens();
    expect(kept.length).toBeGreaterThanOrEqual(2);
    for (const token of kept) expect(logs).not.toContain(token);
    expect(host.logs.filter((record) => record.event === 'rehearsal.ran')).toHaveLength(4);
  });
});

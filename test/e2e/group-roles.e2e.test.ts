import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { SEEDED_ORGANIZATIONS } from '../../main/sandbox/seed';
import { recordStep } from './accessibility';
import { openAppForFile, type OpenApp } from './sandbox-page';
import type { WizardDriver } from './wizard-driver';

/**
 * Issue 22 item 10: the SCIM groups the (simulated) Entra sent are listed with a Stytch role
 * picker; saving maps a group to a role through Stytch's Update SCIM connection, and the watch
 * shows the role its members get, with the group it comes from. The saved step is shown in the
 * dark theme too.
 */
let app: OpenApp;
let page: Page;
let wizard: WizardDriver;
const pageErrors: string[] = [];
const SOON = { timeout: 10_000 };
const STEP = 'Give Entra groups a Stytch role (optional)';

openAppForFile(pageErrors, (opened) => {
  app = opened;
  ({ page, wizard } = opened);
});

async function checkpoint(name: string, alsoDark = false): Promise<void> {
  await recordStep(page, `group-roles-${name}`);
  if (alsoDark) {
    await page.emulateMedia({ colorScheme: 'dark' });
    await recordStep(page, `group-roles-${name}-dark`);
    await page.emulateMedia({ colorScheme: 'light' });
  }
  expect(pageErrors).toEqual([]);
}

const picker = (group: string) => page.getByRole('combobox', { name: `Stytch role for ${group}` });
const members = () => page.getByRole('region', { name: 'Members in Stytch' });
const rowOf = (email: string) => members().getByRole('row').filter({ hasText: email });

describe('groups to roles, in Chromium against the sandbox', () => {
  it('reaches the step after a rehearsal cycle sent both of Contoso’s groups', async () => {
    await wizard.sandboxToProvisioning();
    await wizard.button('Run a provisioning cycle').click();
    await expect
      .poll(() => members().getByRole('table').locator('caption').textContent(), SOON)
      .toBe('5 active · 0 deactivated · 5 in all');
    await wizard.tickAll(page.getByRole('group', { name: 'Checklist' }));
    await wizard.next(STEP);

    await expect.poll(() => picker('Engineering').count(), SOON).toBe(1);
    expect(await picker('Sales and Marketing').count()).toBe(1);
    expect(await picker('Engineering').inputValue()).toBe('');
    const table = page.getByRole('table', {
      name: 'Groups Entra sent, and the Stytch role their members get',
    });
    // The watch's last look counts the members: Diego and Nestor are in Engineering.
    expect(await table.getByRole('row').filter({ hasText: 'Engineering' }).textContent()).toContain(
      '2',
    );
    await checkpoint('01-groups');
  });

  it('saves a role for Engineering through Stytch', async () => {
    await picker('Engineering').selectOption('billing-viewer');
    await expect.poll(() => page.getByText('1 unsaved change.').count()).toBe(1);
    await wizard.button('Save roles in Stytch').click();
    await expect
      .poll(() => page.getByText('Saved in Stytch: 1 group changed.').count(), SOON)
      .toBe(1);
    const sandbox = await app.host.services.sandbox.ensureStarted();
    expect(sandbox.http.requestCount('scim.update')).toBe(1);
    const connection = sandbox.state.getConnection(SEEDED_ORGANIZATIONS.acme);
    expect(connection?.scim_group_implicit_role_assignments).toEqual([
      expect.objectContaining({ group_name: 'Engineering', role_id: 'billing-viewer' }),
    ]);
    // Kept by the read-modify-write: the name the wizard gave the connection, and Entra's flag.
    expect(connection?.identity_provider).toBe('microsoft-entra');
    await checkpoint('02-saved', true);
  });

  it('the watch shows the role Engineering’s members now have, and where it comes from', async () => {
    await wizard.button('Back').click();
    await expect.poll(() => wizard.heading().textContent()).toBe('Provision users');
    const role = 'billing-viewer (from Entra group “Engineering”)';
    await expect
      .poll(() => rowOf('diego.siciliani@contoso.com').textContent(), SOON)
      .toContain(role);
    expect(await rowOf('nestor.wilke@contoso.com').textContent()).toContain(role);
    expect(await rowOf('adele.vance@contoso.com').textContent()).not.toContain('billing-viewer');
    await members().scrollIntoViewIfNeeded();
    await checkpoint('03-watch-roles');
  });
});

import { statSync } from 'node:fs';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { recordStep } from './accessibility';
import { APP_VERSION, openAppForFile } from './sandbox-page';
import type { WizardDriver } from './wizard-driver';

/**
 * What an admin sees at a glance, in Chromium against the sandbox: where they are (the context
 * bar), a failing connection check they can act on (the sandbox's faulty organization, Initech),
 * and the danger zone; the first screen and the failing report in the dark theme too. Each
 * screenshot is scanned by axe.
 */
let page: Page;
let wizard: WizardDriver;
const pageErrors: string[] = [];

openAppForFile(
  pageErrors,
  (opened) => {
    ({ page, wizard } = opened);
  },
  { clipboard: true },
);

const contextBar = () => page.getByRole('region', { name: 'Where you are' });

/** A screenshot of the screen (scanned by axe), which must have raised no page error. */
async function checkpoint(name: string): Promise<void> {
  expect(statSync(await recordStep(page, `ux-${name}`)).size).toBeGreaterThan(5_000);
  expect(pageErrors).toEqual([]);
}

/** {@link checkpoint} in the light theme, then the same screen in the dark one. */
async function checkpointInBothThemes(name: string): Promise<void> {
  await checkpoint(name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await checkpoint(`${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('an admin can follow the assistant at a glance', () => {
  it('says on the first screen that nothing is connected yet', async () => {
    await expect.poll(() => wizard.heading().textContent()).toBe('Connect to Stytch');
    expect(await contextBar().textContent()).toContain('not connected');
    expect(await page.getByTestId('app-info').textContent()).toBe(`Version ${APP_VERSION}`);
    await checkpointInBothThemes('01-first-screen');
  });

  it('names the sandbox project, its environment and the organization in the context bar', async () => {
    await wizard.button('Try it with a local sandbox').click();
    await expect.poll(() => wizard.heading().textContent()).toBe('Choose the organization');
    await wizard.chooseOrganization('Initech', 'Initech (faulty SCIM endpoint)');
    const bar = (await contextBar().textContent()) ?? '';
    expect(bar).toContain('Sandbox');
    expect(bar).toMatch(/project-test-\S+\s*Test/);
    expect(bar).toContain('Initech (faulty SCIM endpoint)');
    await checkpoint('02-context-bar');
  });

  it('reports the faulty endpoint with a verdict, the admin’s next step first, and the server fix folded', async () => {
    await wizard.throughEntraSteps();
    await wizard.button('Create SCIM connection').click();
    await expect
      .poll(() => contextBar().textContent())
      .toMatch(/SCIM connection:\s*Microsoft Entra ID/);
    await wizard.next('Paste the credentials into Entra');
    await wizard.button('Check the connection').click();
    const verdict = page.getByRole('group', { name: 'Fails, like Entra’s Test Connection would.' });
    await expect.poll(() => verdict.count()).toBe(1);
    const results = page.getByRole('list', { name: 'Connection check results' });
    const first = results.getByRole('listitem').first();
    expect(await first.getAttribute('data-check-id')).toBe('test-connection');
    expect(await first.textContent()).toContain('What to do: Check the Tenant URL in Entra');
    expect(await first.locator('details').getAttribute('open')).toBeNull();
    expect(await results.getByText(/\d+ checks skipped because/).count()).toBe(1);
    // The raw answer shows once, folded for the server's developer.
    await first.locator('summary').click();
    const shown = (await page.locator('.probe').textContent()) ?? '';
    expect(shown.split('No resource matches the filter')).toHaveLength(2);
    expect(shown).not.toMatch(/probe/i);
    await checkpointInBothThemes('03-failing-report');
  });

  it('keeps Delete in a danger zone: neutral until asked, red only to confirm', async () => {
    // Globex already has a connection: the step offers its ways forward, and the danger zone.
    await page
      .getByRole('navigation', { name: 'Setup steps' })
      .getByRole('button', { name: /^Choose the organization/ })
      .click();
    await wizard.chooseOrganization('Glo', 'Globex');
    await wizard.throughEntraSteps();
    const zone = page.getByRole('region', { name: 'Danger zone' });
    const trigger = zone.getByRole('button', { name: 'Delete this connection…' });
    expect(await trigger.getAttribute('class')).toBe('button');
    await trigger.click();
    const yes = zone.getByRole('button', { name: 'Yes, delete the connection' });
    expect(await yes.getAttribute('class')).toContain('button-danger');
    await checkpoint('04-danger-zone');
    await zone.getByRole('button', { name: 'Keep the connection' }).click();
    expect(await trigger.count()).toBe(1);
  });
});

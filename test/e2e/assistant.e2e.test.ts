import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import type { AppHost } from '../bridge/app-host';
import { recordStep } from './accessibility';
import { openAppForFile, type OpenApp } from './sandbox-page';
import type { WizardDriver } from './wizard-driver';

/**
 * "Do the Entra steps for me", one thing per screen, in Chromium against the sandbox: the
 * assistant's controls first and the by-hand guide folded below them, step 6 in parts with its
 * own progress, a checklist that says who checked each outcome, Next's reason in the assistant's
 * terms, the Tenant URL shown whole in a copy row that does not move, and step 7 in five parts.
 * Every screenshot is scanned by axe; steps 6 and 7 are shown in the dark theme too.
 */
let app: OpenApp;
let host: AppHost;
let page: Page;
let wizard: WizardDriver;
const pageErrors: string[] = [];
const SOON = { timeout: 15_000 };

openAppForFile(
  pageErrors,
  (opened) => {
    app = opened;
    ({ host, page, wizard } = opened);
  },
  { clipboard: true },
);

async function checkpoint(name: string, alsoDark = false): Promise<void> {
  await recordStep(page, `assistant-${name}`);
  if (alsoDark) {
    await page.emulateMedia({ colorScheme: 'dark' });
    await recordStep(page, `assistant-${name}-dark`);
    await page.emulateMedia({ colorScheme: 'light' });
  }
  expect(pageErrors).toEqual([]);
}

const text = (pattern: string | RegExp) => page.getByText(pattern).count();
const checklist = () => page.getByRole('group', { name: 'Checklist' });
const nextReason = () => page.locator('.step-nav-reason').textContent();

/** The "checked by the assistant" / "you confirmed" beside the box named `label`. */
async function whoChecked(label: string | RegExp): Promise<string | null> {
  const box = checklist().getByRole('checkbox', { name: label });
  const id = await box.getAttribute('aria-describedby');
  return id === null ? null : page.locator(`[id="${id}"]`).textContent();
}

/** Top and left edges, to compare a box with its label. */
async function box(locator: Locator): Promise<{ x: number; y: number; w: number; h: number }> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('not on screen');
  return { x: found.x, y: found.y, w: found.width, h: found.height };
}

/** Signs in at the sandbox's Microsoft page, as the admin would in their browser. */
async function signIn(): Promise<void> {
  const before = host.opened.length;
  await wizard.button('Sign in to Microsoft').click();
  await expect.poll(() => host.opened.length, SOON).toBe(before + 1);
  const signInPage = await app.browser.context.newPage();
  await signInPage.goto(host.opened[before] ?? '');
  await signInPage.getByRole('button', { name: /Adele Vance/ }).click();
  await expect.poll(() => signInPage.getByText(/You are signed in/).count(), SOON).toBe(1);
  await signInPage.close();
  await expect.poll(() => text(/Signed in to Microsoft as/), SOON).toBe(1);
}

const TESTED =
  'Entra’s Test Connection passes and the configuration is created (older screen: saved)';
const MAPPED = 'The user mapping sends objectId (source) as externalId (target)';

describe('assistant mode shows one thing per screen, in Chromium', () => {
  it('does steps 3 and 4 through Graph, its ticks labelled as the assistant’s', async () => {
    await wizard.sandboxToAssistant();
    await signIn();
    // Next waits for an outcome, in the assistant's terms.
    expect(await nextReason()).toMatch(/^Not yet checked: “The enterprise app exists/);
    await wizard.button('Create the app').click();
    await expect
      .poll(
        () => whoChecked('The enterprise app exists, made with + Create your own application'),
        SOON,
      )
      .toBe('checked by the assistant');
    // Every label sits beside its box, not wrapped under it.
    for (const row of await checklist().locator('.check').all()) {
      const tick = await box(row.getByRole('checkbox'));
      const label = await box(row.locator('label'));
      expect(label.x).toBeGreaterThan(tick.x + tick.w);
      expect(Math.abs(label.y - tick.y)).toBeLessThan(tick.h);
    }
    await checkpoint('01-step3-checked-by-the-assistant');
    await wizard.next('Turn on automatic provisioning');
    await wizard.button('Set up the provisioning job').click();
    await expect.poll(() => text(/Done by the assistant/), SOON).toBeGreaterThan(0);
    expect(await text(/status: Not run yet|status: Not configured/)).toBeGreaterThan(0);
    await wizard.next('Create the SCIM connection');
    await wizard.button('Create SCIM connection').click();
    await expect.poll(() => text(/Its token is saved in your system keychain/), SOON).toBe(1);
  });

  it('opens step 6 at its first part, the assistant’s controls first and the guide folded', async () => {
    await wizard.next('Paste the credentials into Entra');
    expect(await text('Part 1 of 3: Give Entra the credentials')).toBe(1);
    const controls = await box(page.getByRole('heading', { name: 'Entra’s own Test Connection' }));
    const guide = page.getByText('How to do this by hand in the Entra admin center');
    expect((await box(guide)).y).toBeGreaterThan(controls.y);
    expect(await page.locator('details.by-hand').first().getAttribute('open')).toBeNull();
    // The first screen of the step holds the assistant's own controls.
    const testButton = await box(wizard.button('Run Entra’s Test Connection'));
    expect(testButton.y + testButton.h).toBeLessThan(780);
    const reason = await nextReason();
    expect(reason).toMatch(/^Not yet checked: “Entra’s Test Connection passes/);
    expect(reason).not.toMatch(/Paste/);
    await checkpoint('02-step6-part1', true);
  });

  it('shows the Tenant URL whole in a copy row that does not move when “Copied” appears', async () => {
    await page.getByText('How to do this by hand: the values to paste into Entra').click();
    const url = page.getByRole('textbox', { name: 'Tenant URL' });
    const value = await url.inputValue();
    expect(value).toMatch(/\?aadOptscim062020$/);
    // Nothing hidden: the field is as tall and as wide as its text.
    const overflow = await url.evaluate((field) => ({
      hiddenY: field.scrollHeight - field.clientHeight,
      hiddenX: field.scrollWidth - field.clientWidth,
    }));
    expect(overflow).toEqual({ hiddenY: 0, hiddenX: 0 });
    const copy = wizard.button('Copy Tenant URL');
    const before = { field: await box(url), button: await box(copy) };
    await copy.click();
    await expect.poll(() => page.locator('.copy-status').first().textContent()).toMatch(/^Copied/);
    expect(await host.clipboard.readText()).toBe(value);
    expect({ field: await box(url), button: await box(copy) }).toEqual(before);
    await url.scrollIntoViewIfNeeded();
    await checkpoint('03-tenant-url-whole');
    await page.getByText('How to do this by hand: the values to paste into Entra').click();
  });

  it('labels the assistant’s ticks and the admin’s own in the checklist', async () => {
    await wizard.button('Run Entra’s Test Connection').click();
    await expect.poll(() => text('Entra: passed'), SOON).toBe(1);
    await wizard.button('Save credentials in Entra').click();
    await expect.poll(() => whoChecked(TESTED), SOON).toBe('checked by the assistant');
    // The admin confirms the mapping themselves, as they may in either mode.
    await checklist().getByRole('checkbox', { name: MAPPED }).check();
    expect(await whoChecked(MAPPED)).toBe('you confirmed');
    await checklist().scrollIntoViewIfNeeded();
    await checkpoint('04-checklist-who-checked');
    await checklist().getByRole('checkbox', { name: MAPPED }).uncheck();
    expect(await whoChecked(MAPPED)).toBeNull();
  });

  it('moves to the mapping part, its progress said and the first part marked done', async () => {
    await wizard.button('Continue to part 2: Check the user mapping').click();
    expect(await text('Part 2 of 3: Check the user mapping')).toBe(1);
    const parts = page.getByRole('navigation', { name: 'Parts of this step' });
    expect(
      await parts.getByRole('button', { name: /Give Entra the credentials \(done\)/ }).count(),
    ).toBe(1);
    expect(await page.getByRole('heading', { name: 'Entra’s own Test Connection' }).count()).toBe(
      0,
    );
    await wizard.button('Check the mapping').click();
    await expect.poll(() => text(/externalId ← \[objectId\]/), SOON).toBeGreaterThan(0);
    await checkpoint('05-step6-part2-progress', true);
    await wizard.button('Apply this change…').click();
    await page
      .getByRole('group', { name: 'Change the user mapping in Entra?' })
      .getByRole('button', { name: 'Yes, apply this change' })
      .click();
    await expect.poll(() => whoChecked(MAPPED), SOON).toBe('checked by the assistant');
    await expect.poll(() => wizard.button('Next').isEnabled()).toBe(true);
  });

  it('opens step 7 at its first part, assigning, the guide folded below', async () => {
    await wizard.next('Provision users');
    expect(await text('Part 1 of 5: Assign users and groups')).toBe(1);
    const guide = page.getByText('How to do this by hand in the Entra admin center');
    const assign = await box(page.getByRole('heading', { name: 'Assign users and groups' }));
    expect((await box(guide)).y).toBeGreaterThan(assign.y);
    // One thing on this screen: the other parts' panels are not on it.
    expect(await page.getByRole('region', { name: 'Provision on demand' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Members in Stytch' }).count()).toBe(0);
    expect(await nextReason()).toMatch(
      /^Not yet checked: “Users or groups are assigned to the app” \(part 1: Assign users/,
    );
    await page.getByRole('searchbox', { name: 'Search users' }).fill('Diego');
    await wizard.button('Add Diego Siciliani').click();
    await wizard.button('Assign').click();
    await expect.poll(() => text(/Diego Siciliani: assigned/), SOON).toBe(1);
    await expect
      .poll(() => whoChecked('Users or groups are assigned to the app'), SOON)
      .toBe('checked by the assistant');
    await checkpoint('06-step7-part1-assign', true);
  });

  it('provisions one user on demand in part 2, with one user picker', async () => {
    await wizard.button('Continue to part 2: Provision one user now').click();
    expect(await text('Part 2 of 5: Provision one user now')).toBe(1);
    const onDemand = page.getByRole('region', { name: 'Provision on demand' });
    expect(await onDemand.getByRole('combobox').count()).toBe(0);
    expect(await onDemand.getByRole('searchbox').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Assign users and groups' }).count()).toBe(0);
    await wizard.button('Provision on demand').click();
    await expect.poll(() => text(/Provision on demand for Diego Siciliani: Success/), SOON).toBe(1);
    await checkpoint('07-step7-part2-on-demand');
  });

  it('turns provisioning on in part 3', async () => {
    await wizard.button('Continue to part 3: Turn provisioning on').click();
    expect(await text('Part 3 of 5: Turn provisioning on')).toBe(1);
    await wizard.button('Start provisioning').click();
    await expect
      .poll(() => whoChecked(/^Provisioning is on/), SOON)
      .toBe('checked by the assistant');
    await checkpoint('08-step7-part3-started');
  });

  it('watches members arrive in part 4, and Next opens', async () => {
    await wizard.button('Continue to part 4: Watch members arrive').click();
    expect(await text('Part 4 of 5: Watch members arrive')).toBe(1);
    await expect.poll(() => wizard.memberRow('diego.siciliani@contoso.com').count(), SOON).toBe(1);
    expect(await page.getByRole('heading', { name: 'Provisioning job health' }).count()).toBe(1);
    await expect.poll(() => wizard.button('Next').isEnabled(), SOON).toBe(true);
    const parts = page.getByRole('navigation', { name: 'Parts of this step' });
    for (const done of [
      'Assign users and groups',
      'Provision one user now',
      'Watch members arrive',
    ])
      expect(
        await parts.getByRole('button', { name: new RegExp(`^${done} \\(done\\)`) }).count(),
      ).toBe(1);
    await checkpoint('09-step7-part4-watch');
  });

  it('offers the optional proof with a test user in part 5, beside the members', async () => {
    await wizard
      .button('Continue to part 5: See deprovisioning with a test user (optional)')
      .click();
    expect(await text('Part 5 of 5: See deprovisioning with a test user (optional)')).toBe(1);
    expect(await wizard.button('Create and assign the test user').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Members in Stytch' }).count()).toBe(1);
    await checkpoint('10-step7-part5-test-user');
  });
});

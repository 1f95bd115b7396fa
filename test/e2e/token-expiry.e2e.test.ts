import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { SEEDED_ORGANIZATIONS } from '../../main/sandbox/seed';
import type { AppHost } from '../bridge/app-host';
import { recordStep } from './accessibility';
import { openAppForFile } from './sandbox-page';
import type { WizardDriver } from './wizard-driver';

/**
 * A connection whose token expires soon: the sandbox's "Hooli" organization has one that expires
 * in 10 days (main/sandbox/seed.ts). The app warns about it and starts the rotation from there.
 */
let host: AppHost;
let page: Page;
let wizard: WizardDriver;
const pageErrors: string[] = [];

openAppForFile(pageErrors, (opened) => {
  ({ host, page, wizard } = opened);
});

const expiryWarning = () =>
  page.getByRole('group', { name: /^The Secret Token expires in 10 days/ });

describe('a SCIM token that expires soon, in Chromium against the sandbox', () => {
  it('is warned about on the connection step, with the consequence and a way out', async () => {
    await expect.poll(() => wizard.heading().textContent()).toBe('Connect to Stytch');
    await wizard.button('Try it with a local sandbox').click();
    await expect.poll(() => wizard.heading().textContent()).toBe('Choose the organization');
    await wizard.chooseOrganization('Hooli', 'Hooli (token expires soon)');
    await wizard.throughEntraSteps();

    await expect.poll(() => expiryWarning().count()).toBe(1);
    expect(await expiryWarning().textContent()).toContain('Entra quarantines the provisioning job');
    expect(await page.getByText(/It expires in 10 days \(\d{4}-\d{2}-\d{2}\)\./).count()).toBe(1);
    await recordStep(page, 'token-expiry-01-warning');
    expect(pageErrors).toEqual([]);
  });

  it('starts the rotation from the warning: a new token, kept, with its own expiry', async () => {
    await expiryWarning().getByRole('button', { name: 'Rotate the token now' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Rotating the token' }).count())
      .toBe(1);
    const sandbox = await host.services.sandbox.ensureStarted();
    const connectionId =
      sandbox.state.getConnection(SEEDED_ORGANIZATIONS.hooli)?.connection_id ?? '';
    expect((await host.storedSecrets()).get(`scim-next-token:${connectionId}`)).toHaveLength(48);
    // The panel fills in as the rotation's answer arrives: polled, as a loaded machine answers late.
    await expect
      .poll(() => page.getByText(/^The current token expires in 10 days/).count())
      .toBe(1);
    await expect.poll(() => page.getByText(/^New Secret Token expires in 3 years/).count()).toBe(1);
    await recordStep(page, 'token-expiry-02-rotation-started');
    expect(pageErrors).toEqual([]);
  });
});

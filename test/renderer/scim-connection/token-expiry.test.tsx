import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ScimConnectionView } from '../../../shared/stytch/views';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { installConnectedAt, okFor, type FakeAssistant } from '../fake-assistant';
import { connectionView, expiresInDays } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { handOverFakes } from '../rotation/rotation-fakes';

cleanUpAfterEach();

const expiring = connectionView({ bearerTokenExpiresAt: expiresInDays(10) });
const rotating = connectionView({
  bearerTokenExpiresAt: expiring.bearerTokenExpiresAt,
  rotating: true,
  nextToken: { storage: 'keychain', last4: 'N3wT' },
  nextBearerTokenExpiresAt: expiresInDays(3 * 365),
});

function installAt(step: WizardStepId, connection: ScimConnectionView): FakeAssistant {
  return installConnectedAt(step, {
    'scim:getConnection': () => okFor('scim:getConnection', { connection }),
    'scim:rotateStart': () =>
      okFor('scim:rotateStart', { connection: rotating, keychainWarning: null }),
    // Not signed in to Microsoft, Stytch's documented reading: the hand-over by hand.
    ...handOverFakes(false),
  });
}

const warning = () => screen.findByRole('group', { name: /^The Secret Token expires in 10 days/ });

describe('a token that expires soon', () => {
  it('is warned about on the connection step, and rotation starts from the warning', async () => {
    const fake = installAt('create-scim-connection', expiring);
    const { user } = await renderApp();
    const notice = await warning();
    expect(notice.textContent).toContain('Entra quarantines the provisioning job');

    await user.click(within(notice).getByRole('button', { name: 'Rotate the token now' }));

    expect(await screen.findByRole('heading', { name: 'Rotating the token' })).toBeTruthy();
    expect(fake.callsTo('scim:rotateStart')).toEqual([
      { organizationId: 'organization-test-1', connectionId: 'scim-connection-test-1' },
    ]);
    expect(screen.getByText(/^The current token expires in 10 days/)).toBeTruthy();
    expect(await screen.findByText(/^New Secret Token expires in 3 years/)).toBeTruthy();
  });

  it('is warned about on the credentials step, whose button rotates on the connection step', async () => {
    const fake = installAt('configure-credentials', expiring);
    const { user } = await renderApp();
    expect(await screen.findByText(/^Secret Token expires in 10 days/)).toBeTruthy();

    await user.click(within(await warning()).getByRole('button', { name: 'Rotate the token now' }));

    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Create the SCIM connection',
    );
    expect(await screen.findByRole('heading', { name: 'Rotating the token' })).toBeTruthy();
    expect(fake.callsTo('scim:rotateStart')).toHaveLength(1);
  });

  it('is warned about once it has expired', async () => {
    installAt(
      'create-scim-connection',
      connectionView({ bearerTokenExpiresAt: expiresInDays(-3) }),
    );
    await renderApp();
    const notice = await screen.findByRole('group', {
      name: /^The Secret Token expired 3 days ago/,
    });
    expect(within(notice).getByRole('button', { name: 'Rotate the token now' })).toBeTruthy();
  });
});

describe('a token far from its expiry', () => {
  it('shows the expiry in plain words, without a warning', async () => {
    installAt(
      'create-scim-connection',
      connectionView({ bearerTokenExpiresAt: expiresInDays(335) }),
    );
    const { user } = await renderApp();
    expect(await screen.findByText(/It expires in 11 months \(\d{4}-\d{2}-\d{2}\)\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Rotate the token now' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Show connection details' }));
    const details = screen.getByText('Token expiry').closest('div');
    expect(details?.textContent).toMatch(/expires in 11 months/);
  });

  it('says so when Stytch gives no expiry date', async () => {
    installAt('configure-credentials', connectionView({ bearerTokenExpiresAt: null }));
    await renderApp();
    expect(await screen.findByText('Secret Token has no expiry date from Stytch.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Rotate the token now' })).toBeNull();
  });
});

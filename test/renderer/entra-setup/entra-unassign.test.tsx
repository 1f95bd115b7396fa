import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { seriousViolations } from '../a11y/serious-violations';
import { okFor } from '../fake-assistant';
import { appError } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { entraApp, entraHealth, entraView, jobView, microsoftStatus } from './entra-fixtures';
import { installEntraAt } from './install';

cleanUpAfterEach();

const ORG = 'organization-test-1';
const alice = {
  principalId: 'a11ce000-0000-4000-8000-000000000001',
  kind: 'user' as const,
  displayName: 'Alice',
};
const sales = {
  principalId: '5a1e5000-0000-4000-8000-000000000004',
  kind: 'group' as const,
  displayName: 'Sales',
};
const view: EntraSetupView = entraView({
  app: entraApp(),
  job: jobView({ status: 'Active', scheduleState: 'Active', interval: 'PT20S' }),
  assignments: [alice, sales],
});
const sandboxStatus = () => okFor('microsoft:status', microsoftStatus({ sandbox: true }));
/** The health panel's read brings the same job (its interval is what the question quotes). */
const health = () => okFor('entra:health', entraHealth({ job: view.job ?? jobView() }));

describe('Step 7: unassign a user or group', () => {
  it('asks first, and keeping them sends nothing', async () => {
    const fake = installEntraAt('provision-users', {
      'microsoft:status': sandboxStatus,
      'entra:get': () => okFor('entra:get', view),
      'entra:health': health,
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Unassign Alice' }));
    const question = screen.getByRole('group', { name: 'Unassign Alice from the app?' });
    expect(within(question).getByText(/deactivates their member in Stytch/)).toBeTruthy();
    // Sandbox mode is known once microsoft:status has answered.
    expect(
      await within(question).findByText(/In the sandbox that is within 20 seconds/),
    ).toBeTruthy();
    await user.click(within(question).getByRole('button', { name: 'Keep Alice' }));
    expect(screen.queryByRole('group', { name: 'Unassign Alice from the app?' })).toBeNull();
    expect(fake.callsTo('entra:unassign')).toEqual([]);
    const list = screen.getByRole('list', { name: 'Assigned to the app' });
    expect(within(list).getByRole('button', { name: 'Unassign Alice' })).toBeTruthy();
  });

  it('sends entra:unassign with the principal only after "Yes, unassign", then says what happens next', async () => {
    const fake = installEntraAt('provision-users', {
      'microsoft:status': sandboxStatus,
      'entra:get': () => okFor('entra:get', view),
      'entra:health': health,
      'entra:unassign': () => okFor('entra:unassign', { ...view, assignments: [sales] }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Unassign Alice' }));
    expect(fake.callsTo('entra:unassign')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Yes, unassign' }));
    expect(fake.callsTo('entra:unassign')).toEqual([
      { organizationId: ORG, principalId: alice.principalId },
    ]);
    const done = await screen.findByText(/^Unassigned Alice\./);
    expect(done.textContent).toContain('at its next provisioning cycle');
    await waitFor(() => expect(document.activeElement).toBe(done));
    const list = screen.getByRole('list', { name: 'Assigned to the app' });
    expect(within(list).queryByRole('button', { name: 'Unassign Alice' })).toBeNull();
    expect(within(list).getByRole('button', { name: 'Unassign Sales' })).toBeTruthy();
  });

  it('explains a group’s unassignment, with Entra’s interval outside the sandbox', async () => {
    installEntraAt('provision-users', {
      'entra:get': () =>
        okFor('entra:get', { ...view, job: jobView({ status: 'Active', interval: 'PT40M' }) }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Unassign Sales' }));
    const question = screen.getByRole('group', { name: 'Unassign Sales from the app?' });
    expect(
      within(question).getByText(/members who are not assigned to the app another way/),
    ).toBeTruthy();
    expect(within(question).getByText(/Entra runs a cycle every 40 minutes/)).toBeTruthy();
  });

  it('shows a refusal in the panel and keeps the question open to retry', async () => {
    const fake = installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', view),
      'entra:health': health,
      'entra:unassign': () => ({
        ok: false,
        error: appError({
          code: 'ENTRA_NOT_ASSIGNED',
          message: 'This user or group is not assigned to the Entra app.',
          hint: 'Someone may have unassigned them already.',
          retryable: false,
        }),
      }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Unassign Alice' }));
    await user.click(screen.getByRole('button', { name: 'Yes, unassign' }));
    expect(await screen.findByText('The unassignment did not finish.')).toBeTruthy();
    expect(screen.getByText('This user or group is not assigned to the Entra app.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Unassign Alice from the app?' })).toBeTruthy();
    expect(fake.callsTo('entra:unassign')).toHaveLength(1);
  });

  it('has no serious accessibility violations with the question open', async () => {
    installEntraAt('provision-users', {
      'microsoft:status': sandboxStatus,
      'entra:get': () => okFor('entra:get', view),
      'entra:health': health,
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Unassign Alice' }));
    expect(await seriousViolations()).toEqual([]);
  });
});

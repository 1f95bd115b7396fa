import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { seriousViolations } from '../a11y/serious-violations';
import { okFor } from '../fake-assistant';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { entraApp, entraHealth, entraView, jobView, microsoftStatus } from './entra-fixtures';
import { installEntraAt, openProvisionPart } from './install';

cleanUpAfterEach();

const ORG = 'organization-test-1';
const testUser = {
  id: '6d1c0c8e-3b7a-4c52-9a41-0c0fee000099',
  kind: 'user' as const,
  displayName: 'Test User (SCIM check)',
  detail: 'scim.check@contoso.com',
};
const alice = {
  principalId: 'a11ce000-0000-4000-8000-000000000001',
  kind: 'user' as const,
  displayName: 'Alice',
};
const view: EntraSetupView = entraView({
  app: entraApp(),
  job: jobView({ status: 'Active', scheduleState: 'Active', interval: 'PT20S' }),
  assignments: [alice],
});
const health = () => okFor('entra:health', entraHealth({ job: view.job ?? jobView() }));
const proof = () =>
  screen.getByRole('region', { name: 'Optional: see deprovisioning with a test user' });

describe('Step 7: the optional deprovisioning proof with a test user', () => {
  it('in the sandbox, creates the test user and assigns it, and nobody is unassigned', async () => {
    openProvisionPart('test-user');
    const fake = installEntraAt('provision-users', {
      'microsoft:status': () => okFor('microsoft:status', microsoftStatus({ sandbox: true })),
      'entra:get': () => okFor('entra:get', view),
      'entra:health': health,
      'sandbox:createTestUser': () => okFor('sandbox:createTestUser', testUser),
      'entra:assign': () =>
        okFor('entra:assign', {
          view: {
            ...view,
            assignments: [
              alice,
              { principalId: testUser.id, kind: 'user', displayName: testUser.displayName },
            ],
          },
          outcomes: [{ principalId: testUser.id, alreadyAssigned: false }],
        }),
    });
    const { user } = await renderApp();
    await user.click(
      await screen.findByRole('button', { name: 'Create and assign the test user' }),
    );
    expect(fake.callsTo('sandbox:createTestUser')).toEqual([{}]);
    expect(fake.callsTo('entra:assign')).toEqual([
      { organizationId: ORG, principals: [{ id: testUser.id, kind: 'user' }] },
    ]);
    expect(await within(proof()).findByText(/is assigned to the app/)).toBeTruthy();
    // Unassigning it is offered beside the proof, and only for the test user.
    expect(
      within(proof())
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Unassign Test User (SCIM check)']);
    expect(fake.callsTo('entra:unassign')).toEqual([]);
    expect(await seriousViolations()).toEqual([]);
  });

  it('still says the test user was unassigned after the admin looks at another part', async () => {
    openProvisionPart('test-user');
    const withTestUser: EntraSetupView = {
      ...view,
      assignments: [
        alice,
        { principalId: testUser.id, kind: 'user', displayName: testUser.displayName },
      ],
    };
    installEntraAt('provision-users', {
      'microsoft:status': () => okFor('microsoft:status', microsoftStatus({ sandbox: true })),
      'entra:get': () => okFor('entra:get', withTestUser),
      'entra:health': health,
      'entra:unassign': () => okFor('entra:unassign', view),
    });
    const { user } = await renderApp();
    await user.click(
      await within(proof()).findByRole('button', { name: 'Unassign Test User (SCIM check)' }),
    );
    await user.click(screen.getByRole('button', { name: 'Yes, unassign' }));
    const said = /^Unassigned Test User \(SCIM check\)\. Entra deactivates its member/;
    expect(await within(proof()).findByText(said)).toBeTruthy();
    const parts = screen.getByRole('navigation', { name: 'Parts of this step' });
    await user.click(within(parts).getByRole('button', { name: /^Watch members arrive/ }));
    await user.click(within(parts).getByRole('button', { name: /^See deprovisioning/ }));
    expect(within(proof()).getByText(said)).toBeTruthy();
    // Not offered again: the test user was made and unassigned already.
    expect(within(proof()).queryByRole('button', { name: /Create and assign/ })).toBeNull();
  });

  it('in a real tenant, suggests a test user by name, says it creates none, and offers no button', async () => {
    openProvisionPart('test-user');
    const fake = installEntraAt('provision-users', {
      'microsoft:status': () => okFor('microsoft:status', microsoftStatus({ sandbox: false })),
      'entra:get': () => okFor('entra:get', view),
      'entra:health': health,
    });
    await renderApp();
    const region = await screen.findByRole('region', {
      name: 'Optional: see deprovisioning with a test user',
    });
    expect(within(region).getByText(/for example “Test User \(SCIM check\)”/)).toBeTruthy();
    expect(within(region).getByText(/does not create users in your tenant/)).toBeTruthy();
    expect(within(region).getByText(/never a real person/)).toBeTruthy();
    expect(within(region).queryByRole('button')).toBeNull();
    expect(fake.callsTo('sandbox:createTestUser')).toEqual([]);
  });
});

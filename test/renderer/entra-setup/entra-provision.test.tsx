import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { DirectoryPrincipal, EntraSetupView } from '../../../shared/entra/entra-views';
import { checklistKey } from '../../../shared/wizard/content';
import { useWizardStore } from '../../../renderer/state/wizard-store';
import { okFor } from '../fake-assistant';
import { cleanUpAfterEach, renderApp } from '../render-app';
import {
  entraApp,
  entraHealth,
  entraView,
  jobView,
  logRow,
  microsoftStatus,
} from './entra-fixtures';
import { installEntraAt, openProvisionPart } from './install';

cleanUpAfterEach();

const ORG = 'organization-test-1';
const ticked = (id: string) =>
  Boolean(useWizardStore.getState().checklist[checklistKey('provision-users', id)]);
const alice: DirectoryPrincipal = {
  id: 'a11ce000-0000-4000-8000-000000000001',
  kind: 'user',
  displayName: 'Alice',
  detail: 'alice@contoso.test',
};
const bob: DirectoryPrincipal = {
  id: 'b0b00000-0000-4000-8000-000000000002',
  kind: 'user',
  displayName: 'Bob',
  detail: null,
};
const carol: DirectoryPrincipal = {
  id: 'ca401000-0000-4000-8000-000000000003',
  kind: 'user',
  displayName: 'Carol',
  detail: 'carol@contoso.test',
};
const sales: DirectoryPrincipal = {
  id: '5a1e5000-0000-4000-8000-000000000004',
  kind: 'group',
  displayName: 'Sales',
  detail: null,
};
const base: EntraSetupView = entraView({ app: entraApp(), job: jobView(), assignments: [] });
const assigned = (view: EntraSetupView): EntraSetupView => ({
  ...view,
  assignments: [
    { principalId: alice.id, kind: 'user', displayName: 'Alice' },
    { principalId: sales.id, kind: 'group', displayName: 'Sales' },
  ],
});

describe('Step 7: assign users and groups', () => {
  it('searches both pickers, assigns the selection and says an existing assignment is fine', async () => {
    const fake = installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', base),
      'entra:searchDirectory': ({ kind, text }) =>
        okFor('entra:searchDirectory', {
          principals:
            kind === 'group' ? [sales] : [alice, bob].filter((p) => p.displayName.includes(text)),
        }),
      'entra:assign': () =>
        okFor('entra:assign', {
          view: assigned(base),
          outcomes: [
            { principalId: alice.id, alreadyAssigned: false },
            { principalId: sales.id, alreadyAssigned: true },
          ],
        }),
    });
    const { user } = await renderApp();
    const users = await screen.findByRole('list', { name: 'Users found' });
    await within(users).findByText('Bob');
    await user.type(screen.getByLabelText('Search users'), 'Ali');
    await waitFor(() => expect(within(users).queryByText('Bob')).toBeNull());
    expect(fake.callsTo('entra:searchDirectory')).toContainEqual({ kind: 'user', text: 'Ali' });
    await user.click(screen.getByRole('button', { name: 'Add Alice' }));
    await user.click(await screen.findByRole('button', { name: 'Add Sales' }));
    const chips = screen.getByRole('list', { name: 'Selected' });
    expect(within(chips).getByText(/Alice/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    expect(fake.callsTo('entra:assign')).toEqual([
      {
        organizationId: ORG,
        principals: [
          { id: alice.id, kind: 'user' },
          { id: sales.id, kind: 'group' },
        ],
      },
    ]);
    expect(await screen.findByText('Sales: already assigned (fine)')).toBeTruthy();
    expect(screen.getByText('Alice: assigned')).toBeTruthy();
    await waitFor(() => expect(ticked('assigned')).toBe(true));
  });

  it('says who is already assigned in the search results, rather than offering Add again', async () => {
    installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', assigned(base)),
      'entra:searchDirectory': ({ kind }) =>
        okFor('entra:searchDirectory', { principals: kind === 'group' ? [sales] : [alice, bob] }),
    });
    await renderApp();
    const users = await screen.findByRole('list', { name: 'Users found' });
    const alreadyThere = await within(users).findByRole('button', { name: 'Assigned Alice' });
    expect(alreadyThere.hasAttribute('disabled')).toBe(true);
    expect(within(users).getByRole('button', { name: 'Add Bob' })).toBeTruthy();
    const groups = screen.getByRole('list', { name: 'Groups found' });
    expect(
      (await within(groups).findByRole('button', { name: 'Assigned Sales' })).textContent,
    ).toBe('Assigned');
  });
});

describe('Step 7: start and provision on demand', () => {
  it('starts provisioning with the sandbox’s interval labelled', async () => {
    openProvisionPart('start');
    installEntraAt('provision-users', {
      'microsoft:status': () => okFor('microsoft:status', microsoftStatus({ sandbox: true })),
      'entra:get': () => okFor('entra:get', base),
      'entra:start': () =>
        okFor('entra:start', {
          ...base,
          job: jobView({ status: 'Active', scheduleState: 'Active', interval: 'PT20S' }),
        }),
    });
    const { user } = await renderApp();
    const startButton = await screen.findByRole('button', { name: 'Start provisioning' });
    expect(startButton.className).toContain('button-primary');
    await user.click(startButton);
    expect(
      await screen.findByText('Sandbox: a cycle every 20 seconds (Entra: about every 40 minutes)'),
    ).toBeTruthy();
    await waitFor(() => expect(ticked('started')).toBe(true));
    // Once the job runs, starting again is no longer the section's next action.
    expect(screen.getByRole('button', { name: 'Start provisioning' }).className).not.toContain(
      'button-primary',
    );
  });

  it('provisions the chosen assigned user and shows Entra’s steps', async () => {
    openProvisionPart('on-demand');
    const fake = installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', assigned(base)),
      'entra:provisionOnDemand': ({ userId }) =>
        okFor('entra:provisionOnDemand', {
          ...assigned(base),
          lastOnDemand: {
            userId,
            userDisplayName: 'Alice',
            result: 'Success',
            errorCode: null,
            errorMessage: null,
            targetId: 'scim-alice',
            steps: [
              {
                name: 'Import',
                type: 'Import',
                status: 'Success',
                description: 'Retrieved the user',
                details: { objectId: userId },
              },
              {
                name: 'Export',
                type: 'Export',
                status: 'Success',
                description: 'Created the user',
                details: {},
              },
            ],
          },
        }),
    });
    const { user } = await renderApp();
    expect((await screen.findByText(/^User to provision:/)).textContent).toBe(
      'User to provision: Alice (assigned to the app)',
    );
    await user.click(screen.getByRole('button', { name: 'Provision on demand' }));
    expect(fake.callsTo('entra:provisionOnDemand')).toEqual([
      { organizationId: ORG, userId: alice.id },
    ]);
    const steps = await screen.findByRole('list', { name: 'Entra’s steps' });
    expect(within(steps).getByText('Import')).toBeTruthy();
    expect(within(steps).getByText(/Created the user/)).toBeTruthy();
    expect(screen.getByText('Provision on demand for Alice: Success')).toBeTruthy();
    await waitFor(() => expect(ticked('on-demand')).toBe(true));
  });
  it('provisions a user found by search who is not assigned directly, named in the result', async () => {
    openProvisionPart('on-demand');
    const fake = installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', assigned(base)),
      'entra:searchDirectory': ({ text }) =>
        okFor('entra:searchDirectory', {
          principals: [alice, bob, carol].filter((p) => p.displayName.includes(text)),
        }),
      'entra:provisionOnDemand': ({ userId }) =>
        okFor('entra:provisionOnDemand', {
          ...assigned(base),
          // Entra's summary may leave the name out; the panel names the user it chose.
          lastOnDemand: {
            userId,
            userDisplayName: null,
            result: 'Success',
            errorCode: null,
            errorMessage: null,
            targetId: 'scim-carol',
            steps: [],
          },
        }),
    });
    const { user } = await renderApp();
    // One picker: the user assigned directly is chosen to begin with, and no other control
    // (such as a list box) offers a second way to choose.
    const chosen = await screen.findByText(/^User to provision:/);
    expect(chosen.textContent).toBe('User to provision: Alice (assigned to the app)');
    const panel = screen.getByRole('region', { name: 'Provision on demand' });
    expect(within(panel).queryByRole('combobox')).toBeNull();
    await user.type(screen.getByLabelText('Choose another user'), 'Car');
    const found = screen.getByRole('list', { name: 'Users found to provision on demand' });
    await waitFor(() => expect(within(found).queryByText('Alice')).toBeNull());
    await user.click(within(found).getByRole('button', { name: 'Choose Carol' }));
    expect(chosen.textContent).toBe('User to provision: Carol');
    // Its button says so, in its name too.
    expect(within(found).getByRole('button', { name: 'Chosen Carol' }).textContent).toBe('Chosen');
    await user.click(screen.getByRole('button', { name: 'Provision on demand' }));
    expect(fake.callsTo('entra:provisionOnDemand')).toEqual([
      { organizationId: ORG, userId: carol.id },
    ]);
    expect(await screen.findByText('Provision on demand for Carol: Success')).toBeTruthy();
    // The assignment pickers (in the step's first part) keep their own results.
    const parts = screen.getByRole('navigation', { name: 'Parts of this step' });
    await user.click(within(parts).getByRole('button', { name: /^Assign users and groups/ }));
    const toAssign = screen.getByRole('list', { name: 'Users found' });
    expect(within(toAssign).getByText('Bob')).toBeTruthy();
  });
});

describe('Step 7: job health', () => {
  it('shows the quarantine and its log, failures first, and restarts only after confirmation', async () => {
    const quarantined = jobView({
      status: 'Quarantine',
      quarantine: {
        reason: 'EncounteredQuarantineException',
        since: '2026-12-01T11:00:00.000Z',
        nextAttempt: '2026-12-02T11:00:00.000Z',
        error: {
          code: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
          message: 'HTTP 500',
        },
      },
    });
    openProvisionPart('watch');
    const fake = installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', base),
      'entra:health': () =>
        okFor('entra:health', entraHealth({ job: quarantined, log: [logRow()] })),
      'entra:restart': () => okFor('entra:restart', entraHealth()),
    });
    const { user } = await renderApp();
    expect(await screen.findByText('The provisioning job is in quarantine')).toBeTruthy();
    expect(
      screen.getByText(
        'Reason: Entra met an error it cannot get past (often the Tenant URL or the Secret Token)',
      ),
    ).toBeTruthy();
    const log = screen.getByRole('list', { name: 'Provisioning log' });
    expect(within(log).getByText(/Alice · Create · Failure/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Restart provisioning…' }));
    expect(fake.callsTo('entra:restart')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Yes, restart provisioning' }));
    expect(fake.callsTo('entra:restart')).toEqual([{ organizationId: ORG }]);
    await waitFor(() =>
      expect(screen.queryByText('The provisioning job is in quarantine')).toBeNull(),
    );
  });

  it('offers sign-in for the log’s permissions when only the log is refused', async () => {
    openProvisionPart('watch');
    const fake = installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', base),
      'entra:health': () =>
        okFor(
          'entra:health',
          entraHealth({
            logError: {
              code: 'MICROSOFT_CONSENT_REQUIRED',
              message: 'Consent is needed to read the logs.',
              hint: 'Sign in again.',
              // Main names the failed call's Graph action (main/graph/graph-errors.ts).
              action: 'read-provisioning-logs',
            },
          }),
        ),
    });
    const { user } = await renderApp();
    expect(await screen.findByText('Consent is needed to read the logs.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sign in to Microsoft' }));
    expect(fake.callsTo('microsoft:signIn')).toEqual([{ action: 'read-provisioning-logs' }]);
    await waitFor(() => expect(fake.callsTo('entra:health')).toHaveLength(2));
  });

  it('says how many log entries could not be read, and still shows the others', async () => {
    openProvisionPart('watch');
    installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', base),
      'entra:health': () => okFor('entra:health', entraHealth({ log: [logRow()], unreadable: 1 })),
    });
    await renderApp();
    expect(await screen.findByText(/^1 log entry could not be read/)).toBeTruthy();
    const log = screen.getByRole('list', { name: 'Provisioning log' });
    expect(within(log).getByText(/Alice · Create · Failure/)).toBeTruthy();
  });

  it('says the log could not be read in full rather than "No entries yet" when every entry was unreadable', async () => {
    openProvisionPart('watch');
    installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', base),
      'entra:health': () => okFor('entra:health', entraHealth({ unreadable: 3 })),
    });
    await renderApp();
    expect(await screen.findByText(/^3 log entries could not be read/)).toBeTruthy();
    expect(screen.queryByText('No entries yet.')).toBeNull();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('says when it was updated, and that it updates itself while the job is active', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 1, 12, 1, 5));
    openProvisionPart('watch');
    const fake = installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', base),
      'entra:health': () =>
        okFor('entra:health', entraHealth({ job: jobView({ status: 'Active' }) })),
    });
    const { user } = await renderApp();
    expect(await screen.findByText(/^Updated .*2026.*12:01:05/)).toBeTruthy();
    const check = screen.getByRole('button', { name: 'Check job health' });
    expect(screen.getByText(/Updates itself every 5 minutes while the job is active/)).toBeTruthy();
    expect(fake.callsTo('entra:health')).toHaveLength(1);

    vi.setSystemTime(new Date(2026, 11, 1, 12, 7, 30));
    await user.click(check);
    expect(await screen.findByText(/^Updated .*2026.*12:07:30/)).toBeTruthy();
    expect(fake.callsTo('entra:health')).toHaveLength(2);
  });
});

import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { checklistKey } from '../../../shared/wizard/content';
import { useWizardStore } from '../../../renderer/state/wizard-store';
import { okFor } from '../fake-assistant';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { entraApp, entraView, jobScope, jobView } from './entra-fixtures';
import { installEntraAt, openProvisionPart } from './install';

cleanUpAfterEach();

const ORG = 'organization-test-1';
const CONNECTION = 'scim-connection-test-1';
const scopeTicked = () =>
  Boolean(useWizardStore.getState().checklist[checklistKey('provision-users', 'scope')]);
const base: EntraSetupView = entraView({ app: entraApp(), job: jobView(), assignments: [] });
const ALL = jobScope({ scope: 'all', syncAll: 'True', userCount: 12 });
const started = { ...base, job: jobView({ status: 'Active', scheduleState: 'Active' }) };

describe('Step 7: the scope before Start', () => {
  it('asks before starting a job that syncs all users and groups, naming how many users Entra would send', async () => {
    openProvisionPart('start');
    const fake = installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', base),
      'entra:readScope': () => okFor('entra:readScope', ALL),
      'entra:start': () => okFor('entra:start', { ...started, scope: ALL }),
    });
    const { user } = await renderApp();
    expect(await screen.findByText('Sync all users and groups', { selector: 'dd' })).toBeTruthy();
    expect(scopeTicked()).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Start provisioning…' }));
    const question = screen.getByRole('group', {
      name: 'Start provisioning with “Sync all users and groups”?',
    });
    expect(
      within(question).getByText(
        'Entra would send all 12 users in the tenant to Stytch, not only the users and groups assigned to the app.',
      ),
    ).toBeTruthy();
    expect(fake.callsTo('entra:start')).toEqual([]);
    await user.click(
      within(question).getByRole('button', { name: 'Yes, sync all users and groups' }),
    );
    expect(fake.callsTo('entra:start')).toEqual([{ organizationId: ORG, confirmScope: 'all' }]);
  });

  it('switches to assigned-only from the question; the scope item then ticks itself', async () => {
    openProvisionPart('start');
    const fake = installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', base),
      'entra:readScope': () => okFor('entra:readScope', ALL),
      'entra:setAssignedOnly': () => okFor('entra:setAssignedOnly', { ...base, scope: jobScope() }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Start provisioning…' }));
    await user.click(
      screen.getByRole('button', { name: 'Switch to “Sync only assigned users and groups”' }),
    );
    expect(fake.callsTo('entra:setAssignedOnly')).toEqual([
      { organizationId: ORG, connectionId: CONNECTION },
    ]);
    expect(
      await screen.findByText('Sync only assigned users and groups', { selector: 'dd' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start provisioning' })).toBeTruthy();
    await waitFor(() => expect(scopeTicked()).toBe(true));
    expect(fake.callsTo('entra:start')).toEqual([]);
  });

  it('shows main’s refusal when the scope changed meanwhile, then asks with the scope main read', async () => {
    let reads = 0;
    openProvisionPart('start');
    const fake = installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', base),
      // Assigned-only when the step opened; "all" once the admin center changed it.
      'entra:readScope': () => okFor('entra:readScope', (reads += 1) === 1 ? jobScope() : ALL),
      'entra:start': () => ({
        ok: false,
        error: {
          code: 'ENTRA_CONFIRMATION_REQUIRED',
          message: 'Provisioning was not started: the job’s scope is “Sync all users and groups”.',
          hint: 'Switch the scope, or confirm.',
        },
      }),
    });
    const { user } = await renderApp();
    await screen.findByText('Sync only assigned users and groups', { selector: 'dd' });
    await user.click(screen.getByRole('button', { name: 'Start provisioning' }));
    expect(await screen.findByText(/Provisioning was not started/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Start provisioning…' })).toBeTruthy();
    expect(screen.getByText('Sync all users and groups', { selector: 'dd' })).toBeTruthy();
    expect(fake.callsTo('entra:start')).toEqual([{ organizationId: ORG }]);
  });
});

describe('Step 7: provision on demand while an assignment replicates', () => {
  it('counts down to the next run while Entra does not see the assignment yet', async () => {
    let answer: (() => void) | null = null;
    openProvisionPart('on-demand');
    const fake = installEntraAt('provision-users', {
      'entra:get': () =>
        okFor('entra:get', {
          ...base,
          assignments: [
            {
              principalId: 'a11ce000-0000-4000-8000-000000000001',
              kind: 'user',
              displayName: 'Alice',
            },
          ],
        }),
      'entra:provisionOnDemand': ({ userId }) =>
        new Promise((resolve) => {
          answer = () =>
            resolve(
              okFor('entra:provisionOnDemand', {
                ...base,
                lastOnDemand: {
                  userId,
                  userDisplayName: 'Alice',
                  result: 'Skipped',
                  errorCode: null,
                  errorMessage: null,
                  targetId: null,
                  steps: [],
                  assignmentWait: { attempts: 6, waitedMs: 180_000, honoured: false },
                },
              }),
            );
        }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Provision on demand' }));
    act(() => {
      fake.emit('entra:onDemandWait', {
        organizationId: ORG,
        userId: 'a11ce000-0000-4000-8000-000000000001',
        attempts: 1,
        nextAttemptAt: new Date(Date.now() + 20_000).toISOString(),
        giveUpAt: new Date(Date.now() + 180_000).toISOString(),
      });
    });
    expect(await screen.findByText(/Entra does not see the assignment yet/)).toBeTruthy();
    expect(screen.getByText(/Asking again in (19|20) s \(asked 1 time so far\)/)).toBeTruthy();
    act(() => answer?.());
    expect(
      await screen.findByText(
        'Entra still says Alice is not assigned to the app, 180 s and 6 runs later, so the assistant stopped asking.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/Entra does not see the assignment yet/)).toBeNull();
  });
});

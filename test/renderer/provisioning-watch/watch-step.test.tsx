import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { WatchSnapshot } from '../../../shared/provisioning/watch';
import {
  ARRIVED_KEY,
  DEACTIVATED_KEY,
} from '../../../renderer/features/provisioning-watch/WatchStep';
import { useWatchStore } from '../../../renderer/state/watch-store';
import { useWizardStore } from '../../../renderer/state/wizard-store';
import { installConnectedAt, okFor } from '../fake-assistant';
import { connectionView } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';

cleanUpAfterEach();

const CONNECTION = connectionView();

function snapshot(overrides: Partial<WatchSnapshot> = {}): WatchSnapshot {
  return {
    organizationId: CONNECTION.organizationId,
    connectionId: CONNECTION.connectionId,
    state: 'watching',
    members: [],
    counts: { active: 0, deactivated: 0, total: 0 },
    timeline: [],
    lastPolledAt: '2026-12-01T12:00:00.000Z',
    nextPollInMs: 3_000,
    failure: null,
    ...overrides,
  };
}

const alice = {
  memberId: 'member-test-alice',
  email: 'alice@contoso.com',
  name: 'Alice',
  status: 'active' as const,
  externalId: 'object-alice',
  groups: ['Sales'],
  roles: ['stytch_member'],
  firstSeenAt: '2026-12-01T12:04:00.000Z',
  lastChangedAt: '2026-12-01T12:04:00.000Z',
};

function installAtProvisionStep(first = snapshot()) {
  return installConnectedAt('provision-users', {
    'scim:getConnection': () => okFor('scim:getConnection', { connection: CONNECTION }),
    'watch:start': () => okFor('watch:start', first),
    'watch:refresh': () => okFor('watch:refresh', first),
    'watch:stop': () => okFor('watch:stop', { ...first, state: 'stopped', nextPollInMs: null }),
  });
}

describe('Provision users: the watch', () => {
  it('watches the chosen connection and says what to expect before anyone arrives', async () => {
    const fake = installAtProvisionStep();
    await renderApp();
    expect(await screen.findByText('No member of this connection in Stytch yet.')).toBeTruthy();
    expect(screen.getByText(/first regular cycle can take 40 minutes or more/)).toBeTruthy();
    expect(fake.callsTo('watch:start')).toEqual([
      { organizationId: CONNECTION.organizationId, connectionId: CONNECTION.connectionId },
    ]);
    expect(useWizardStore.getState().checklist[ARRIVED_KEY]).toBeFalsy();
  });

  it('shows members as updates arrive, with a timeline, and ticks the checklist itself', async () => {
    const fake = installAtProvisionStep();
    await renderApp();
    await screen.findByText('No member of this connection in Stytch yet.');
    act(() =>
      fake.emit(
        'watch:update',
        snapshot({
          members: [alice],
          counts: { active: 1, deactivated: 0, total: 1 },
          timeline: [
            {
              at: '2026-12-01T12:04:00.000Z',
              memberId: alice.memberId,
              email: alice.email,
              kind: 'arrived',
              detail: null,
            },
          ],
        }),
      ),
    );
    expect(await screen.findByRole('cell', { name: 'alice@contoso.com' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'object-alice' })).toBeTruthy();
    expect(screen.getByText(/alice@contoso.com arrived/)).toBeTruthy();
    await waitFor(() => expect(useWizardStore.getState().checklist[ARRIVED_KEY]).toBe(true));
    expect(useWizardStore.getState().checklist[DEACTIVATED_KEY]).toBeFalsy();

    act(() =>
      fake.emit(
        'watch:update',
        snapshot({
          members: [{ ...alice, status: 'deactivated', roles: [] }],
          counts: { active: 0, deactivated: 1, total: 1 },
        }),
      ),
    );
    expect(await screen.findByText(/Deactivated \(Stytch marks the member deleted/)).toBeTruthy();
    await waitFor(() => expect(useWizardStore.getState().checklist[DEACTIVATED_KEY]).toBe(true));
  });

  it('ticks nothing from the previous organization’s snapshot still in the store', async () => {
    // What the watch last showed for another connection (the admin chose another organization).
    useWatchStore.setState({
      snapshot: snapshot({
        connectionId: 'scim-connection-test-other',
        members: [{ ...alice, status: 'deactivated' }],
        counts: { active: 0, deactivated: 1, total: 1 },
      }),
    });
    const fake = installAtProvisionStep();
    await renderApp();
    await screen.findByText('No member of this connection in Stytch yet.');
    expect(fake.callsTo('watch:start')).toHaveLength(1);
    expect(useWizardStore.getState().checklist[ARRIVED_KEY]).toBeFalsy();
    expect(useWizardStore.getState().checklist[DEACTIVATED_KEY]).toBeFalsy();
  });

  it('stops watching when the window is hidden and starts again when it is shown', async () => {
    const fake = installAtProvisionStep();
    await renderApp();
    await screen.findByText('No member of this connection in Stytch yet.');
    const visibility = (state: 'hidden' | 'visible') => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    act(() => visibility('hidden'));
    await waitFor(() => expect(fake.callsTo('watch:stop')).toHaveLength(1));
    act(() => visibility('visible'));
    await waitFor(() => expect(fake.callsTo('watch:start')).toHaveLength(2));
  });
});

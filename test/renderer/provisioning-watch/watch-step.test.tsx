import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { WatchSnapshot } from '../../../shared/provisioning/watch';
import { WIZARD_STEP_IDS, stepIndex } from '../../../shared/wizard/steps';
import { useWatchStore } from '../../../renderer/state/watch-store';
import { installConnectedAt, okFor, type FakeHandlers } from '../fake-assistant';
import { connectionView, progressAt } from '../fixtures';
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
  groupIds: ['scim-group-sales'],
  roles: ['stytch_member'],
  firstSeenAt: '2026-12-01T12:04:00.000Z',
  lastChangedAt: '2026-12-01T12:04:00.000Z',
};

function watchHandlers(first: WatchSnapshot): FakeHandlers {
  return {
    'scim:getConnection': () => okFor('scim:getConnection', { connection: CONNECTION }),
    'watch:start': () => okFor('watch:start', first),
    'watch:refresh': () => okFor('watch:refresh', first),
    'watch:stop': () => okFor('watch:stop', { ...first, state: 'stopped', nextPollInMs: null }),
  };
}

function installAtProvisionStep(first = snapshot()) {
  return installConnectedAt('provision-users', watchHandlers(first));
}

const ARRIVED = 'A member of this connection appeared in Stytch';
const DEACTIVATED = 'Optional: a test user unassigned in Entra showed as deactivated in Stytch';
const item = (label: string) =>
  screen.getByRole('checkbox', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) });
const ticked = (label: string) => (item(label) as HTMLInputElement).checked;
const next = () => screen.getByRole('button', { name: 'Next' });

describe('Provision users: the watch', () => {
  it('watches the chosen connection and says what to expect before anyone arrives', async () => {
    const fake = installAtProvisionStep();
    await renderApp();
    expect(await screen.findByText('No member of this connection in Stytch yet.')).toBeTruthy();
    expect(screen.getByText(/first regular cycle can take 40 minutes or more/)).toBeTruthy();
    expect(fake.callsTo('watch:start')).toEqual([
      { organizationId: CONNECTION.organizationId, connectionId: CONNECTION.connectionId },
    ]);
    expect(ticked(ARRIVED)).toBe(false);
  });

  it('shows members as updates arrive, with a timeline, and the checklist follows the watch', async () => {
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
    expect(await screen.findByRole('cell', { name: /alice@contoso\.com$/ })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'object-alice' })).toBeTruthy();
    expect(screen.getByText(/alice@contoso.com arrived/)).toBeTruthy();
    await waitFor(() => expect(ticked(ARRIVED)).toBe(true));
    expect(ticked(DEACTIVATED)).toBe(false);

    act(() =>
      fake.emit(
        'watch:update',
        snapshot({
          members: [{ ...alice, status: 'deactivated', roles: [] }],
          counts: { active: 0, deactivated: 1, total: 1 },
        }),
      ),
    );
    // A word and a short second line in the narrow Status column; the whole story below the table.
    const status = await screen.findByRole('cell', {
      name: 'Deactivated roles and sessions revoked',
    });
    expect(status.querySelector('.member-status')?.textContent).toBe('Deactivated');
    expect(screen.getByRole('note').textContent).toMatch(
      /^Deactivated: Entra deprovisioned the member\. Stytch’s SCIM revoked all of its roles and sessions/,
    );
    await waitFor(() => expect(ticked(DEACTIVATED)).toBe(true));
  });

  it('shows a status Stytch adds later as Stytch wrote it, with no deprovisioning story', async () => {
    const fake = installAtProvisionStep();
    await renderApp();
    await screen.findByText('No member of this connection in Stytch yet.');
    act(() =>
      fake.emit(
        'watch:update',
        snapshot({
          members: [{ ...alice, status: 'suspended' }],
          counts: { active: 0, deactivated: 0, total: 1 },
        }),
      ),
    );
    expect(await screen.findByRole('cell', { name: 'suspended' })).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
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
    expect(ticked(ARRIVED)).toBe(false);
    expect(ticked(DEACTIVATED)).toBe(false);
  });

  it('never contradicts the watch: no member seen, the item is unticked despite a saved tick', async () => {
    // A tick saved by an earlier version (or another connection's run) says a member arrived.
    const fake = installAtProvisionStep();
    fake.settings.wizard = progressAt(
      'provision-users',
      WIZARD_STEP_IDS.slice(0, stepIndex('provision-users')),
      { 'provision-users.member-arrived': true, 'provision-users.member-deactivated': true },
    );
    await renderApp();
    await screen.findByText('No member of this connection in Stytch yet.');
    expect(ticked(ARRIVED)).toBe(false);
    expect(ticked(DEACTIVATED)).toBe(false);
    // Only the watch ticks it: the box cannot be ticked by hand.
    expect((item(ARRIVED) as HTMLInputElement).disabled).toBe(true);
  });

  it('lets Next through once a member arrives, without the optional deprovisioning proof', async () => {
    const fake = installAtProvisionStep();
    await renderApp();
    await screen.findByText('No member of this connection in Stytch yet.');
    for (const label of [
      'Scope is Sync only assigned users and groups',
      'Users or groups are assigned to the app',
      'Provision on demand succeeded for one user',
      'Provisioning is on (current screen: after Start provisioning; older screen: Provisioning Status is On and saved)',
    ])
      act(() => item(label).click());
    expect((next() as HTMLButtonElement).disabled).toBe(true);
    expect(
      screen.getByText(/Next opens once a member of this connection appears in Stytch/),
    ).toBeTruthy();
    act(() =>
      fake.emit(
        'watch:update',
        snapshot({ members: [alice], counts: { active: 1, deactivated: 0, total: 1 } }),
      ),
    );
    await waitFor(() => expect((next() as HTMLButtonElement).disabled).toBe(false));
    expect(ticked(DEACTIVATED)).toBe(false);
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

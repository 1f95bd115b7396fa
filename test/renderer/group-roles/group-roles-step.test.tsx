import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { WatchedMember } from '../../../shared/provisioning/watch';
import type { GroupRolesView } from '../../../shared/stytch/views';
import { useWatchStore } from '../../../renderer/state/watch-store';
import { installConnectedAt, okFor, type FakeHandlers } from '../fake-assistant';
import { connectionView } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { groupRolesView, ROLES } from './group-roles-fixtures';

cleanUpAfterEach();

const CONNECTION = connectionView();
const REF = { organizationId: CONNECTION.organizationId, connectionId: CONNECTION.connectionId };

function installAtGroupRoles(handlers: FakeHandlers = {}) {
  return installConnectedAt('group-roles', {
    'scim:getConnection': () => okFor('scim:getConnection', { connection: CONNECTION }),
    ...handlers,
  });
}

/** At the step, with these groups from Stytch. */
function installWithGroups(groups: GroupRolesView['groups']) {
  return installAtGroupRoles({
    'scim:getGroupRoles': () => okFor('scim:getGroupRoles', groupRolesView({ groups })),
  });
}

const picker = (group: string) =>
  screen.findByRole<HTMLSelectElement>('combobox', { name: `Stytch role for ${group}` });

describe('Give Entra groups a Stytch role', () => {
  it('lists the groups Entra sent with a role picker each, the project’s roles first', async () => {
    const fake = installAtGroupRoles();
    await renderApp();
    const engineering = await picker('Engineering');
    expect(engineering.value).toBe('');
    expect([...engineering.options].map((o) => o.textContent)).toEqual([
      'No role',
      'billing-viewer',
      'support-agent',
      'stytch_admin',
      'stytch_member',
    ]);
    expect(await picker('Sales and Marketing')).toBeTruthy();
    expect(fake.callsTo('scim:getGroupRoles')).toEqual([REF]);
    // Nothing changed yet: nothing to save.
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Save roles in Stytch' }).disabled,
    ).toBe(true);
  });

  it('saves only the changed group and shows it as saved', async () => {
    const fake = installAtGroupRoles();
    await renderApp();
    await userEvent.selectOptions(await picker('Engineering'), 'billing-viewer');
    expect(screen.getByText('1 unsaved change.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save roles in Stytch' }));
    expect(await screen.findByText('Saved in Stytch: 1 group changed.')).toBeTruthy();
    expect(fake.callsTo('scim:setGroupRoles')).toEqual([
      { ...REF, changes: [{ groupId: 'scim-group-engineering', roleId: 'billing-viewer' }] },
    ]);
    expect((await picker('Engineering')).value).toBe('billing-viewer');
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Save roles in Stytch' }).disabled,
    ).toBe(true);
  });

  it('takes a role away with “No role”', async () => {
    const fake = installAtGroupRoles({
      'scim:getGroupRoles': () =>
        okFor(
          'scim:getGroupRoles',
          groupRolesView({
            groups: [
              {
                groupId: 'scim-group-engineering',
                name: 'Engineering',
                roleIds: ['support-agent'],
              },
            ],
          }),
        ),
    });
    await renderApp();
    expect((await picker('Engineering')).value).toBe('support-agent');
    await userEvent.selectOptions(await picker('Engineering'), 'No role');
    await userEvent.click(screen.getByRole('button', { name: 'Save roles in Stytch' }));
    await waitFor(() =>
      expect(fake.callsTo('scim:setGroupRoles')).toEqual([
        { ...REF, changes: [{ groupId: 'scim-group-engineering', roleId: null }] },
      ]),
    );
  });

  it('says how Entra sends groups when none has arrived, and looks again on request', async () => {
    const fake = installAtGroupRoles({
      'scim:getGroupRoles': () => okFor('scim:getGroupRoles', groupRolesView({ groups: [] })),
    });
    await renderApp();
    expect(
      await screen.findByText('Entra hasn’t sent any groups to this connection yet.'),
    ).toBeTruthy();
    expect(
      screen.getByText(/assigned to the enterprise app and the scope includes it/),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Look again' }));
    await waitFor(() => expect(fake.callsTo('scim:getGroupRoles')).toHaveLength(2));
  });

  it('says where to add roles when the project has only Stytch’s defaults', async () => {
    installAtGroupRoles({
      'scim:getGroupRoles': () =>
        okFor(
          'scim:getGroupRoles',
          groupRolesView({ roles: ROLES.filter((r) => r.stytchDefault) }),
        ),
    });
    await renderApp();
    const notice = (await screen.findByText('Your Stytch project has only Stytch’s default roles.'))
      .parentElement as HTMLElement;
    expect(
      within(notice).getByRole('button', { name: /Open Roles & Permissions in Stytch/ }),
    ).toBeTruthy();
  });

  it('shows Stytch’s refusal with its next step, and keeps the pick to try again', async () => {
    installAtGroupRoles({
      'scim:setGroupRoles': () => ({
        ok: false,
        error: {
          code: 'STYTCH_BAD_REQUEST',
          message: 'Stytch did not accept a role in this request.',
          hint: 'Check the role IDs under Roles & Permissions in the Stytch dashboard and try again.',
          retryable: false,
        },
      }),
    });
    await renderApp();
    await userEvent.selectOptions(await picker('Sales and Marketing'), 'support-agent');
    await userEvent.click(screen.getByRole('button', { name: 'Save roles in Stytch' }));
    expect(await screen.findByText('Couldn’t save the roles.')).toBeTruthy();
    expect(screen.getByText(/Check the role IDs under Roles & Permissions/)).toBeTruthy();
    expect((await picker('Sales and Marketing')).value).toBe('support-agent');
  });

  it('keeps showing roles Stytch holds for a group that the policy no longer lists, and every extra role', async () => {
    installWithGroups([
      {
        groupId: 'scim-group-engineering',
        name: 'Engineering',
        roleIds: ['retired-role', 'support-agent'],
      },
    ]);
    await renderApp();
    const engineering = await picker('Engineering');
    expect(engineering.value).toBe('retired-role');
    expect(
      within(engineering).getByRole('group', { name: 'No longer in your project’s roles' }),
    ).toBeTruthy();
    expect(screen.getByText(/Stytch also gives: support-agent/)).toBeTruthy();
  });

  it('counts the members of each group by its id: two groups of one name apart, a renamed group whole', async () => {
    installWithGroups([
      { groupId: 'scim-group-eng-emea', name: 'Engineering', roleIds: [] },
      { groupId: 'scim-group-eng-us', name: 'Engineering', roleIds: [] },
      // Renamed in Entra from "Sales": the members' copies of its name still say so.
      { groupId: 'scim-group-sales', name: 'Sales and Marketing', roleIds: [] },
    ]);
    await renderApp();
    await picker('Sales and Marketing');
    const member = (n: number, groupIds: string[], status = 'active'): WatchedMember => ({
      memberId: `member-test-${String(n)}`,
      email: `m${String(n)}@contoso.com`,
      name: `Member ${String(n)}`,
      status,
      externalId: null,
      groups: groupIds.map((id) => (id === 'scim-group-sales' ? 'Sales' : 'Engineering')),
      groupIds,
      roles: [],
      firstSeenAt: '2026-12-01T12:04:00.000Z',
      lastChangedAt: '2026-12-01T12:04:00.000Z',
    });
    // The watch's last look at this connection (step 7 keeps it in its store).
    act(() =>
      useWatchStore.getState().receive({
        organizationId: CONNECTION.organizationId,
        connectionId: CONNECTION.connectionId,
        state: 'watching',
        members: [
          member(1, ['scim-group-eng-emea']),
          member(2, ['scim-group-eng-emea', 'scim-group-sales']),
          member(3, ['scim-group-eng-us']),
          member(4, ['scim-group-eng-us'], 'deactivated'),
        ],
        counts: { active: 3, deactivated: 1, total: 4 },
        timeline: [],
        lastPolledAt: '2026-12-01T12:05:00.000Z',
        nextPollInMs: 3_000,
        failure: null,
      }),
    );
    const table = screen.getByRole('table', {
      name: 'Groups Entra sent, and the Stytch role their members get',
    });
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('row')
          .slice(1)
          .map((row) => [
            within(row).getByRole('rowheader').textContent,
            within(row).getAllByRole('cell')[0]?.textContent,
          ]),
      ).toEqual([
        ['Engineering', '2'],
        ['Engineering', '1'],
        ['Sales and Marketing', '1'],
      ]),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSandbox, type RunningSandbox } from '../../../main/sandbox/sandbox';
import { connectionMembers } from '../../../main/stytch/connection-members';
import type { StytchClient } from '../../../main/stytch/stytch-client';
import { addMember, entraGroup, scimRequest, setActive } from '../../support/stand-in-harness';
import { entraUser } from '../../support/scim-users';
import { installClient } from './client-harness';
import { loopbackClient, TEST_CREDENTIALS } from './loopback-client';
import { failure } from '../../support/stytch-doubles';
import { FakeRetryClock } from '../../support/fake-retry-clock';

const t = installClient();

/** A new org with an Entra connection made by the client, and Entra's side of its endpoint. */
async function entraConnection(client: StytchClient, org: string) {
  const connection = await client.createConnection(org, {
    displayName: 'Entra',
    identityProvider: 'microsoft-entra',
  });
  const scim = (method: string, path: string, body?: unknown) =>
    scimRequest(connection.base_url, connection.bearer_token, method, path, body);
  const addUser = async (userName: string) =>
    String((await scim('POST', '/Users', entraUser(userName, `object-${userName}`))).json?.id);
  return { id: connection.connection_id, scim, addUser };
}

const membersRequests = () => t.sandbox.http.requestCount('members.search');

describe('StytchClient members search against the stand-in over loopback HTTP', () => {
  it('finds a user POSTed to the connection’s SCIM endpoint, with scim_registration.connection_id', async () => {
    const org = t.newOrg('Client Members');
    const { id, addUser } = await entraConnection(t.client, org);
    await addUser('ada@contoso.com');
    const page = await t.client.searchMembers({ organization_ids: [org] });
    expect(page.members).toEqual([
      expect.objectContaining({
        email_address: 'ada@contoso.com',
        status: 'active',
        scim_registration: expect.objectContaining({
          connection_id: id,
          external_id: 'object-ada@contoso.com',
        }) as unknown,
      }),
    ]);
    expect(page.results_metadata).toEqual({ total: 1, next_cursor: undefined });
    expect(page.organizations[org]?.organization_id).toBe(org);
  });

  it('pages to the end and keeps only this connection’s members, deactivated and deleted included', async () => {
    const org = t.newOrg('Client Connection Members');
    const first = await entraConnection(t.client, org);
    await first.addUser('old1@contoso.com');
    await first.addUser('old2@contoso.com');
    await t.client.deleteConnection(org, first.id);
    const current = await entraConnection(t.client, org);
    const ids = [
      await current.addUser('new1@contoso.com'),
      await current.addUser('new2@contoso.com'),
      await current.addUser('new3@contoso.com'),
    ];
    await current.scim('PATCH', `/Users/${ids[1] ?? ''}`, setActive(false));
    await current.scim('DELETE', `/Users/${ids[2] ?? ''}`);

    const before = membersRequests();
    const all = await connectionMembers(t.client, org, current.id, { pageSize: 2 });
    expect(membersRequests() - before).toBe(3);
    expect(all.complete).toBe(true);
    expect(all.pages).toBe(3);
    expect(all.members.map((m) => [m.email_address, m.status])).toEqual([
      ['new1@contoso.com', 'active'],
      ['new2@contoso.com', 'deleted'],
      ['new3@contoso.com', 'deleted'],
    ]);

    const bounded = await connectionMembers(t.client, org, current.id, {
      pageSize: 2,
      maxPages: 1,
    });
    expect(bounded).toEqual({ members: [], complete: false, pages: 1 });
    const active = await connectionMembers(t.client, org, current.id, { statuses: ['active'] });
    expect(active.members.map((m) => m.email_address)).toEqual(['new1@contoso.com']);
  });

  it('reports a refused search with the error the table gives its type', async () => {
    const error = await failure(() => t.client.searchMembers({ organization_ids: [] }));
    expect(error).toMatchObject({
      code: 'STYTCH_BAD_REQUEST',
      message: 'A member search has to name at least one organization.',
      requestId: expect.stringMatching(/^request-id-test-/) as unknown,
    });
  });

  it('waits what Retry-After asks after a 429, then pages on', async () => {
    const org = t.newOrg('Client Members 429');
    const { id, addUser } = await entraConnection(t.client, org);
    await addUser('eve@contoso.com');
    t.sandbox.http.faults.inject({
      route: 'members.search',
      fault: { kind: 'status', status: 429, retryAfter: '3' },
      times: 1,
    });
    const result = await connectionMembers(t.client, org, id);
    expect(result.members.map((m) => m.email_address)).toEqual(['eve@contoso.com']);
    expect(t.clock.sleeps).toEqual([3_000]);
  });
});

describe('StytchClient SCIM groups and their role assignments', () => {
  it('reads a connection’s SCIM groups page by page', async () => {
    const org = t.newOrg('Client Groups');
    const { id, scim } = await entraConnection(t.client, org);
    for (const name of ['Engineering', 'Sales', 'Support']) {
      await scim('POST', '/Groups', entraGroup(name));
    }
    const first = await t.client.getGroups(org, id, { limit: 2 });
    expect(first.groups.map((g) => g.group_name)).toEqual(['Engineering', 'Sales']);
    expect(first.nextCursor).not.toBeNull();
    const second = await t.client.getGroups(org, id, { limit: 2, cursor: first.nextCursor ?? '' });
    expect(second).toEqual({
      groups: [
        {
          group_id: expect.any(String) as unknown,
          group_name: 'Support',
          organization_id: org,
          connection_id: id,
        },
      ],
      nextCursor: null,
    });
  });

  it('reads the group role assignments, and the roles they give members; null once the connection is gone', async () => {
    const org = t.newOrg('Client Group Roles');
    const { id, scim, addUser } = await entraConnection(t.client, org);
    const userId = await addUser('kay@contoso.com');
    const groupId = String((await scim('POST', '/Groups', entraGroup('Editors'))).json?.id);
    await scim('PATCH', `/Groups/${groupId}`, addMember(userId));
    t.sandbox.state.updateConnection(org, id, {
      scim_group_implicit_role_assignments: [{ group_id: groupId, role_id: 'support-agent' }],
    });

    expect(await t.client.groupRoleAssignments(org, id)).toEqual([
      { group_id: groupId, group_name: 'Editors', role_id: 'support-agent' },
    ]);
    const { members } = await connectionMembers(t.client, org, id);
    expect(members[0]?.roles).toEqual([
      {
        role_id: 'support-agent',
        sources: [
          { type: 'scim_connection_group', details: { connection_id: id, group_id: groupId } },
        ],
      },
    ]);
    await t.client.deleteConnection(org, id);
    expect(await t.client.groupRoleAssignments(org, id)).toBeNull();
  });
});

describe('StytchClient against the stand-in’s own rate limit (100 searches per minute)', () => {
  // Virtual time the stand-in and the client share: sleeping moves both. Three seconds before a
  // minute ends, so the 101st search waits out the rest of Stytch's window.
  const clock = new FakeRetryClock(Date.UTC(2026, 0, 1, 12, 0, 57));
  let sandbox: RunningSandbox;
  let client: StytchClient;
  beforeAll(async () => {
    sandbox = await startSandbox({ ...TEST_CREDENTIALS, now: () => new Date(clock.now()) });
    ({ client } = loopbackClient(sandbox.apiBaseUrl, fetch, clock));
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('sleeps until the window Retry-After names, then succeeds; gives up at once when that is too long', async () => {
    const request = { organization_ids: ['organization-test-none'] };
    for (let i = 0; i < 100; i += 1) await client.searchMembers(request);
    expect((await client.searchMembers(request)).members).toEqual([]);
    expect(clock.sleeps).toEqual([3_000]);

    clock.at = Date.UTC(2026, 0, 1, 12, 2, 5);
    for (let i = 0; i < 100; i += 1) await client.searchMembers(request);
    const before = sandbox.http.requestCount('members.search');
    const error = await failure(() => client.searchMembers(request));
    expect(error).toMatchObject({ code: 'STYTCH_RATE_LIMITED', retryable: true });
    expect(error.message).toContain('asked to wait 55 seconds');
    expect(sandbox.http.requestCount('members.search') - before).toBe(1);
  });
});

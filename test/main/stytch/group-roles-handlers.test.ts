import { beforeEach, describe, expect, it } from 'vitest';

import { entraGroup, scimRequest } from '../../support/stand-in-harness';
import { HandlerHarness } from './handler-harness';

const h = HandlerHarness.install();

/** A new org with a connection made through the channel, and one group Entra sent to it. */
async function connectionWithGroup(name: string) {
  const organizationId = h.newOrg(name);
  const { connection } = await h.ok('scim:createConnection', {
    organizationId,
    displayName: 'Entra',
  });
  const token = h.keeper.token(connection.connectionId) ?? '';
  const group = await scimRequest(connection.baseUrl, token, 'POST', '/Groups', entraGroup('Ops'));
  return { organizationId, connectionId: connection.connectionId, groupId: String(group.json?.id) };
}

describe('scim:getGroupRoles and scim:setGroupRoles', () => {
  beforeEach(async () => {
    await h.connect();
  });

  it('lists the groups and roles, saves a role, and lists it after', async () => {
    const ref = await connectionWithGroup('Handler Group Roles');
    const before = await h.ok('scim:getGroupRoles', {
      organizationId: ref.organizationId,
      connectionId: ref.connectionId,
    });
    expect(before.groups).toEqual([{ groupId: ref.groupId, name: 'Ops', roleIds: [] }]);
    expect(before.roles.map((role) => role.roleId)).toContain('support-agent');

    const saved = await h.ok('scim:setGroupRoles', {
      organizationId: ref.organizationId,
      connectionId: ref.connectionId,
      changes: [{ groupId: ref.groupId, roleId: 'support-agent' }],
    });
    expect(saved).toEqual({ assignments: [{ groupId: ref.groupId, roleId: 'support-agent' }] });
    // Members' roles change with the mapping: the watch was told to look sooner.
    expect(h.watchedChanges).toContain(ref.organizationId);
    const after = await h.ok('scim:getGroupRoles', {
      organizationId: ref.organizationId,
      connectionId: ref.connectionId,
    });
    expect(after.groups[0]?.roleIds).toEqual(['support-agent']);
  });

  it('answers a role Stytch refuses as an error with a next step', async () => {
    const ref = await connectionWithGroup('Handler Group Roles Refused');
    const result = await h.call('scim:setGroupRoles', {
      organizationId: ref.organizationId,
      connectionId: ref.connectionId,
      changes: [{ groupId: ref.groupId, roleId: 'no-such-role' }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        message: 'Stytch did not accept a role in this request.',
        hint: expect.stringMatching(/Roles & Permissions/) as unknown,
      },
    });
  });

  it('refuses another organization’s connection named beside this organization, reading and writing nothing of it', async () => {
    // The renderer names both ids: main takes the connection only as the named organization's own.
    const mine = await connectionWithGroup('Handler Group Roles Mine');
    const theirs = await connectionWithGroup('Handler Group Roles Theirs');
    const forged = { organizationId: mine.organizationId, connectionId: theirs.connectionId };
    const reads = h.sandbox.http.requestCount('scim.get-groups');
    const writes = h.sandbox.http.requestCount('scim.update');

    const read = await h.call('scim:getGroupRoles', forged);
    const write = await h.call('scim:setGroupRoles', {
      ...forged,
      changes: [{ groupId: theirs.groupId, roleId: 'support-agent' }],
    });

    for (const result of [read, write])
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'STYTCH_SCIM_CONNECTION_NOT_FOUND' },
      });
    expect(h.sandbox.http.requestCount('scim.get-groups')).toBe(reads);
    expect(h.sandbox.http.requestCount('scim.update')).toBe(writes);
    const stillTheirs = await h.ok('scim:getGroupRoles', {
      organizationId: theirs.organizationId,
      connectionId: theirs.connectionId,
    });
    expect(stillTheirs.groups[0]?.roleIds).toEqual([]);
  });

  it('refuses a save with no change or a group id outside Stytch’s alphabet, before calling Stytch', async () => {
    const ref = await connectionWithGroup('Handler Group Roles Invalid');
    const before = h.sandbox.http.requestCount('scim.update');
    for (const changes of [[], [{ groupId: '../x', roleId: 'support-agent' }]]) {
      const result = await h.call('scim:setGroupRoles', {
        organizationId: ref.organizationId,
        connectionId: ref.connectionId,
        changes,
      });
      expect(result.ok).toBe(false);
    }
    expect(h.sandbox.http.requestCount('scim.update')).toBe(before);
  });
});

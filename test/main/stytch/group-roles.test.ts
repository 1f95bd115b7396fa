import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import type { Policy } from 'stytch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connectionMembers } from '../../../main/stytch/connection-members';
import {
  changedAssignments,
  readGroupRoles,
  setGroupRolesSafely,
} from '../../../main/stytch/group-roles';
import { addMember, entraGroup, scimRequest } from '../../support/stand-in-harness';
import { entraUser } from '../../support/scim-users';
import { installClient } from './client-harness';
import { loopbackClient } from './loopback-client';
import { failure } from '../../support/stytch-doubles';

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'stytch', name), 'utf8');

/**
 * A loopback "Stytch" that answers with Stytch's documented examples (test/fixtures/stytch/README.md
 * names each page): Get RBAC Policy (api-reference/b2b/api/rbac/overview), Update SCIM Connection
 * (b2b/sdks/scim/update-connection), Get SCIM Connection Groups
 * (api-reference/b2b/api/scim/scim-groups/get-scim-connection-groups) and the SCIM connection
 * object (b2b/api/scim-connection-object) for Get.
 */
describe('the client on Stytch’s documented example answers', () => {
  const ORG = 'organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931';
  const CONNECTION = 'scim-connection-test-cdd5415a-c470-42be-8369-5c90cf7762dc';
  const ENVELOPE = { request_id: 'request-id-test-get', status_code: 200 };
  // Get groups shares its path with Update and Delete: GET …/connection/{connection_id}.
  const isGroups = (url: string) => url.split('?')[0]?.endsWith(`/connection/${CONNECTION}`);
  const bodies: { method: string; url: string; body: string }[] = [];
  let server: http.Server;
  let baseUrl = '';

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = request.url ?? '';
        bodies.push({ method: request.method ?? '', url, body: Buffer.concat(chunks).toString() });
        response.setHeader('content-type', 'application/json');
        if (url === '/v1/b2b/rbac/policy') response.end(fixture('rbac-policy-response.json'));
        else if (request.method === 'PUT') response.end(fixture('update-connection-response.json'));
        else if (isGroups(url)) response.end(fixture('get-groups-response.json'));
        // The object page shows the connection alone; Get wraps it in Stytch's envelope.
        else
          response.end(
            JSON.stringify({ ...ENVELOPE, ...JSON.parse(fixture('connection-object.json')) }),
          );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads the roles of the RBAC overview’s policy, which has no request_id and no scopes', async () => {
    const { client } = loopbackClient(baseUrl);
    expect(await client.rbacRoles()).toEqual([
      { role_id: 'stytch_admin', description: 'Full access to all organization resources' },
    ]);
  });

  it('reads the Update example, which omits the role assignments, as a connection with none', async () => {
    const { client } = loopbackClient(baseUrl);
    const body = {
      display_name: 'My SCIM Connection',
      identity_provider: 'okta',
      scim_group_implicit_role_assignments: [{ group_id: 'scim-group-test-1', role_id: 'editor' }],
    };
    const connection = await client.updateConnection(ORG, CONNECTION, body);
    expect(connection).toMatchObject({
      connection_id: CONNECTION,
      display_name: 'My SCIM Connection',
      scim_group_implicit_role_assignments: [],
      next_bearer_token_last_four: '',
    });
    const put = bodies.findLast((b) => b.method === 'PUT');
    expect(put?.url).toBe(`/v1/b2b/scim/${ORG}/connection/${CONNECTION}`);
    expect(JSON.parse(put?.body ?? '')).toEqual(body);
  });

  it('reads the groups example, placeholders and all, and stops paging at its bound', async () => {
    const { client } = loopbackClient(baseUrl);
    expect(await client.getGroups(ORG, CONNECTION)).toEqual({
      groups: [
        {
          group_id: '<string>',
          group_name: '<string>',
          organization_id: '<string>',
          connection_id: '<string>',
        },
      ],
      nextCursor: '<string>',
    });
    // The example's next_cursor never ends: the read stops after its 10 pages, and says so.
    const before = bodies.length;
    const view = await readGroupRoles(client, ORG, CONNECTION);
    const pages = bodies.slice(before).filter((b) => isGroups(b.url));
    expect(pages).toHaveLength(10);
    expect(pages[1]?.url).toContain('cursor=%3Cstring%3E');
    expect(view.complete).toBe(false);
    expect(view.roles).toEqual([
      {
        roleId: 'stytch_admin',
        description: 'Full access to all organization resources',
        stytchDefault: true,
      },
    ]);
  });
});

describe('changedAssignments', () => {
  it('replaces only the changed groups’ roles and keeps every other mapping', () => {
    const current = [
      { group_id: 'g1', role_id: 'a', group_name: 'One' },
      { group_id: 'g1', role_id: 'b', group_name: 'One' },
      { group_id: 'g2', role_id: 'c', group_name: 'Two' },
      { group_id: 'g3', role_id: 'd', group_name: 'Three' },
    ];
    expect(
      changedAssignments(current, [
        { groupId: 'g1', roleId: 'x' },
        { groupId: 'g2', roleId: null },
        { groupId: 'g4', roleId: 'y' },
      ]),
    ).toEqual([
      { group_id: 'g3', role_id: 'd' },
      { group_id: 'g1', role_id: 'x' },
      { group_id: 'g4', role_id: 'y' },
    ]);
  });
});

const t = installClient();

/** An org with an Entra connection made by the client, two groups and a user in one of them. */
async function connectionWithGroups(name: string) {
  const org = t.newOrg(name);
  const connection = await t.client.createConnection(org, {
    displayName: 'Entra provisioning',
    identityProvider: 'microsoft-entra',
  });
  const scim = (method: string, path: string, body?: unknown) =>
    scimRequest(connection.base_url, connection.bearer_token, method, path, body);
  const user = String(
    (await scim('POST', '/Users', entraUser('kay@contoso.com', 'object-kay'))).json?.id,
  );
  const sales = String((await scim('POST', '/Groups', entraGroup('Sales'))).json?.id);
  const engineering = String((await scim('POST', '/Groups', entraGroup('Engineering'))).json?.id);
  await scim('PATCH', `/Groups/${engineering}`, addMember(user));
  return { org, id: connection.connection_id, sales, engineering };
}

describe('group → role mapping against the sandbox’s Stytch', () => {
  it('lists the groups by name and the project’s roles before Stytch’s defaults', async () => {
    const { org, id, sales, engineering } = await connectionWithGroups('Group Roles Read');
    const view = await readGroupRoles(t.client, org, id);
    expect(view).toEqual({
      groups: [
        { groupId: engineering, name: 'Engineering', roleIds: [] },
        { groupId: sales, name: 'Sales', roleIds: [] },
      ],
      roles: [
        expect.objectContaining({ roleId: 'billing-viewer', stytchDefault: false }),
        expect.objectContaining({ roleId: 'support-agent', stytchDefault: false }),
        expect.objectContaining({ roleId: 'stytch_admin', stytchDefault: true }),
        expect.objectContaining({ roleId: 'stytch_member', stytchDefault: true }),
      ],
      complete: true,
    });
  });

  it('saves a mapping, keeping the connection’s name and identity provider and the other groups’ roles; members get the role', async () => {
    const { org, id, sales, engineering } = await connectionWithGroups('Group Roles Write');
    t.sandbox.state.updateConnection(org, id, {
      scim_group_implicit_role_assignments: [{ group_id: sales, role_id: 'support-agent' }],
    });
    const saved = await setGroupRolesSafely(t.client, org, id, [
      { groupId: engineering, roleId: 'billing-viewer' },
    ]);
    expect(saved).toEqual([
      { groupId: sales, roleId: 'support-agent' },
      { groupId: engineering, roleId: 'billing-viewer' },
    ]);
    const after = await t.client.getConnection(org);
    expect(after).toMatchObject({
      display_name: 'Entra provisioning',
      identity_provider: 'microsoft-entra',
      base_url: expect.stringMatching(/\?aadOptscim062020$/) as unknown,
    });
    expect((await readGroupRoles(t.client, org, id)).groups).toEqual([
      { groupId: engineering, name: 'Engineering', roleIds: ['billing-viewer'] },
      { groupId: sales, name: 'Sales', roleIds: ['support-agent'] },
    ]);
    const { members } = await connectionMembers(t.client, org, id);
    expect(members[0]?.roles.map((role) => role.role_id)).toEqual(['billing-viewer']);

    await setGroupRolesSafely(t.client, org, id, [{ groupId: engineering, roleId: null }]);
    expect((await connectionMembers(t.client, org, id)).members[0]?.roles).toEqual([]);
  });

  it('refuses to write to a connection that is no longer the organization’s', async () => {
    const { org, id, sales } = await connectionWithGroups('Group Roles Gone');
    await t.client.deleteConnection(org, id);
    const before = t.sandbox.http.requestCount('scim.update');
    const error = await failure(() =>
      setGroupRolesSafely(t.client, org, id, [{ groupId: sales, roleId: 'billing-viewer' }]),
    );
    expect(error.code).toBe('STYTCH_SCIM_CONNECTION_NOT_FOUND');
    expect(error.hint).toMatch(/Reload/);
    expect(t.sandbox.http.requestCount('scim.update')).toBe(before);
  });

  it('lists the readable roles when one role of the policy is not readable', async () => {
    const { org, id } = await connectionWithGroups('Group Roles Odd Role');
    const seeded = t.sandbox.state.rbacPolicy;
    t.sandbox.state.rbacPolicy = {
      ...seeded,
      roles: [{ role_id: 42 }, ...seeded.roles],
    } as unknown as Policy;
    try {
      const { roles } = await readGroupRoles(t.client, org, id);
      expect(roles.map((role) => role.roleId)).toEqual([
        'billing-viewer',
        'support-agent',
        'stytch_admin',
        'stytch_member',
      ]);
    } finally {
      t.sandbox.state.rbacPolicy = seeded;
    }
  });
});

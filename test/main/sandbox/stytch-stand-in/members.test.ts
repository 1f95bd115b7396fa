import { describe, expect, it } from 'vitest';

import {
  addMember,
  connectionPath,
  entraGroup,
  installStandIn,
  scimRequest,
  setActive,
} from '../../../support/stand-in-harness';
import { entraUser } from '../../../support/scim-users';

const t = installStandIn();
const SEARCH = 'v1/b2b/organizations/members/search';

interface MemberJson {
  member_id: string;
  organization_id: string;
  email_address: string;
  name: string;
  status: string;
  roles: { role_id: string; sources: { type: string; details?: Record<string, unknown> }[] }[];
  scim_registration?: {
    connection_id: string;
    external_id?: string;
    scim_attributes?: { id: string; active: boolean; groups: { value: string }[] };
  };
}

/** An org with an Entra connection, and Entra's side of its SCIM endpoint. */
async function provisionedOrg(name: string) {
  const org = t.newOrg(name);
  const created = await t.stytch('POST', connectionPath(org), {
    display_name: 'Entra',
    identity_provider: 'microsoft-entra',
  });
  const connection = created.json.connection as Record<string, string>;
  const id = connection.connection_id ?? '';
  const scim = (method: string, path: string, body?: unknown) =>
    scimRequest(connection.base_url ?? '', connection.bearer_token ?? '', method, path, body);
  const addUser = async (userName: string, externalId: string) =>
    String((await scim('POST', '/Users', entraUser(userName, externalId))).json?.id);
  return { org, id, scim, addUser };
}

const statuses = (values: unknown) => ({
  operator: 'AND',
  operands: [{ filter_name: 'statuses', filter_value: values }],
});

async function search(body: Record<string, unknown>) {
  const reply = await t.stytch('POST', SEARCH, body);
  return { ...reply, members: (reply.json.members ?? []) as MemberJson[] };
}

describe('stand-in: SCIM users become Stytch members', () => {
  it('lists a user POSTed to the SCIM endpoint as a member with its scim_registration', async () => {
    const { org, id, addUser } = await provisionedOrg('Members Appear');
    const scimId = await addUser('ada@contoso.com', 'object-ada');
    const reply = await search({ organization_ids: [org] });
    expect(reply.status).toBe(200);
    expect(reply.members).toEqual([
      expect.objectContaining({
        organization_id: org,
        member_id: expect.stringMatching(/^member-test-/) as unknown,
        email_address: 'ada@contoso.com',
        name: 'Name of ada@contoso.com',
        status: 'active',
        roles: [],
        scim_registration: expect.objectContaining({
          connection_id: id,
          external_id: 'object-ada',
          scim_attributes: expect.objectContaining({
            id: scimId,
            user_name: 'ada@contoso.com',
            external_id: 'object-ada',
            active: true,
          }) as unknown,
        }) as unknown,
      }),
    ]);
    expect(reply.json.results_metadata).toEqual({ total: 1, next_cursor: null });
    expect(Object.keys(reply.json.organizations as object)).toEqual([org]);
  });

  it('marks a deactivated user’s member deleted, found only with statuses incl. deleted, and reactivates it', async () => {
    const { org, scim, addUser } = await provisionedOrg('Members Deactivated');
    const scimId = await addUser('grace@contoso.com', 'object-grace');
    expect((await scim('PATCH', `/Users/${scimId}`, setActive(false))).status).toBe(200);

    expect((await search({ organization_ids: [org] })).members).toEqual([]);
    const deleted = await search({ organization_ids: [org], query: statuses(['deleted']) });
    expect(deleted.members.map((m) => [m.email_address, m.status])).toEqual([
      ['grace@contoso.com', 'deleted'],
    ]);
    expect(deleted.members[0]?.scim_registration?.scim_attributes?.active).toBe(false);

    await scim('PATCH', `/Users/${scimId}`, setActive(true));
    const active = await search({ organization_ids: [org] });
    expect(active.members.map((m) => m.status)).toEqual(['active']);
    expect(active.members[0]?.member_id).toBe(deleted.members[0]?.member_id);
  });

  it('keeps a DELETEd user’s member as deleted, with its scim_registration', async () => {
    const { org, id, scim, addUser } = await provisionedOrg('Members Deleted');
    const scimId = await addUser('alan@contoso.com', 'object-alan');
    expect((await scim('DELETE', `/Users/${scimId}`)).status).toBe(204);
    expect((await search({ organization_ids: [org] })).members).toEqual([]);
    const all = await search({
      organization_ids: [org],
      query: statuses(['active', 'deleted']),
    });
    expect(all.members).toEqual([
      expect.objectContaining({
        status: 'deleted',
        scim_registration: expect.objectContaining({ connection_id: id }) as unknown,
      }),
    ]);
  });

  it('gives members of a mapped group its role, from a scim_connection_group source, until deprovisioned', async () => {
    const { org, id, scim, addUser } = await provisionedOrg('Members Group Roles');
    const userId = await addUser('kay@contoso.com', 'object-kay');
    const groupId = String((await scim('POST', '/Groups', entraGroup('Editors'))).json?.id);
    await scim('PATCH', `/Groups/${groupId}`, addMember(userId));
    const path = `${connectionPath(org)}/${id}`;

    const missing = await t.stytch('PUT', path, {
      scim_group_implicit_role_assignments: [{ role_id: 'support-agent' }],
    });
    expect(missing.json.error_type).toBe('scim_group_role_assignment_does_not_contain_group_id');
    const unknown = await t.stytch('PUT', path, {
      scim_group_implicit_role_assignments: [
        { role_id: 'support-agent', group_id: 'scim-group-nope' },
      ],
    });
    expect(unknown.json.error_type).toBe('scim_group_role_assignment_group_does_not_exist');
    // A role the project's RBAC policy does not have ([Uncertain] in stytch-behaviour.ts).
    const noRole = await t.stytch('PUT', path, {
      scim_group_implicit_role_assignments: [{ role_id: 'editor', group_id: groupId }],
    });
    expect(noRole.json.error_type).toBe('invalid_role');

    const updated = await t.stytch('PUT', path, {
      scim_group_implicit_role_assignments: [{ role_id: 'support-agent', group_id: groupId }],
    });
    expect(updated.json.connection).toMatchObject({
      scim_group_implicit_role_assignments: [
        { role_id: 'support-agent', group_id: groupId, group_name: 'Editors' },
      ],
    });
    const [member] = (await search({ organization_ids: [org] })).members;
    expect(member?.roles).toEqual([
      {
        role_id: 'support-agent',
        sources: [
          { type: 'scim_connection_group', details: { connection_id: id, group_id: groupId } },
        ],
      },
    ]);
    expect(member?.scim_registration?.scim_attributes?.groups).toEqual([
      { value: groupId, display: 'Editors' },
    ]);

    await scim('PATCH', `/Users/${userId}`, setActive(false));
    const [revoked] = (await search({ organization_ids: [org], query: statuses(['deleted']) }))
      .members;
    expect(revoked?.roles).toEqual([]);
  });
});

describe('stand-in: members search filters, paging and errors', () => {
  it('filters by member_emails, member_email_fuzzy and member_ids, within the named orgs only', async () => {
    const { org, addUser } = await provisionedOrg('Members Filters');
    const other = await provisionedOrg('Members Filters Other');
    for (const name of ['ann', 'bob', 'cat']) await addUser(`${name}@fabrikam.com`, name);
    await other.addUser('ann@elsewhere.com', 'ann-2');
    const filter = (filter_name: string, filter_value: unknown) =>
      search({
        organization_ids: [org],
        query: { operator: 'AND', operands: [{ filter_name, filter_value }] },
      });
    const emails = (reply: { members: MemberJson[] }) => reply.members.map((m) => m.email_address);

    expect(emails(await filter('member_emails', ['BOB@fabrikam.com']))).toEqual([
      'bob@fabrikam.com',
    ]);
    expect(emails(await filter('member_email_fuzzy', 'NN@fab'))).toEqual(['ann@fabrikam.com']);
    const all = await search({ organization_ids: [org] });
    const catId = all.members.find((m) => m.email_address.startsWith('cat'))?.member_id ?? '';
    expect(emails(await filter('member_ids', [catId]))).toEqual(['cat@fabrikam.com']);
    expect(emails(await filter('statuses', ['active']))).toHaveLength(3);
    const both = await search({ organization_ids: [org, other.org] });
    expect(both.members).toHaveLength(4);
    expect(Object.keys(both.json.organizations as object).sort()).toEqual([org, other.org].sort());
  });

  it('pages with limit and cursor, with total and next_cursor null on the last page', async () => {
    const { org, addUser } = await provisionedOrg('Members Paging');
    for (let i = 0; i < 5; i += 1) await addUser(`user${i}@paging.com`, `paging-${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply = await search({
        organization_ids: [org],
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      const meta = reply.json.results_metadata as { total: number; next_cursor: string | null };
      expect(meta.total).toBe(5);
      seen.push(...reply.members.map((m) => m.email_address));
      cursor = meta.next_cursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `user${i}@paging.com`));
  });

  const operand = (filter_name: string, filter_value?: unknown) => ({
    organization_ids: ['o'],
    query: { operator: 'AND', operands: [{ filter_name, filter_value }] },
  });
  it.each([
    ['no organization_ids', {}, 'member_search_organization_ids_empty'],
    ['empty organization_ids', { organization_ids: [] }, 'member_search_organization_ids_empty'],
    ['an unknown status', operand('statuses', ['deactivated']), 'search_invalid_status_filter'],
    [
      'statuses as a string',
      operand('statuses', 'active'),
      'member_search_expected_array_of_strings',
    ],
    [
      'a 2-character fuzzy email',
      operand('member_email_fuzzy', 'ab'),
      'member_search_member_email_fuzzy_too_short',
    ],
    [
      'member and external ids mixed',
      operand('member_ids', ['member-test-1', 'hr-42']),
      'member_search_cannot_mix_internal_and_external_member_ids',
    ],
    [
      'a SCIM filter (none exists)',
      operand('scim_connection_id', 'x'),
      'member_search_filter_name_not_recognized',
    ],
    ['a filter without value', operand('member_emails'), 'member_search_missing_filter_value'],
    ['limit over 1000', { organization_ids: ['o'], limit: 1001 }, 'user_search_invalid_limit'],
    [
      'a forged cursor',
      { organization_ids: ['o'], cursor: 'forged' },
      'user_search_invalid_cursor',
    ],
  ])('refuses %s with HTTP 400 and its documented error type', async (_case, body, errorType) => {
    const reply = await t.stytch('POST', SEARCH, body);
    expect(reply.status).toBe(400);
    expect(reply.json.error_type).toBe(errorType);
  });
});

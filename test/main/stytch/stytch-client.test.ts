import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/sandbox';
import type { StytchClient } from '../../../main/stytch/stytch-client';
import { MemoryKeeper, testSession } from './support';

let sandbox: RunningSandbox;
let client: StytchClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  const { session } = testSession(new MemoryKeeper());
  await session.connect({
    projectId: sandbox.projectId,
    secret: sandbox.secret,
    baseUrl: sandbox.apiBaseUrl,
  });
  client = await session.client();
});

afterAll(async () => {
  await sandbox.stop();
});

function freshOrg(name: string): string {
  return sandbox.state.addOrganization({
    organization_name: name,
    organization_slug: name.toLowerCase().replace(/\W+/g, '-'),
  });
}

describe('StytchClient against the stand-in over loopback HTTP', () => {
  it('searches organizations with filters, limit and cursor', async () => {
    const page = await client.searchOrganizations({
      limit: 1,
      query: {
        operator: 'AND',
        operands: [{ filter_name: 'organization_name_fuzzy', filter_value: 'acme' }],
      },
    });
    expect(page.organizations).toHaveLength(1);
    expect(page.results_metadata.total).toBe(2);
    const next = await client.searchOrganizations({
      limit: 1,
      cursor: page.results_metadata.next_cursor ?? '',
      query: {
        operator: 'AND',
        operands: [{ filter_name: 'organization_name_fuzzy', filter_value: 'acme' }],
      },
    });
    expect(next.organizations[0]?.organization_id).not.toBe(page.organizations[0]?.organization_id);
    expect(next.results_metadata.next_cursor).toBeUndefined();
  });

  it('gets an organization, with its active SCIM connection when it has one', async () => {
    const globex = await client.getOrganization(SEEDED_ORGANIZATIONS.globex);
    expect(globex.organization_slug).toBe('globex');
    expect(globex.scim_active_connection?.bearer_token_last_four).toHaveLength(4);
  });

  it('creates, reads, updates and deletes a connection', async () => {
    const org = freshOrg('Client CRUD');
    expect(await client.getConnection(org)).toBeNull();
    const created = await client.createConnection(org, {
      displayName: 'Entra',
      identityProvider: 'microsoft-entra',
    });
    expect(created.bearer_token).toHaveLength(48);
    expect(created.base_url.endsWith('?aadOptscim062020')).toBe(true);

    const read = await client.getConnection(org);
    expect(read).toMatchObject({
      connection_id: created.connection_id,
      bearer_token_last_four: created.bearer_token.slice(-4),
    });

    const updated = await client.updateConnection(org, created.connection_id, {
      display_name: 'Entra (prod)',
    });
    expect(updated.display_name).toBe('Entra (prod)');

    expect(await client.deleteConnection(org, created.connection_id)).toEqual({
      connectionId: created.connection_id,
    });
    expect(await client.getConnection(org)).toBeNull();
  });

  it('starts, completes, starts again and cancels a rotation', async () => {
    const org = freshOrg('Client Rotation');
    const created = await client.createConnection(org, {
      displayName: 'Entra',
      identityProvider: 'microsoft-entra',
    });
    const started = await client.rotateStart(org, created.connection_id);
    expect(started.next_bearer_token).not.toBe(created.bearer_token);
    expect(started.bearer_token_last_four).toBe(created.bearer_token.slice(-4));
    const completed = await client.rotateComplete(org, created.connection_id);
    expect(completed.bearer_token_last_four).toBe(started.next_bearer_token.slice(-4));
    expect(completed.next_bearer_token_last_four).toBe('');

    const again = await client.rotateStart(org, created.connection_id);
    const cancelled = await client.rotateCancel(org, created.connection_id);
    expect(cancelled.bearer_token_last_four).toBe(started.next_bearer_token.slice(-4));
    expect(cancelled.next_bearer_token_last_four).not.toBe(again.next_bearer_token.slice(-4));
  });

  it('reads the groups of a connection, page by page', async () => {
    const org = freshOrg('Client Groups');
    const created = await client.createConnection(org, {
      displayName: 'Entra',
      identityProvider: 'microsoft-entra',
    });
    const store = sandbox.scim.storeOf(created.connection_id);
    for (const name of ['A', 'B', 'C']) store?.write('Group', undefined, { displayName: name });
    const first = await client.getGroups(org, created.connection_id, { limit: 2 });
    expect(first.groups.map((g) => g.group_name)).toEqual(['A', 'B']);
    const rest = await client.getGroups(org, created.connection_id, {
      cursor: first.nextCursor ?? '',
    });
    expect(rest).toEqual({
      groups: [
        {
          group_id: expect.any(String) as unknown,
          group_name: 'C',
          organization_id: org,
          connection_id: created.connection_id,
        },
      ],
      nextCursor: null,
    });
  });

  it('addresses an organization by slug, as Stytch allows', async () => {
    const connection = await client.getConnection('globex');
    expect(connection?.organization_id).toBe(SEEDED_ORGANIZATIONS.globex);
  });
});

import { describe, expect, it } from 'vitest';

import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { installClient } from './client-harness';

const t = installClient();

describe('StytchClient against the stand-in over loopback HTTP', () => {
  it('searches organizations with filters, limit and cursor', async () => {
    const page = await t.client.searchOrganizations({
      limit: 1,
      query: {
        operator: 'AND',
        operands: [{ filter_name: 'organization_name_fuzzy', filter_value: 'acme' }],
      },
    });
    expect(page.organizations).toHaveLength(1);
    expect(page.results_metadata.total).toBe(2);
    const next = await t.client.searchOrganizations({
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

  it('creates, reads and deletes a connection', async () => {
    const org = t.newOrg('Client CRUD');
    expect(await t.client.getConnection(org)).toBeNull();
    const created = await t.client.createConnection(org, {
      displayName: 'Entra',
      identityProvider: 'microsoft-entra',
    });
    expect(created.bearer_token).toHaveLength(48);
    expect(created.base_url.endsWith('?aadOptscim062020')).toBe(true);

    const read = await t.client.getConnection(org);
    expect(read).toMatchObject({
      connection_id: created.connection_id,
      bearer_token_last_four: created.bearer_token.slice(-4),
    });

    expect(await t.client.deleteConnection(org, created.connection_id)).toEqual({
      connectionId: created.connection_id,
    });
    expect(await t.client.getConnection(org)).toBeNull();
  });

  it('starts, completes, starts again and cancels a rotation', async () => {
    const org = t.newOrg('Client Rotation');
    const created = await t.client.createConnection(org, {
      displayName: 'Entra',
      identityProvider: 'microsoft-entra',
    });
    const started = await t.client.rotateStart(org, created.connection_id);
    expect(started.next_bearer_token).not.toBe(created.bearer_token);
    expect(started.bearer_token_last_four).toBe(created.bearer_token.slice(-4));
    const completed = await t.client.rotateComplete(org, created.connection_id);
    expect(completed.bearer_token_last_four).toBe(started.next_bearer_token.slice(-4));
    expect(completed.next_bearer_token_last_four).toBe('');

    const again = await t.client.rotateStart(org, created.connection_id);
    const cancelled = await t.client.rotateCancel(org, created.connection_id);
    expect(cancelled.bearer_token_last_four).toBe(started.next_bearer_token.slice(-4));
    expect(cancelled.next_bearer_token_last_four).not.toBe(again.next_bearer_token.slice(-4));
  });

  it('addresses an organization by slug, as Stytch allows', async () => {
    const connection = await t.client.getConnection('globex');
    expect(connection?.organization_id).toBe(SEEDED_ORGANIZATIONS.globex);
  });
});

import { describe, expect, it } from 'vitest';

import { SEEDED_ORGANIZATIONS } from '../../../../main/sandbox/seed';
import { connectionPath, installStandIn, scimGet } from '../../../support/stand-in-harness';

const t = installStandIn();

describe('stand-in: SCIM connections', () => {
  it('creates one connection per org with the token only in the create answer', async () => {
    const org = t.newOrg('One Per Org');
    const created = await t.stytch('POST', connectionPath(org), {
      display_name: 'Entra',
      identity_provider: 'microsoft-entra',
    });
    const connection = created.json.connection as Record<string, string>;
    expect(created.status).toBe(200);
    expect(connection.bearer_token).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(connection.base_url).toMatch(
      /\/v1\/b2b\/scim\/scim-connection-test-[0-9a-f-]+\?aadOptscim062020$/,
    );

    const again = await t.stytch('POST', connectionPath(org), { display_name: 'Second' });
    expect(again.status).toBe(400);
    expect(again.json.error_type).toBe('active_scim_connection_exists');

    const read = await t.stytch('GET', connectionPath(org));
    const readConnection = read.json.connection as Record<string, string>;
    expect(readConnection.bearer_token).toBeUndefined();
    expect(readConnection.bearer_token_last_four).toBe(connection.bearer_token?.slice(-4));
    expect(readConnection.next_bearer_token_last_four).toBe('');
    expect(t.sandbox.state.history(org)).toHaveLength(1);
  });

  it('omits the flag for a generic connection and refuses an unknown identity provider', async () => {
    const org = t.newOrg('Generic Org');
    const created = await t.stytch('POST', connectionPath(org), { display_name: 'Generic' });
    const connection = created.json.connection as Record<string, string>;
    expect(connection.identity_provider).toBe('generic');
    expect(connection.base_url).not.toContain('aadOptscim062020');
    const bad = await t.stytch('PUT', `${connectionPath(org)}/${connection.connection_id}`, {
      identity_provider: 'azure',
    });
    expect(bad.json.error_type).toBe('invalid_scim_idp');
    const entra = await t.stytch('PUT', `${connectionPath(org)}/${connection.connection_id}`, {
      identity_provider: 'microsoft-entra',
      display_name: 'Renamed',
    });
    expect(entra.json.connection).toMatchObject({
      display_name: 'Renamed',
      base_url: expect.stringContaining('?aadOptscim062020') as unknown,
    });
  });

  it('runs the rotation state machine, with the SCIM endpoint accepting exactly the valid tokens', async () => {
    const org = t.newOrg('Rotating Org');
    const created = await t.stytch('POST', connectionPath(org), {
      display_name: 'Entra',
      identity_provider: 'microsoft-entra',
    });
    const {
      connection_id: id,
      bearer_token: first,
      base_url: baseUrl,
    } = created.json.connection as Record<string, string>;
    const path = `${connectionPath(org)}/${id}`;
    expect(await scimGet(baseUrl ?? '', first ?? '')).toBe(200);

    expect((await t.stytch('POST', `${path}/rotate/complete`, {})).json.error_type).toBe(
      'scim_connection_not_rotating_token',
    );

    const started = await t.stytch('POST', `${path}/rotate/start`, {});
    const next = (started.json.connection as Record<string, string>).next_bearer_token ?? '';
    expect(next).not.toBe(first);
    expect(await scimGet(baseUrl ?? '', first ?? '')).toBe(200);
    // Pending until Complete: Stytch's documented reading (stytch-behaviour.ts).
    expect(await scimGet(baseUrl ?? '', next)).toBe(401);
    expect((await t.stytch('GET', connectionPath(org))).json.connection).toMatchObject({
      next_bearer_token_last_four: next.slice(-4),
    });

    const completed = await t.stytch('POST', `${path}/rotate/complete`, {});
    expect(completed.json.connection).toMatchObject({
      bearer_token_last_four: next.slice(-4),
      next_bearer_token_last_four: '',
    });
    expect(await scimGet(baseUrl ?? '', first ?? '')).toBe(401);
    expect(await scimGet(baseUrl ?? '', next)).toBe(200);

    const restarted = await t.stytch('POST', `${path}/rotate/start`, {});
    const dropped = (restarted.json.connection as Record<string, string>).next_bearer_token ?? '';
    await t.stytch('POST', `${path}/rotate/cancel`, {});
    expect(await scimGet(baseUrl ?? '', dropped)).toBe(401);
    expect(await scimGet(baseUrl ?? '', next)).toBe(200);
  });

  it('accepts the pending token at once when switched to the other reading, and drops it on cancel', async () => {
    const org = t.newOrg('Pending Accepted Org');
    t.sandbox.state.pendingToken = 'at-once';
    const created = await t.stytch('POST', connectionPath(org), { display_name: 'Entra' });
    const connection = created.json.connection as Record<string, string>;
    const { bearer_token: first, base_url: baseUrl } = connection;
    const path = `${connectionPath(org)}/${connection.connection_id ?? ''}`;
    try {
      const started = await t.stytch('POST', `${path}/rotate/start`, {});
      const next = (started.json.connection as Record<string, string>).next_bearer_token ?? '';
      expect(await scimGet(baseUrl ?? '', first ?? '')).toBe(200);
      expect(await scimGet(baseUrl ?? '', next)).toBe(200);
      await t.stytch('POST', `${path}/rotate/cancel`, {});
      expect(await scimGet(baseUrl ?? '', next)).toBe(401);
      expect(await scimGet(baseUrl ?? '', first ?? '')).toBe(200);
    } finally {
      t.sandbox.state.pendingToken = 'until-complete';
    }
  });

  it('deletes a connection, closing its SCIM endpoint, and then allows a new one', async () => {
    const org = t.newOrg('Deleting Org');
    const created = await t.stytch('POST', connectionPath(org), { display_name: 'Entra' });
    const {
      connection_id: id,
      bearer_token: token,
      base_url: baseUrl,
    } = created.json.connection as Record<string, string>;
    const deleted = await t.stytch('DELETE', `${connectionPath(org)}/${id}`, {});
    expect(deleted.json).toMatchObject({ status_code: 200, connection_id: id });
    expect(await scimGet(baseUrl ?? '', token ?? '')).toBe(401);
    expect((await t.stytch('GET', connectionPath(org))).json.connection).toBeUndefined();
    expect((await t.stytch('DELETE', `${connectionPath(org)}/${id}`, {})).json.error_type).toBe(
      'no_active_scim_connection',
    );
    expect((await t.stytch('POST', connectionPath(org), { display_name: 'Again' })).status).toBe(
      200,
    );
  });

  it('lists the groups Entra pushed to the connection’s SCIM endpoint, in pages', async () => {
    const org = t.newOrg('Groups Org');
    const created = await t.stytch('POST', connectionPath(org), { display_name: 'Entra' });
    const {
      connection_id: id,
      bearer_token: token,
      base_url: baseUrl,
    } = created.json.connection as Record<string, string>;
    for (const name of ['Engineering', 'Sales', 'Support']) {
      const response = await fetch(`${baseUrl ?? ''}/Groups`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token ?? ''}`,
          'content-type': 'application/scim+json',
        },
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          displayName: name,
        }),
      });
      expect(response.status).toBe(201);
    }
    const first = await t.stytch('GET', `${connectionPath(org)}/${id}?limit=2`);
    expect((first.json.scim_groups as { group_name: string }[]).map((g) => g.group_name)).toEqual([
      'Engineering',
      'Sales',
    ]);
    const second = await t.stytch(
      'GET',
      `${connectionPath(org)}/${id}?limit=2&cursor=${String(first.json.next_cursor)}`,
    );
    expect(second.json.scim_groups).toEqual([
      {
        group_id: expect.any(String) as unknown,
        group_name: 'Support',
        organization_id: org,
        connection_id: id,
      },
    ]);
  });
});

describe('stand-in: seeded faulty SCIM endpoint', () => {
  it('gives the Initech org’s connections a SCIM endpoint that answers the Test Connection query with 404', async () => {
    const created = await t.stytch('POST', connectionPath(SEEDED_ORGANIZATIONS.initech), {
      display_name: 'Entra',
      identity_provider: 'microsoft-entra',
    });
    const { bearer_token: token, base_url: baseUrl } = created.json.connection as Record<
      string,
      string
    >;
    expect(await scimGet(baseUrl ?? '', token ?? '')).toBe(404);
    t.sandbox.state.setScimFault(SEEDED_ORGANIZATIONS.initech, 'none');
    expect(await scimGet(baseUrl ?? '', token ?? '')).toBe(200);
  });
});

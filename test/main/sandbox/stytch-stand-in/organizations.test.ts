import { describe, expect, it } from 'vitest';

import { SEEDED_ORGANIZATIONS } from '../../../../main/sandbox/seed';
import { connectionPath, installStandIn } from '../../../support/stand-in-harness';

const t = installStandIn();

describe('stand-in: authentication and error bodies', () => {
  it('answers a wrong secret with 401 unauthorized_credentials in Stytch’s error shape', async () => {
    const reply = await t.stytch(
      'POST',
      'v1/b2b/organizations/search',
      {},
      `${t.sandbox.projectId}:wrong`,
    );
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({
      status_code: 401,
      request_id: expect.stringMatching(/^request-id-test-/) as unknown,
      error_type: 'unauthorized_credentials',
      error_message: 'Unauthorized credentials.',
      error_url: expect.stringContaining('401') as unknown,
    });
  });

  it('refuses a live project ID as Stytch’s test environment would', async () => {
    const reply = await t.stytch(
      'POST',
      'v1/b2b/organizations/search',
      {},
      'project-live-abc:secret-live-x',
    );
    expect(reply.json.error_type).toBe('live_id_used_in_test_environment');
  });

  it('refuses a missing or unreadable Basic header', async () => {
    const reply = await t.stytch('POST', 'v1/b2b/organizations/search', {}, 'no-colon-here');
    expect(reply.json.error_type).toBe('invalid_authorization_header');
  });
});

describe('stand-in: organizations', () => {
  it('lists every organization without a query, each with scim_active_connection when it has one', async () => {
    const reply = await t.stytch('POST', 'v1/b2b/organizations/search', {});
    const orgs = reply.json.organizations as {
      organization_id: string;
      scim_active_connection?: { connection_id: string };
    }[];
    expect(orgs.length).toBeGreaterThanOrEqual(7);
    const globex = orgs.find((o) => o.organization_id === SEEDED_ORGANIZATIONS.globex);
    expect(globex?.scim_active_connection?.connection_id).toMatch(/^scim-connection-test-/);
    expect(
      orgs.find((o) => o.organization_id === SEEDED_ORGANIZATIONS.acme)?.scim_active_connection,
    ).toBeUndefined();
  });

  it('filters by fuzzy name, refusing fewer than three characters', async () => {
    const search = (value: string) =>
      t.stytch('POST', 'v1/b2b/organizations/search', {
        query: {
          operator: 'AND',
          operands: [{ filter_name: 'organization_name_fuzzy', filter_value: value }],
        },
      });
    const acme = await search('acme');
    expect(
      (acme.json.organizations as { organization_name: string }[])
        .map((o) => o.organization_name)
        .sort(),
    ).toEqual(['Acme Corporation', 'Acme Labs']);
    const short = await search('ac');
    expect(short.status).toBe(400);
    expect(short.json.error_type).toBe('organization_search_organization_name_fuzzy_too_short');
  });

  it('filters by fuzzy slug and by exact ids, and refuses an unknown filter', async () => {
    const bySlug = await t.stytch('POST', 'v1/b2b/organizations/search', {
      query: {
        operator: 'AND',
        operands: [{ filter_name: 'organization_slug_fuzzy', filter_value: 'initech' }],
      },
    });
    expect((bySlug.json.organizations as unknown[]).length).toBe(1);
    const byIds = await t.stytch('POST', 'v1/b2b/organizations/search', {
      query: {
        operator: 'AND',
        operands: [
          { filter_name: 'organization_ids', filter_value: [SEEDED_ORGANIZATIONS.globex] },
        ],
      },
    });
    expect((byIds.json.organizations as unknown[]).length).toBe(1);
    const unknown = await t.stytch('POST', 'v1/b2b/organizations/search', {
      query: {
        operator: 'AND',
        operands: [{ filter_name: 'favourite_colour', filter_value: 'blue' }],
      },
    });
    expect(unknown.json.error_type).toBe('organization_search_filter_name_not_recognized');
  });

  it('pages with limit and next_cursor until the last page, and refuses a forged cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const reply = await t.stytch('POST', 'v1/b2b/organizations/search', {
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      const meta = reply.json.results_metadata as { total: number; next_cursor?: string };
      seen.push(
        ...(reply.json.organizations as { organization_id: string }[]).map(
          (o) => o.organization_id,
        ),
      );
      expect(meta.total).toBeGreaterThanOrEqual(7);
      cursor = meta.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(SEEDED_ORGANIZATIONS.initech);
    const forged = await t.stytch('POST', 'v1/b2b/organizations/search', {
      cursor: 'not-a-cursor',
    });
    expect(forged.json.error_type).toBe('user_search_invalid_cursor');
  });

  it('gets an organization by id or slug, and answers organization_not_found otherwise', async () => {
    const byId = await t.stytch('GET', `v1/b2b/organizations/${SEEDED_ORGANIZATIONS.acme}`);
    expect((byId.json.organization as { organization_slug: string }).organization_slug).toBe(
      'acme-corp',
    );
    const bySlug = await t.stytch('GET', 'v1/b2b/organizations/acme-corp');
    expect((bySlug.json.organization as { organization_id: string }).organization_id).toBe(
      SEEDED_ORGANIZATIONS.acme,
    );
    const missing = await t.stytch('GET', 'v1/b2b/organizations/organization-test-nope');
    expect(missing.status).toBe(404);
    expect(missing.json.error_type).toBe('organization_not_found');
  });
});

describe('stand-in: fault injection', () => {
  it('answers 429 with Retry-After for the given number of requests, then normally', async () => {
    t.sandbox.http.faults.inject({
      route: 'organizations.search',
      fault: { kind: 'status', status: 429, retryAfter: '7' },
      times: 1,
    });
    const limited = await t.stytch('POST', 'v1/b2b/organizations/search', {});
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.json.error_type).toBe('too_many_requests');
    expect((await t.stytch('POST', 'v1/b2b/organizations/search', {})).status).toBe(200);
  });

  it('serves HTML instead of JSON, and a truncated JSON body', async () => {
    t.sandbox.http.faults.inject({
      route: 'scim.get',
      fault: { kind: 'html', status: 502 },
      times: 1,
    });
    const html = await fetch(
      new URL(connectionPath(SEEDED_ORGANIZATIONS.acme), t.sandbox.apiBaseUrl),
    );
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toContain('text/html');
    await html.arrayBuffer();
    t.sandbox.http.faults.inject({
      route: 'scim.get',
      fault: { kind: 'malformed-json' },
      times: 1,
    });
    const broken = await fetch(
      new URL(connectionPath(SEEDED_ORGANIZATIONS.acme), t.sandbox.apiBaseUrl),
    );
    await expect(broken.json()).rejects.toThrow();
  });

  it('drops the connection on reset, and still applies the change when the fault comes after processing', async () => {
    const org = t.newOrg('Reset Org');
    t.sandbox.http.faults.inject({
      route: 'scim.create',
      fault: { kind: 'reset' },
      times: 1,
      afterProcessing: true,
    });
    await expect(
      t.stytch('POST', connectionPath(org), { display_name: 'Lost answer' }),
    ).rejects.toThrow();
    expect(t.sandbox.state.history(org)).toHaveLength(1);
    expect(t.sandbox.http.requestCount('scim.create')).toBeGreaterThan(0);
  });
});

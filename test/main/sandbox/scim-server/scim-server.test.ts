import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SandboxScimServer } from '../../../../main/sandbox/scim-server/scim-server';

const TOKEN = 'current-token-0123456789abcdefghij';
const NEXT = 'next-token-0123456789abcdefghijklm';
const SCIM_JSON = 'application/scim+json';
const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let server: SandboxScimServer;
let connection = 0;
let base = '';

beforeAll(async () => {
  server = await SandboxScimServer.start();
});

afterAll(async () => {
  await server.stop();
});

beforeEach(() => {
  connection += 1;
  const id = `scim-connection-test-${connection}`;
  server.open(id, [TOKEN]);
  base = server.baseUrlFor(id);
});

async function scim(
  method: string,
  path: string,
  body?: unknown,
  token: string | null = TOKEN,
): Promise<{ status: number; type: string | null; json: Record<string, unknown> | null }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': SCIM_JSON }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    json: text === '' ? null : (JSON.parse(text) as Record<string, unknown>),
  };
}

const entraUser = (userName: string, externalId: string) => ({
  schemas: [
    'urn:ietf:params:scim:schemas:core:2.0:User',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  ],
  externalId,
  userName,
  active: true,
  emails: [{ primary: true, type: 'work', value: `${userName}@example.com` }],
  meta: { resourceType: 'User' },
  name: { formatted: 'Ada Lovelace', familyName: 'Lovelace', givenName: 'Ada' },
  roles: [],
});

const filterPath = (resource: string, filter: string, extra = '') =>
  `/${resource}?${extra}filter=${encodeURIComponent(filter)}`;

describe('sandbox SCIM server: Entra Test Connection', () => {
  it('answers a userName query for an unknown user with 200 and an empty ListResponse', async () => {
    const reply = await scim(
      'GET',
      filterPath('Users', 'userName eq "3f1c2a4e-0000-4000-8000-000000000000"'),
    );
    expect(reply.status).toBe(200);
    expect(reply.type).toContain(SCIM_JSON);
    expect(reply.json).toMatchObject({ schemas: [LIST_RESPONSE], totalResults: 0, Resources: [] });
  });

  it('accepts the query even with the aadOptscim062020 flag left on the URL', async () => {
    const reply = await scim(
      'GET',
      `/Users?aadOptscim062020&filter=${encodeURIComponent('userName eq "x"')}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.json?.totalResults).toBe(0);
  });

  it('refuses a missing, wrong or prefixed token with 401 and a SCIM error', async () => {
    for (const token of [null, 'wrong-token', `Bearer ${TOKEN}`]) {
      const reply = await scim('GET', '/Users', undefined, token);
      expect(reply.status).toBe(401);
      expect(reply.json?.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    }
  });
});

describe('sandbox SCIM server: Entra provisioning requests', () => {
  it('creates a user, finds it by userName and by externalId, and rejects a duplicate', async () => {
    const created = await scim('POST', '/Users', entraUser('ada@contoso.com', 'object-1'));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      userName: 'ada@contoso.com',
      externalId: 'object-1',
      active: true,
    });
    expect(typeof created.json?.id).toBe('string');

    const byName = await scim('GET', filterPath('Users', 'userName eq "ada@contoso.com"'));
    expect(byName.json).toMatchObject({ totalResults: 1 });
    const byExternal = await scim('GET', filterPath('Users', 'externalId eq "object-1"'));
    expect((byExternal.json?.Resources as { id: string }[])[0]?.id).toBe(created.json?.id);

    const duplicate = await scim('POST', '/Users', entraUser('ADA@contoso.com', 'object-2'));
    expect(duplicate.status).toBe(409);
  });

  it('applies Entra PATCH requests with and without the aadOptscim062020 shapes', async () => {
    const created = await scim('POST', '/Users', entraUser('grace@contoso.com', 'object-3'));
    const path = `/Users/${String(created.json?.id)}`;
    const multi = await scim('PATCH', path, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'grace.h@contoso.com' },
        { op: 'replace', value: { displayName: 'Grace H', 'name.givenName': 'Grace' } },
      ],
    });
    expect(multi.status).toBe(200);
    expect(multi.json).toMatchObject({ displayName: 'Grace H', name: { givenName: 'Grace' } });

    const legacy = await scim('PATCH', path, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'name.familyName', value: 'Hopper' }],
    });
    expect(legacy.json).toMatchObject({ name: { familyName: 'Hopper' } });

    const disabled = await scim('PATCH', path, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    expect(disabled.json?.active).toBe(false);
    expect((await scim('GET', path)).json?.active).toBe(false);
  });

  it('deletes a user with 204, then answers 404 for it', async () => {
    const created = await scim('POST', '/Users', entraUser('alan@contoso.com', 'object-4'));
    const path = `/Users/${String(created.json?.id)}`;
    expect((await scim('DELETE', path)).status).toBe(204);
    const gone = await scim('GET', path);
    expect(gone.status).toBe(404);
    expect(gone.json?.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  });

  it('creates a group, finds it by displayName without members, adds and removes a member', async () => {
    const user = await scim('POST', '/Users', entraUser('linus@contoso.com', 'object-5'));
    const userId = String(user.json?.id);
    const group = await scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      externalId: 'group-object-1',
      displayName: 'Engineering',
      meta: { resourceType: 'Group' },
    });
    expect(group.status).toBe(201);
    const groupPath = `/Groups/${String(group.json?.id)}`;

    const found = await scim(
      'GET',
      filterPath('Groups', 'displayName eq "Engineering"', 'excludedAttributes=members&'),
    );
    expect(found.json).toMatchObject({ totalResults: 1 });

    const added = await scim('PATCH', groupPath, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: userId }] }],
    });
    expect([200, 204]).toContain(added.status);
    const withMember = await scim('GET', groupPath);
    expect((withMember.json?.members as { value: string }[]).map((m) => m.value)).toEqual([userId]);

    const removed = await scim('PATCH', groupPath, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: `members[value eq "${userId}"]` }],
    });
    expect([200, 204]).toContain(removed.status);
    const after = await scim('GET', groupPath);
    expect((after.json?.members as unknown[] | undefined) ?? []).toEqual([]);
  });
});

describe('sandbox SCIM server: tokens and faults', () => {
  it('accepts the next token only while it is set, and nothing after the endpoint closes', async () => {
    const id = `scim-connection-test-rotating-${connection}`;
    server.open(id, [TOKEN]);
    base = server.baseUrlFor(id);
    expect((await scim('GET', '/Users', undefined, NEXT)).status).toBe(401);
    server.setTokens(id, [TOKEN, NEXT]);
    expect((await scim('GET', '/Users', undefined, NEXT)).status).toBe(200);
    expect((await scim('GET', '/Users', undefined, TOKEN)).status).toBe(200);
    server.setTokens(id, [NEXT]);
    expect((await scim('GET', '/Users', undefined, TOKEN)).status).toBe(401);
    server.close(id);
    expect((await scim('GET', '/Users', undefined, NEXT)).status).toBe(401);
  });

  it('keeps each connection’s users apart', async () => {
    await scim('POST', '/Users', entraUser('only-here@contoso.com', 'object-6'));
    const other = `scim-connection-test-other-${connection}`;
    server.open(other, [NEXT]);
    base = server.baseUrlFor(other);
    const list = await scim('GET', '/Users', undefined, NEXT);
    expect(list.json?.totalResults).toBe(0);
  });

  it('answers a filtered query with 404 under the filter-404 fault, but still 401s a bad token', async () => {
    const id = `scim-connection-test-${connection}`;
    server.setFault(id, 'filter-404');
    expect((await scim('GET', filterPath('Users', 'userName eq "x"'))).status).toBe(404);
    expect((await scim('GET', '/Users')).status).toBe(200);
    expect(
      (await scim('GET', filterPath('Users', 'userName eq "x"'), undefined, 'bad')).status,
    ).toBe(401);
  });

  it('answers every authorised request with 500 under the server-error fault', async () => {
    server.setFault(`scim-connection-test-${connection}`, 'server-error');
    expect((await scim('GET', '/Users')).status).toBe(500);
    expect((await scim('POST', '/Users', entraUser('x@contoso.com', 'o'))).status).toBe(500);
  });

  it('serves the discovery endpoints', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.json).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      bulk: { supported: false },
    });
    const types = await scim('GET', '/ResourceTypes');
    expect(types.json?.totalResults).toBe(2);
  });
});

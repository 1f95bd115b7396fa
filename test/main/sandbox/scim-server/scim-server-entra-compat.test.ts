import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SandboxScimServer } from '../../../../main/sandbox/scim-server/scim-server';

const TOKEN = 'compat-token-0123456789abcdefghij';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let server: SandboxScimServer;
let connections = 0;

beforeAll(async () => {
  server = await SandboxScimServer.start();
});

afterAll(async () => {
  await server.stop();
});

type Json = Record<string, unknown>;

/** Opens a fresh connection and returns a SCIM client for it. */
function connection(entraCompat: boolean) {
  connections += 1;
  const id = `scim-connection-test-compat-${connections}`;
  server.open(id, [TOKEN], 'none', { entraCompat });
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.baseUrlFor(id)}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: (text === '' ? null : JSON.parse(text)) as Json };
  };
}

const user = (userName: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  externalId: 'compat-external-id',
  userName,
  active: true,
  emails: [{ primary: true, type: 'work', value: userName }],
  name: { givenName: 'Ada', familyName: 'Lovelace' },
});

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

describe('sandbox SCIM server: Entra’s legacy dialect, as Stytch accepts it', () => {
  it('with Entra compatibility, stores the legacy "False" and "True" for active as booleans', async () => {
    const scim = connection(true);
    const { json: created } = await scim('POST', '/Users', user('Ada@Example.com'));
    const path = `/Users/${String(created.id)}`;
    const off = await scim('PATCH', path, patch({ op: 'Replace', path: 'active', value: 'False' }));
    expect(off.status).toBe(200);
    expect((await scim('GET', path)).json.active).toBe(false);
    await scim('PATCH', path, patch({ op: 'Replace', value: { active: 'True' } }));
    expect((await scim('GET', path)).json.active).toBe(true);
  });

  it('converts only active: a given name "False" stays a string', async () => {
    const scim = connection(true);
    const { json: created } = await scim('POST', '/Users', user('Grace@Example.com'));
    const path = `/Users/${String(created.id)}`;
    await scim('PATCH', path, patch({ op: 'Replace', path: 'name.givenName', value: 'False' }));
    expect((await scim('GET', path)).json.name).toMatchObject({ givenName: 'False' });
  });

  it('without it, refuses the legacy "False" with 400, as scimmy does', async () => {
    const scim = connection(false);
    const { json: created } = await scim('POST', '/Users', user('Alan@Example.com'));
    const path = `/Users/${String(created.id)}`;
    const off = await scim('PATCH', path, patch({ op: 'Replace', path: 'active', value: 'False' }));
    expect(off.status).toBe(400);
  });

  it('applies a path-less replace with a dotted key to the sub-attribute', async () => {
    const scim = connection(true);
    const { json: created } = await scim('POST', '/Users', user('Edsger@Example.com'));
    const path = `/Users/${String(created.id)}`;
    await scim('PATCH', path, patch({ op: 'replace', value: { 'name.givenName': 'E.' } }));
    const { json: read } = await scim('GET', path);
    expect(read.name).toMatchObject({ givenName: 'E.' });
    expect(read).not.toHaveProperty(['name.givenName']);
  });

  it('finds a user by userName in any case, and keeps the case it was sent in', async () => {
    const scim = connection(false);
    await scim('POST', '/Users', user('Barbara@Example.com'));
    const filter = encodeURIComponent('userName eq "BARBARA@EXAMPLE.COM"');
    const { json: list } = await scim('GET', `/Users?filter=${filter}`);
    expect(list.totalResults).toBe(1);
    expect(list.Resources).toMatchObject([
      { userName: 'Barbara@Example.com', emails: [{ value: 'Barbara@Example.com' }] },
    ]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';

import type { InvokeChannel } from '../../../shared/ipc-channels';
import { HANDLERS } from '../../../main/composition';
import { SANDBOX_PROJECT_ID } from '../../../main/sandbox/sandbox';
import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { HandlerHarness, TABLE } from './handler-harness';

const h = HandlerHarness.install();

describe('the handler table', () => {
  it('lists these handlers for the stytch:*, scim:* and sandbox:start channels', () => {
    for (const channel of Object.keys(TABLE) as InvokeChannel[]) {
      expect(HANDLERS[channel], channel).toBe(TABLE[channel]);
    }
  });
});

describe('stytch:connect and stytch:status', () => {
  it('starts disconnected', async () => {
    expect(await h.ok('stytch:status', {})).toEqual({
      connected: false,
      projectId: null,
      environment: null,
      mode: 'real',
    });
  });

  it('refuses an ID without the test/live prefix, and a secret of the other environment, without calling Stytch', async () => {
    const before = h.sandbox.http.requestCount();
    const badId = await h.call('stytch:connect', {
      projectId: 'organization-test-123',
      secret: 'x',
    });
    expect(badId).toMatchObject({ ok: false, error: { code: 'STYTCH_PROJECT_ID_INVALID' } });
    const mismatch = await h.call('stytch:connect', {
      projectId: h.sandbox.projectId,
      secret: 'secret-live-abc',
    });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'STYTCH_ENVIRONMENT_MISMATCH' } });
    expect(h.sandbox.http.requestCount()).toBe(before);
  });

  it('refuses a wrong secret and keeps nothing', async () => {
    const result = await h.call('stytch:connect', {
      projectId: h.sandbox.projectId,
      secret: 'secret-test-wrong',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'STYTCH_BAD_CREDENTIALS' } });
    expect(h.keeper.values.size).toBe(0);
    expect(h.memory.remembered).toBeNull();
  });

  it('verifies with one search call, keeps the secret, remembers the project, and never returns the secret', async () => {
    const before = h.sandbox.http.requestCount('organizations.search');
    const status = await h.connect();
    expect(status).toEqual({
      connected: true,
      projectId: h.sandbox.projectId,
      environment: 'test',
      mode: 'real',
    });
    expect(JSON.stringify(status)).not.toContain(h.sandbox.secret);
    expect(h.sandbox.http.requestCount('organizations.search') - before).toBe(1);
    expect(await h.keeper.readProjectSecret(h.sandbox.projectId)).toBe(h.sandbox.secret);
    expect(h.memory.remembered).toEqual({ projectId: h.sandbox.projectId, environment: 'test' });
    expect(h.notices).toEqual([]);
  });

  it('warns with a notice when the keychain refuses the secret', async () => {
    h.keeper.keychainRefuses = true;
    await h.connect();
    expect(h.notices).toEqual([
      { level: 'warning', message: 'The keychain refused; copy the token now.' },
    ]);
  });

  it('reconnects a remembered project after a restart, without a network call', async () => {
    await h.connect();
    h.restart();
    const before = h.sandbox.http.requestCount();
    expect(await h.ok('stytch:status', {})).toMatchObject({
      connected: true,
      projectId: h.sandbox.projectId,
    });
    expect(h.sandbox.http.requestCount()).toBe(before);
  });

  it('answers STYTCH_NOT_CONNECTED before connecting, and IPC_INVALID_REQUEST for a bad request', async () => {
    expect(
      await h.call('scim:getConnection', { organizationId: SEEDED_ORGANIZATIONS.acme }),
    ).toMatchObject({
      ok: false,
      error: { code: 'STYTCH_NOT_CONNECTED' },
    });
    expect(await h.call('scim:getConnection', {})).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_REQUEST' },
    });
  });
});

describe('stytch:searchOrganizations', () => {
  beforeEach(async () => {
    await h.connect();
  });

  it('finds organizations by name, marking the ones with a SCIM connection', async () => {
    const page = await h.ok('stytch:searchOrganizations', { query: 'glob' });
    expect(page.organizations).toEqual([
      {
        organizationId: SEEDED_ORGANIZATIONS.globex,
        name: 'Globex',
        slug: 'globex',
        scimActiveConnectionId: expect.stringMatching(/^scim-connection-test-/) as unknown,
      },
    ]);
  });

  it('falls back to the slug when no name matches, and takes an exact slug for short input', async () => {
    expect(
      (await h.ok('stytch:searchOrganizations', { query: 'stark-ind' })).organizations.map(
        (o) => o.slug,
      ),
    ).toEqual(['stark-industries']);
    expect((await h.ok('stytch:searchOrganizations', { query: 'gl' })).organizations).toEqual([]);
  });

  it('pages through everything with the cursor it hands out', async () => {
    const first = await h.ok('stytch:searchOrganizations', { query: '', limit: 3 });
    expect(first.organizations).toHaveLength(3);
    expect(first.nextCursor).toMatch(/^all:/);
    const second = await h.ok('stytch:searchOrganizations', {
      query: '',
      limit: 3,
      cursor: first.nextCursor,
    });
    expect(second.organizations.map((o) => o.organizationId)).not.toContain(
      first.organizations[0]?.organizationId,
    );
    expect(second.total).toBe(first.total);
  });
});

describe('sandbox:start', () => {
  it('connects to the stand-in in sandbox mode, once, keeping its secret through the keeper', async () => {
    const first = await h.ok('sandbox:start', {});
    expect(first).toEqual({
      connected: true,
      projectId: SANDBOX_PROJECT_ID,
      environment: 'test',
      mode: 'sandbox',
    });
    const second = await h.ok('sandbox:start', {});
    expect(second).toEqual(first);
    expect((await h.launcher.ensureStarted()).apiBaseUrl).toBe(h.sandbox.apiBaseUrl);
    expect(await h.keeper.readProjectSecret(SANDBOX_PROJECT_ID)).toBe(h.sandbox.secret);
    expect(h.memory.remembered).toBeNull();
    const orgs = await h.ok('stytch:searchOrganizations', { query: 'initech' });
    expect(orgs.organizations[0]?.organizationId).toBe(SEEDED_ORGANIZATIONS.initech);
  });
});

describe('sandbox:createTestUser', () => {
  it('refuses in a real project: the assistant creates no user in a real tenant', async () => {
    await h.connect();
    const result = await h.call('sandbox:createTestUser', {});
    expect(result.ok ? null : result.error.code).toBe('SANDBOX_ONLY');
    expect(h.sandbox.microsoft.graph.state.users.map((u) => u.displayName)).not.toContain(
      'Test User (SCIM check)',
    );
  });

  it('creates the test user in the sandbox tenant once, and answers it as a user to assign', async () => {
    await h.ok('sandbox:start', {});
    const first = await h.ok('sandbox:createTestUser', {});
    expect(first).toMatchObject({ kind: 'user', displayName: 'Test User (SCIM check)' });
    expect(await h.ok('sandbox:createTestUser', {})).toEqual(first);
    const named = h.sandbox.microsoft.graph.state.users.filter((u) => u.objectId === first.id);
    expect(named).toHaveLength(1);
  });
});

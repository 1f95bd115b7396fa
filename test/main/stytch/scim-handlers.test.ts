import { beforeEach, describe, expect, it } from 'vitest';

import { matching } from '../../support/matching';
import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { HandlerHarness, scimStatus } from './handler-harness';

const h = HandlerHarness.install();

describe('scim:* channels', () => {
  beforeEach(async () => {
    await h.connect();
  });

  it('shows an existing connection with Stytch’s last four when this computer has no token', async () => {
    const { connection } = await h.ok('scim:getConnection', {
      organizationId: SEEDED_ORGANIZATIONS.globex,
    });
    expect(connection).toMatchObject({
      organizationId: SEEDED_ORGANIZATIONS.globex,
      rotating: false,
      nextToken: null,
    });
    expect(connection?.token.storage).toBe('none');
    expect(connection?.token.last4).toHaveLength(4);
    expect(connection?.tenantUrl.endsWith('?aadOptscim062020')).toBe(true);
    expect(await h.ok('scim:getConnection', { organizationId: SEEDED_ORGANIZATIONS.acme })).toEqual(
      {
        connection: null,
      },
    );
  });

  it('creates a connection, keeping the token before answering, and answers only where it went', async () => {
    const org = h.newOrg('Handler Create');
    const result = await h.ok('scim:createConnection', {
      organizationId: org,
      displayName: 'Entra',
    });
    const token = h.keeper.token(result.connection.connectionId) ?? '';
    expect(token).toHaveLength(48);
    expect(result.keychainWarning).toBeNull();
    expect(result.connection).toMatchObject({
      identityProvider: 'microsoft-entra',
      rotating: false,
      token: { storage: 'keychain', last4: token.slice(-4) },
      nextToken: null,
    });
    expect(JSON.stringify(result)).not.toContain(token);
    expect(h.keeper.owners.get(result.connection.connectionId)).toEqual({
      projectId: h.sandbox.projectId,
      organizationId: org,
      connectionId: result.connection.connectionId,
    });
    expect(await scimStatus(result.connection, token)).toBe(200);
    expect(h.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(h.logs)).not.toContain(token);
    expect(JSON.stringify(h.logs)).not.toContain(h.sandbox.secret);
  });

  it('returns a keychain warning when the token could only be kept in memory', async () => {
    h.keeper.keychainRefuses = true;
    const result = await h.ok('scim:createConnection', {
      organizationId: h.newOrg('Memory Only'),
      displayName: 'Entra',
    });
    expect(result.keychainWarning).toContain('copy the token now');
    expect(result.connection.token.storage).toBe('memory');
  });

  it('says the connection exists but the token could not be kept when even that fails', async () => {
    h.keeper.saveThrows = true;
    const result = await h.call('scim:createConnection', {
      organizationId: h.newOrg('No Keeper'),
      displayName: 'Entra',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'SECRET_STORE_UNAVAILABLE',
        hint: matching('Rotate the token'),
      },
    });
  });

  it('a timed-out Create: tells the user it was created, then rotation gives a usable token; never two connections', async () => {
    const org = h.newOrg('Handler Timeout');
    h.sandbox.http.faults.inject({
      route: 'scim.create',
      fault: { kind: 'hang' },
      times: 1,
      afterProcessing: true,
    });
    const created = await h.call('scim:createConnection', {
      organizationId: org,
      displayName: 'Entra',
    });
    expect(created).toMatchObject({ ok: false, error: { code: 'STYTCH_CREATED_TOKEN_UNKNOWN' } });
    const again = await h.call('scim:createConnection', {
      organizationId: org,
      displayName: 'Entra',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'STYTCH_SCIM_CONNECTION_EXISTS' } });
    expect(h.sandbox.state.history(org)).toHaveLength(1);

    const { connection } = await h.ok('scim:getConnection', { organizationId: org });
    expect(connection?.token.storage).toBe('none');
    const ref = { organizationId: org, connectionId: connection?.connectionId ?? '' };
    const started = await h.ok('scim:rotateStart', ref);
    expect(started.connection).toMatchObject({
      rotating: true,
      nextToken: { storage: 'keychain' },
    });
    const completed = await h.ok('scim:rotateComplete', ref);
    const token = h.keeper.token(ref.connectionId) ?? '';
    expect(completed.connection).toMatchObject({
      rotating: false,
      nextToken: null,
      token: { storage: 'keychain', last4: token.slice(-4) },
    });
    expect(await scimStatus(completed.connection, token)).toBe(200);
  });

  it('rotates: start keeps the next token, cancel drops it and keeps the current one', async () => {
    const org = h.newOrg('Handler Rotation');
    const created = await h.ok('scim:createConnection', {
      organizationId: org,
      displayName: 'Entra',
    });
    const ref = { organizationId: org, connectionId: created.connection.connectionId };
    const first = h.keeper.token(ref.connectionId) ?? '';
    const started = await h.ok('scim:rotateStart', ref);
    const next = h.keeper.token(ref.connectionId, true) ?? '';
    expect(started.connection).toMatchObject({
      rotating: true,
      token: { storage: 'keychain', last4: first.slice(-4) },
      nextToken: { storage: 'keychain', last4: next.slice(-4) },
    });
    expect(
      (await h.ok('scim:getConnection', { organizationId: org })).connection?.nextToken?.last4,
    ).toBe(next.slice(-4));
    const cancelled = await h.ok('scim:rotateCancel', ref);
    expect(cancelled.connection).toMatchObject({
      rotating: false,
      nextToken: null,
      token: { last4: first.slice(-4) },
    });
    expect(h.keeper.token(ref.connectionId, true)).toBeUndefined();
    expect(await scimStatus(cancelled.connection, next)).toBe(401);
  });

  it('reports completing a rotation that was never started', async () => {
    const org = h.newOrg('Handler Not Rotating');
    const created = await h.ok('scim:createConnection', {
      organizationId: org,
      displayName: 'Entra',
    });
    const result = await h.call('scim:rotateComplete', {
      organizationId: org,
      connectionId: created.connection.connectionId,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'STYTCH_NOT_ROTATING' } });
  });

  it('deletes the connection at Stytch and its tokens here', async () => {
    const org = h.newOrg('Handler Delete');
    const created = await h.ok('scim:createConnection', {
      organizationId: org,
      displayName: 'Entra',
    });
    const ref = { organizationId: org, connectionId: created.connection.connectionId };
    expect(await h.ok('scim:deleteConnection', ref)).toEqual({
      deleted: true,
      connectionId: ref.connectionId,
    });
    expect(h.keeper.token(ref.connectionId)).toBeUndefined();
    expect(await h.ok('scim:getConnection', { organizationId: org })).toEqual({ connection: null });
  });

  it('forgets the project: its secret and tokens go, and the app disconnects', async () => {
    await h.ok('scim:createConnection', {
      organizationId: h.newOrg('Handler Forget'),
      displayName: 'Entra',
    });
    const result = await h.ok('stytch:forgetProject', { projectId: h.sandbox.projectId });
    expect(result.removedSecrets).toBe(2);
    expect(h.keeper.values.size).toBe(0);
    expect(h.memory.remembered).toBeNull();
    expect(await h.ok('stytch:status', {})).toMatchObject({ connected: false });
  });
});

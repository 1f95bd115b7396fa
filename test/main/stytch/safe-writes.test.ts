import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/sandbox';
import {
  createConnectionSafely,
  finishRotationSafely,
  rotateStartSafely,
} from '../../../main/stytch/safe-writes';
import type { StytchClient } from '../../../main/stytch/stytch-client';
import { failure, MemoryKeeper, testSession } from './support';

let sandbox: RunningSandbox;
let client: StytchClient;
const ENTRA = { displayName: 'Entra provisioning', identityProvider: 'microsoft-entra' };

beforeAll(async () => {
  sandbox = await startSandbox();
  // Short write timeout, so a hanging Create times out quickly; reads retry twice.
  const { session } = testSession(new MemoryKeeper(), {
    tuning: {
      timeouts: { readMs: 2_000, writeMs: 300, searchMs: 2_000 },
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10, maxTotalMs: 1_000 },
    },
  });
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

afterEach(() => {
  sandbox.http.faults.clear();
});

function newOrg(name: string): string {
  return sandbox.state.addOrganization({
    organization_name: name,
    organization_slug: name.toLowerCase().replace(/\W+/g, '-'),
  });
}

async function scimStatus(baseUrl: string, token: string): Promise<number> {
  const url = new URL(baseUrl);
  const response = await fetch(`${url.origin}${url.pathname}/Users`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  return response.status;
}

describe('Create after an ambiguous failure', () => {
  it('a timed-out Create that happened: one connection, reported as created with the token unknown, and rotation recovers', async () => {
    const org = newOrg('Timed Out Create');
    sandbox.http.faults.inject({
      route: 'scim.create',
      fault: { kind: 'hang' },
      times: 1,
      afterProcessing: true,
    });
    const createsBefore = sandbox.http.requestCount('scim.create');

    const error = await failure(() => createConnectionSafely(client, org, ENTRA));

    const history = sandbox.state.history(org);
    expect(history).toHaveLength(1);
    expect(sandbox.http.requestCount('scim.create') - createsBefore).toBe(1);
    expect(error.code).toBe('STYTCH_CREATED_TOKEN_UNKNOWN');
    expect(error.message).toContain(history[0]?.connection_id);
    expect(error.message).toContain('did not answer in time');
    expect(error.hint).toContain('Rotate the token');
    expect(error.hint).toContain('Do not create another connection');

    // The way out the user is given works: rotate, complete, and the new token is accepted.
    const connectionId = history[0]?.connection_id ?? '';
    const started = await rotateStartSafely(client, org, connectionId);
    const done = await finishRotationSafely(
      client,
      org,
      connectionId,
      'complete',
      started.next_bearer_token.slice(-4),
    );
    expect(done.bearer_token_last_four).toBe(started.next_bearer_token.slice(-4));
    expect(await scimStatus(done.base_url, started.next_bearer_token)).toBe(200);
    expect(sandbox.state.history(org)).toHaveLength(1);
  });

  it('a Create whose connection was reset before it happened: reported plainly as safe to try again, and the retry makes one', async () => {
    const org = newOrg('Reset Create');
    sandbox.http.faults.inject({ route: 'scim.create', fault: { kind: 'reset' }, times: 1 });

    const error = await failure(() => createConnectionSafely(client, org, ENTRA));
    expect(error).toMatchObject({ code: 'NET_RESET', retryable: true });
    expect(error.message).toContain('Stytch did not create the connection');
    expect(error.hint).toMatch(/^It is safe to try again/);
    expect(sandbox.state.history(org)).toEqual([]);

    const created = await createConnectionSafely(client, org, ENTRA);
    expect(sandbox.state.history(org)).toEqual([
      { connection_id: created.connection_id, status: 'active' },
    ]);
  });

  it('a 503 on Create that did not happen is reported as not created', async () => {
    const org = newOrg('Unavailable Create');
    sandbox.http.faults.inject({
      route: 'scim.create',
      fault: { kind: 'status', status: 503 },
      times: 1,
    });
    const error = await failure(() => createConnectionSafely(client, org, ENTRA));
    expect(error.code).toBe('STYTCH_SERVER_ERROR');
    expect(error.message).toContain('did not create');
  });

  it('an unreadable answer to a Create that happened is reported as created with the token unknown', async () => {
    const org = newOrg('Unreadable Create');
    sandbox.http.faults.inject({
      route: 'scim.create',
      fault: { kind: 'omit-field', field: 'connection.bearer_token' },
      times: 1,
    });
    expect((await failure(() => createConnectionSafely(client, org, ENTRA))).code).toBe(
      'STYTCH_CREATED_TOKEN_UNKNOWN',
    );
    expect(sandbox.state.history(org)).toHaveLength(1);
  });

  it('when the read-back fails too, says the outcome is unknown and what to check', async () => {
    const org = newOrg('Unknown Create');
    sandbox.http.faults.inject({
      route: 'scim.create',
      fault: { kind: 'hang' },
      times: 1,
      afterProcessing: true,
    });
    sandbox.http.faults.inject({ route: 'scim.get', fault: { kind: 'reset' }, skip: 1 });
    const error = await failure(() => createConnectionSafely(client, org, ENTRA));
    expect(error.code).toBe('STYTCH_CREATE_OUTCOME_UNKNOWN');
    expect(error.hint).toContain('Reload the organization');
  });

  it('never sends Create for an org that already has a connection', async () => {
    const before = sandbox.http.requestCount('scim.create');
    const error = await failure(() =>
      createConnectionSafely(client, SEEDED_ORGANIZATIONS.globex, ENTRA),
    );
    expect(error.code).toBe('STYTCH_SCIM_CONNECTION_EXISTS');
    expect(error.message).toContain('Globex Entra provisioning');
    expect(sandbox.http.requestCount('scim.create')).toBe(before);
  });
});

describe('Rotate Start after an ambiguous failure', () => {
  it('a lost answer to a started rotation says so, and cancel + start again recovers', async () => {
    const org = newOrg('Lost Rotation');
    const created = await createConnectionSafely(client, org, ENTRA);
    sandbox.http.faults.inject({
      route: 'scim.rotate-start',
      fault: { kind: 'hang' },
      times: 1,
      afterProcessing: true,
    });

    const error = await failure(() => rotateStartSafely(client, org, created.connection_id));
    expect(error.code).toBe('STYTCH_ROTATION_TOKEN_UNKNOWN');
    expect(error.message).toContain('current token still works');
    expect(error.hint).toContain('Cancel this rotation');
    expect(await scimStatus(created.base_url, created.bearer_token)).toBe(200);

    await finishRotationSafely(
      client,
      org,
      created.connection_id,
      'cancel',
      created.bearer_token.slice(-4),
    );
    const again = await rotateStartSafely(client, org, created.connection_id);
    expect(await scimStatus(again.base_url, again.next_bearer_token)).toBe(200);
  });

  it('a reset before the rotation started is reported as safe to try again', async () => {
    const org = newOrg('Reset Rotation');
    const created = await createConnectionSafely(client, org, ENTRA);
    sandbox.http.faults.inject({ route: 'scim.rotate-start', fault: { kind: 'reset' }, times: 1 });
    const error = await failure(() => rotateStartSafely(client, org, created.connection_id));
    expect(error.message).toContain('did not start a rotation');
    expect((await client.getConnection(org))?.next_bearer_token_last_four).toBe('');
  });

  it('refuses to rotate a connection that is not the org’s active one', async () => {
    const org = newOrg('Wrong Connection');
    await createConnectionSafely(client, org, ENTRA);
    expect(
      (await failure(() => rotateStartSafely(client, org, 'scim-connection-test-other'))).code,
    ).toBe('STYTCH_SCIM_CONNECTION_NOT_FOUND');
  });
});

describe('finishing a rotation or deleting after a lost answer', () => {
  it('a completed rotation whose answer was lost counts as done after the retry meets "not rotating"', async () => {
    const org = newOrg('Lost Complete');
    const created = await createConnectionSafely(client, org, ENTRA);
    const started = await rotateStartSafely(client, org, created.connection_id);
    sandbox.http.faults.inject({
      route: 'scim.rotate-complete',
      fault: { kind: 'reset' },
      times: 1,
      afterProcessing: true,
    });
    const done = await finishRotationSafely(
      client,
      org,
      created.connection_id,
      'complete',
      started.next_bearer_token.slice(-4),
    );
    expect(done.bearer_token_last_four).toBe(started.next_bearer_token.slice(-4));
  });

  it('without a lost answer, "not rotating" is reported as it is', async () => {
    const org = newOrg('Not Rotating');
    const created = await createConnectionSafely(client, org, ENTRA);
    const error = await failure(() =>
      finishRotationSafely(client, org, created.connection_id, 'complete', null),
    );
    expect(error.code).toBe('STYTCH_NOT_ROTATING');
  });

  it('a delete whose answer was lost counts as done after the retry finds no connection', async () => {
    const org = newOrg('Lost Delete');
    const created = await createConnectionSafely(client, org, ENTRA);
    sandbox.http.faults.inject({
      route: 'scim.delete',
      fault: { kind: 'reset' },
      times: 1,
      afterProcessing: true,
    });
    expect(await client.deleteConnection(org, created.connection_id)).toEqual({
      connectionId: created.connection_id,
    });
    expect(await client.getConnection(org)).toBeNull();
  });
});

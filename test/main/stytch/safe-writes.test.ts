import { describe, expect, it } from 'vitest';

import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import {
  createConnectionSafely,
  finishRotationSafely,
  rotateStartSafely,
} from '../../../main/stytch/safe-writes';
import { scimGet } from '../../support/stand-in-harness';
import { installClient } from './client-harness';
import { failure } from '../../support/stytch-doubles';

// Short write timeout, so a hanging Create times out quickly; reads retry twice.
const t = installClient({
  timeouts: { readMs: 2_000, writeMs: 300, searchMs: 2_000 },
  retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10, maxTotalMs: 1_000 },
});
const ENTRA = { displayName: 'Entra provisioning', identityProvider: 'microsoft-entra' };

describe('Create after an ambiguous failure', () => {
  it('a timed-out Create that happened: one connection, reported as created with the token unknown, and rotation recovers', async () => {
    const org = t.newOrg('Timed Out Create');
    t.sandbox.http.faults.inject({
      route: 'scim.create',
      fault: { kind: 'hang' },
      times: 1,
      afterProcessing: true,
    });
    const createsBefore = t.sandbox.http.requestCount('scim.create');

    const error = await failure(() => createConnectionSafely(t.client, org, ENTRA));

    const history = t.sandbox.state.history(org);
    expect(history).toHaveLength(1);
    expect(t.sandbox.http.requestCount('scim.create') - createsBefore).toBe(1);
    expect(error.code).toBe('STYTCH_CREATED_TOKEN_UNKNOWN');
    expect(error.message).toContain(history[0]?.connection_id);
    expect(error.message).toContain('did not answer in time');
    expect(error.hint).toContain('Rotate the token');
    expect(error.hint).toContain('Do not create another connection');

    // The way out the user is given works: rotate, complete, and the new token is accepted.
    const connectionId = history[0]?.connection_id ?? '';
    const started = await rotateStartSafely(t.client, org, connectionId);
    const done = await finishRotationSafely(
      t.client,
      org,
      connectionId,
      'complete',
      started.next_bearer_token.slice(-4),
    );
    expect(done.bearer_token_last_four).toBe(started.next_bearer_token.slice(-4));
    expect(await scimGet(done.base_url, started.next_bearer_token)).toBe(200);
    expect(t.sandbox.state.history(org)).toHaveLength(1);
  });

  it('a Create whose connection was reset before it happened: reported plainly as safe to try again, and the retry makes one', async () => {
    const org = t.newOrg('Reset Create');
    t.sandbox.http.faults.inject({ route: 'scim.create', fault: { kind: 'reset' }, times: 1 });

    const error = await failure(() => createConnectionSafely(t.client, org, ENTRA));
    expect(error).toMatchObject({ code: 'NET_RESET', retryable: true });
    expect(error.message).toContain('Stytch did not create the connection');
    expect(error.hint).toMatch(/^It is safe to try again/);
    expect(t.sandbox.state.history(org)).toEqual([]);

    const created = await createConnectionSafely(t.client, org, ENTRA);
    expect(t.sandbox.state.history(org)).toEqual([
      { connection_id: created.connection_id, status: 'active' },
    ]);
  });

  it('a 503 on Create that did not happen is reported as not created', async () => {
    const org = t.newOrg('Unavailable Create');
    t.sandbox.http.faults.inject({
      route: 'scim.create',
      fault: { kind: 'status', status: 503 },
      times: 1,
    });
    const error = await failure(() => createConnectionSafely(t.client, org, ENTRA));
    expect(error.code).toBe('STYTCH_SERVER_ERROR');
    expect(error.message).toContain('did not create');
  });

  it('an unreadable answer to a Create that happened is reported as created with the token unknown', async () => {
    const org = t.newOrg('Unreadable Create');
    t.sandbox.http.faults.inject({
      route: 'scim.create',
      fault: { kind: 'omit-field', field: 'connection.bearer_token' },
      times: 1,
    });
    expect((await failure(() => createConnectionSafely(t.client, org, ENTRA))).code).toBe(
      'STYTCH_CREATED_TOKEN_UNKNOWN',
    );
    expect(t.sandbox.state.history(org)).toHaveLength(1);
  });

  it('when the read-back fails too, says the outcome is unknown and what to check', async () => {
    const org = t.newOrg('Unknown Create');
    t.sandbox.http.faults.inject({
      route: 'scim.create',
      fault: { kind: 'hang' },
      times: 1,
      afterProcessing: true,
    });
    t.sandbox.http.faults.inject({ route: 'scim.get', fault: { kind: 'reset' }, skip: 1 });
    const error = await failure(() => createConnectionSafely(t.client, org, ENTRA));
    expect(error.code).toBe('STYTCH_CREATE_OUTCOME_UNKNOWN');
    expect(error.hint).toContain('Reload the organization');
  });

  it('never sends Create for an org that already has a connection', async () => {
    const before = t.sandbox.http.requestCount('scim.create');
    const error = await failure(() =>
      createConnectionSafely(t.client, SEEDED_ORGANIZATIONS.globex, ENTRA),
    );
    expect(error.code).toBe('STYTCH_SCIM_CONNECTION_EXISTS');
    expect(error.message).toContain('Globex Entra provisioning');
    expect(t.sandbox.http.requestCount('scim.create')).toBe(before);
  });
});

describe('Rotate Start after an ambiguous failure', () => {
  it('a lost answer to a started rotation says so, and cancel + start again recovers', async () => {
    const org = t.newOrg('Lost Rotation');
    const created = await createConnectionSafely(t.client, org, ENTRA);
    t.sandbox.http.faults.inject({
      route: 'scim.rotate-start',
      fault: { kind: 'hang' },
      times: 1,
      afterProcessing: true,
    });

    const error = await failure(() => rotateStartSafely(t.client, org, created.connection_id));
    expect(error.code).toBe('STYTCH_ROTATION_TOKEN_UNKNOWN');
    expect(error.message).toContain('current token still works');
    expect(error.hint).toContain('Cancel this rotation');
    expect(await scimGet(created.base_url, created.bearer_token)).toBe(200);

    await finishRotationSafely(
      t.client,
      org,
      created.connection_id,
      'cancel',
      created.bearer_token.slice(-4),
    );
    const again = await rotateStartSafely(t.client, org, created.connection_id);
    // The new token is pending (refused until Complete, the stand-in's default), the current one works.
    expect(await scimGet(again.base_url, again.next_bearer_token)).toBe(401);
    expect(await scimGet(again.base_url, created.bearer_token)).toBe(200);
  });

  it('a reset before the rotation started is reported as safe to try again', async () => {
    const org = t.newOrg('Reset Rotation');
    const created = await createConnectionSafely(t.client, org, ENTRA);
    t.sandbox.http.faults.inject({
      route: 'scim.rotate-start',
      fault: { kind: 'reset' },
      times: 1,
    });
    const error = await failure(() => rotateStartSafely(t.client, org, created.connection_id));
    expect(error.message).toContain('did not start a rotation');
    expect((await t.client.getConnection(org))?.next_bearer_token_last_four).toBe('');
  });

  it('refuses to rotate a connection that is not the org’s active one', async () => {
    const org = t.newOrg('Wrong Connection');
    await createConnectionSafely(t.client, org, ENTRA);
    expect(
      (await failure(() => rotateStartSafely(t.client, org, 'scim-connection-test-other'))).code,
    ).toBe('STYTCH_SCIM_CONNECTION_NOT_FOUND');
  });
});

describe('finishing a rotation or deleting after a lost answer', () => {
  it('a completed rotation whose answer was lost counts as done after the retry meets "not rotating"', async () => {
    const org = t.newOrg('Lost Complete');
    const created = await createConnectionSafely(t.client, org, ENTRA);
    const started = await rotateStartSafely(t.client, org, created.connection_id);
    t.sandbox.http.faults.inject({
      route: 'scim.rotate-complete',
      fault: { kind: 'reset' },
      times: 1,
      afterProcessing: true,
    });
    const done = await finishRotationSafely(
      t.client,
      org,
      created.connection_id,
      'complete',
      started.next_bearer_token.slice(-4),
    );
    expect(done.bearer_token_last_four).toBe(started.next_bearer_token.slice(-4));
  });

  it('without a lost answer, "not rotating" is reported as it is', async () => {
    const org = t.newOrg('Not Rotating');
    const created = await createConnectionSafely(t.client, org, ENTRA);
    const error = await failure(() =>
      finishRotationSafely(t.client, org, created.connection_id, 'complete', null),
    );
    expect(error.code).toBe('STYTCH_NOT_ROTATING');
  });

  it('a delete whose answer was lost counts as done after the retry finds no connection', async () => {
    const org = t.newOrg('Lost Delete');
    const created = await createConnectionSafely(t.client, org, ENTRA);
    t.sandbox.http.faults.inject({
      route: 'scim.delete',
      fault: { kind: 'reset' },
      times: 1,
      afterProcessing: true,
    });
    expect(await t.client.deleteConnection(org, created.connection_id)).toEqual({
      connectionId: created.connection_id,
    });
    expect(await t.client.getConnection(org)).toBeNull();
  });
});

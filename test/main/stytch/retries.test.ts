import { describe, expect, it } from 'vitest';

import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import type { StytchOperation } from '../../../main/stytch/operations';
import { installClient } from './client-harness';
import { failure, TEST_RETRY } from '../../support/stytch-doubles';

const t = installClient();

function counting<T>(route: StytchOperation, run: () => Promise<T>) {
  const before = t.sandbox.http.requestCount(route);
  return async () => {
    const result = await run();
    return { result, requests: t.sandbox.http.requestCount(route) - before };
  };
}

async function newConnection(name: string) {
  const org = t.newOrg(name);
  const connection = await t.client.createConnection(org, {
    displayName: name,
    identityProvider: 'microsoft-entra',
  });
  return { org, id: connection.connection_id };
}

describe('idempotent calls retry', () => {
  it('retries a search after 429, waiting what Retry-After asks', async () => {
    t.sandbox.http.faults.inject({
      route: 'organizations.search',
      fault: { kind: 'status', status: 429, retryAfter: '2' },
      times: 2,
    });
    const { result, requests } = await counting('organizations.search', () =>
      t.client.searchOrganizations({ limit: 1 }),
    )();
    expect(result.organizations).toHaveLength(1);
    expect(requests).toBe(3);
    expect(t.clock.sleeps).toEqual([2_000, 2_000]);
  });

  it('retries GET after 502, 503 and 504 with growing backoff', async () => {
    for (const status of [502, 503, 504]) {
      t.sandbox.http.faults.inject({
        route: 'scim.get',
        fault: { kind: 'status', status },
        times: 1,
      });
    }
    const { result, requests } = await counting('scim.get', () =>
      t.client.getConnection(SEEDED_ORGANIZATIONS.globex),
    )();
    expect(result?.organization_id).toBe(SEEDED_ORGANIZATIONS.globex);
    expect(requests).toBe(4);
    expect(t.clock.sleeps).toEqual([75, 150, 300]);
  });

  it('retries a GET whose connection was reset', async () => {
    t.sandbox.http.faults.inject({ route: 'scim.get', fault: { kind: 'reset' }, times: 1 });
    const { requests } = await counting('scim.get', () =>
      t.client.getConnection(SEEDED_ORGANIZATIONS.acme),
    )();
    expect(requests).toBe(2);
  });

  it('retries DELETE, rotate complete and rotate cancel', async () => {
    const { org, id } = await newConnection('Retry Writes');
    await t.client.rotateStart(org, id);
    t.sandbox.http.faults.inject({
      route: 'scim.rotate-complete',
      fault: { kind: 'status', status: 502 },
      times: 1,
    });
    expect((await t.client.rotateComplete(org, id)).next_bearer_token_last_four).toBe('');
    await t.client.rotateStart(org, id);
    t.sandbox.http.faults.inject({
      route: 'scim.rotate-cancel',
      fault: { kind: 'reset' },
      times: 1,
    });
    expect((await t.client.rotateCancel(org, id)).next_bearer_token_last_four).toBe('');
    t.sandbox.http.faults.inject({
      route: 'scim.delete',
      fault: { kind: 'status', status: 504 },
      times: 1,
    });
    expect(await t.client.deleteConnection(org, id)).toEqual({ connectionId: id });
    expect(t.clock.sleeps).toHaveLength(3);
  });

  it('stops after the policy’s attempts and reports the last failure', async () => {
    t.sandbox.http.faults.inject({
      route: 'scim.get',
      fault: { kind: 'status', status: 503 },
    });
    const before = t.sandbox.http.requestCount('scim.get');
    expect(await failure(() => t.client.getConnection(SEEDED_ORGANIZATIONS.acme))).toMatchObject({
      code: 'STYTCH_SERVER_ERROR',
    });
    expect(t.sandbox.http.requestCount('scim.get') - before).toBe(TEST_RETRY.maxAttempts);
  });

  it('does not wait beyond the time budget: a long Retry-After is reported, not slept', async () => {
    t.sandbox.http.faults.inject({
      route: 'organizations.search',
      fault: { kind: 'status', status: 429, retryAfter: '60' },
    });
    const error = await failure(() => t.client.searchOrganizations({}));
    expect(error.code).toBe('STYTCH_RATE_LIMITED');
    expect(error.message).toContain('60 seconds');
    expect(t.clock.sleeps).toEqual([]);
  });

  it('does not retry a 500 (internal_server_error) or a 4xx', async () => {
    t.sandbox.http.faults.inject({
      route: 'scim.get',
      fault: { kind: 'status', status: 500 },
      times: 1,
    });
    const run = counting('scim.get', () =>
      failure(() => t.client.getConnection(SEEDED_ORGANIZATIONS.acme)),
    );
    expect((await run()).requests).toBe(1);
    const missing = counting('scim.get', () =>
      failure(() => t.client.getConnection('organization-test-missing')),
    );
    expect((await missing()).requests).toBe(1);
  });
});

describe('writes that return a secret are sent once', () => {
  it('never retries Create, even on 503 or a reset', async () => {
    const org = t.newOrg('Once Only');
    for (const fault of [{ kind: 'status', status: 503 } as const, { kind: 'reset' } as const]) {
      t.sandbox.http.faults.inject({ route: 'scim.create', fault, times: 1 });
      const run = counting('scim.create', () =>
        failure(() =>
          t.client.createConnection(org, { displayName: 'x', identityProvider: 'microsoft-entra' }),
        ),
      );
      expect((await run()).requests).toBe(1);
    }
    expect(t.sandbox.state.history(org)).toEqual([]);
    expect(t.clock.sleeps).toEqual([]);
  });

  it('never retries Rotate Start', async () => {
    const { org, id } = await newConnection('Rotate Once');
    t.sandbox.http.faults.inject({
      route: 'scim.rotate-start',
      fault: { kind: 'status', status: 503 },
      times: 1,
    });
    const run = counting('scim.rotate-start', () => failure(() => t.client.rotateStart(org, id)));
    expect((await run()).requests).toBe(1);
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/sandbox';
import { backoffDelay, parseRetryAfter } from '../../../main/stytch/retry';
import type { StytchClient } from '../../../main/stytch/stytch-client';
import { failure, MemoryKeeper, TEST_RETRY, testSession, type TestClock } from './support';

let sandbox: RunningSandbox;
let client: StytchClient;
let clock: TestClock;

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterAll(async () => {
  await sandbox.stop();
});

beforeEach(async () => {
  const made = testSession(new MemoryKeeper());
  clock = made.clock;
  await made.session.connect({
    projectId: sandbox.projectId,
    secret: sandbox.secret,
    baseUrl: sandbox.apiBaseUrl,
  });
  client = await made.session.client();
  clock.sleeps.length = 0;
});

afterEach(() => {
  sandbox.http.faults.clear();
});

function counting<T>(
  route: Parameters<RunningSandbox['http']['requestCount']>[0],
  run: () => Promise<T>,
) {
  const before = sandbox.http.requestCount(route);
  return async () => {
    const result = await run();
    return { result, requests: sandbox.http.requestCount(route) - before };
  };
}

async function newConnection(name: string) {
  const org = sandbox.state.addOrganization({
    organization_name: name,
    organization_slug: name.toLowerCase().replace(/\W+/g, '-'),
  });
  const connection = await client.createConnection(org, {
    displayName: name,
    identityProvider: 'microsoft-entra',
  });
  return { org, id: connection.connection_id };
}

describe('backoff arithmetic', () => {
  it('doubles with jitter, caps, and lets Retry-After ask for longer', () => {
    const half = () => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(TEST_RETRY, n, half))).toEqual([
      75, 150, 300, 600, 750,
    ]);
    expect(backoffDelay(TEST_RETRY, 1, () => 0)).toBe(50);
    expect(backoffDelay(TEST_RETRY, 1, half, 3)).toBe(3_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('idempotent calls retry', () => {
  it('retries a search after 429, waiting what Retry-After asks', async () => {
    sandbox.http.faults.inject({
      route: 'organizations.search',
      fault: { kind: 'status', status: 429, retryAfter: '2' },
      times: 2,
    });
    const { result, requests } = await counting('organizations.search', () =>
      client.searchOrganizations({ limit: 1 }),
    )();
    expect(result.organizations).toHaveLength(1);
    expect(requests).toBe(3);
    expect(clock.sleeps).toEqual([2_000, 2_000]);
  });

  it('retries GET after 502, 503 and 504 with growing backoff', async () => {
    for (const status of [502, 503, 504]) {
      sandbox.http.faults.inject({
        route: 'scim.get',
        fault: { kind: 'status', status },
        times: 1,
      });
    }
    const { result, requests } = await counting('scim.get', () =>
      client.getConnection(SEEDED_ORGANIZATIONS.globex),
    )();
    expect(result?.organization_id).toBe(SEEDED_ORGANIZATIONS.globex);
    expect(requests).toBe(4);
    expect(clock.sleeps).toEqual([75, 150, 300]);
  });

  it('retries a GET whose connection was reset', async () => {
    sandbox.http.faults.inject({ route: 'organizations.get', fault: { kind: 'reset' }, times: 1 });
    const { requests } = await counting('organizations.get', () =>
      client.getOrganization(SEEDED_ORGANIZATIONS.acme),
    )();
    expect(requests).toBe(2);
  });

  it('retries PUT, DELETE, rotate complete and rotate cancel', async () => {
    const { org, id } = await newConnection('Retry Writes');
    sandbox.http.faults.inject({
      route: 'scim.update',
      fault: { kind: 'status', status: 503 },
      times: 1,
    });
    expect((await client.updateConnection(org, id, { display_name: 'Renamed' })).display_name).toBe(
      'Renamed',
    );
    await client.rotateStart(org, id);
    sandbox.http.faults.inject({
      route: 'scim.rotate-complete',
      fault: { kind: 'status', status: 502 },
      times: 1,
    });
    expect((await client.rotateComplete(org, id)).next_bearer_token_last_four).toBe('');
    await client.rotateStart(org, id);
    sandbox.http.faults.inject({ route: 'scim.rotate-cancel', fault: { kind: 'reset' }, times: 1 });
    expect((await client.rotateCancel(org, id)).next_bearer_token_last_four).toBe('');
    sandbox.http.faults.inject({
      route: 'scim.delete',
      fault: { kind: 'status', status: 504 },
      times: 1,
    });
    expect(await client.deleteConnection(org, id)).toEqual({ connectionId: id });
    expect(clock.sleeps).toHaveLength(4);
  });

  it('stops after the policy’s attempts and reports the last failure', async () => {
    sandbox.http.faults.inject({
      route: 'organizations.get',
      fault: { kind: 'status', status: 503 },
    });
    const before = sandbox.http.requestCount('organizations.get');
    expect(await failure(() => client.getOrganization(SEEDED_ORGANIZATIONS.acme))).toMatchObject({
      code: 'STYTCH_SERVER_ERROR',
    });
    expect(sandbox.http.requestCount('organizations.get') - before).toBe(TEST_RETRY.maxAttempts);
  });

  it('does not wait beyond the time budget: a long Retry-After is reported, not slept', async () => {
    sandbox.http.faults.inject({
      route: 'organizations.search',
      fault: { kind: 'status', status: 429, retryAfter: '60' },
    });
    const error = await failure(() => client.searchOrganizations({}));
    expect(error.code).toBe('STYTCH_RATE_LIMITED');
    expect(error.message).toContain('60 seconds');
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry a 500 (internal_server_error) or a 4xx', async () => {
    sandbox.http.faults.inject({
      route: 'organizations.get',
      fault: { kind: 'status', status: 500 },
      times: 1,
    });
    const run = counting('organizations.get', () =>
      failure(() => client.getOrganization(SEEDED_ORGANIZATIONS.acme)),
    );
    expect((await run()).requests).toBe(1);
    const missing = counting('organizations.get', () =>
      failure(() => client.getOrganization('organization-test-missing')),
    );
    expect((await missing()).requests).toBe(1);
  });
});

describe('writes that return a secret are sent once', () => {
  it('never retries Create, even on 503 or a reset', async () => {
    const org = sandbox.state.addOrganization({
      organization_name: 'Once Only',
      organization_slug: 'once-only',
    });
    for (const fault of [{ kind: 'status', status: 503 } as const, { kind: 'reset' } as const]) {
      sandbox.http.faults.inject({ route: 'scim.create', fault, times: 1 });
      const run = counting('scim.create', () =>
        failure(() =>
          client.createConnection(org, { displayName: 'x', identityProvider: 'microsoft-entra' }),
        ),
      );
      expect((await run()).requests).toBe(1);
    }
    expect(sandbox.state.history(org)).toEqual([]);
    expect(clock.sleeps).toEqual([]);
  });

  it('never retries Rotate Start', async () => {
    const { org, id } = await newConnection('Rotate Once');
    sandbox.http.faults.inject({
      route: 'scim.rotate-start',
      fault: { kind: 'status', status: 503 },
      times: 1,
    });
    const run = counting('scim.rotate-start', () => failure(() => client.rotateStart(org, id)));
    expect((await run()).requests).toBe(1);
  });
});

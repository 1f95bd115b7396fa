import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { EntraSetupViewSchema } from '../../../../shared/entra/entra-views';
import { RETRY_POLICIES } from '../../../../main/http/retry';
import { ON_DEMAND_LIMIT } from '../../../../main/graph/rate-limiter';
import { GraphStandInError } from '../../../../main/sandbox/graph-stand-in/state';
import { startEntraHarness, type EntraHarness } from '../entra-harness';
import {
  ACME,
  APP_NAME,
  expectRequestIdShown,
  refusal,
  requestsOf,
  retriesLogged,
  signInAs,
  virtualTime,
  type VirtualTime,
} from './support';

/**
 * Graph's timing failure modes (issue 13) through the app's IPC path, on virtual time shared by
 * the app and the stand-ins (support.ts, virtualTime): replication delay, throttling and the
 * provisionOnDemand cap.
 */
let app: EntraHarness;
let time: VirtualTime | undefined;

beforeEach(async () => {
  app = await startEntraHarness();
  await signInAs(app, 'adele', 'create-app');
});

afterEach(async () => {
  time?.restore();
  time = undefined;
  await app.close();
});

const graph = () => app.sandbox.microsoft.graph;
const total = (ms: number[]) => ms.reduce((sum, each) => sum + each, 0);

describe('Request_ResourceNotFound right after creating the app (replication)', () => {
  /** The stand-in's copy of the app the admin just created. */
  const standInApp = (spId: string) => {
    const found = graph().state.apps.find((candidate) => candidate.spId === spId);
    if (found === undefined) throw new Error(`the stand-in has no app ${spId}`);
    return found;
  };

  it('waits with backoff through the 404s: createApp then ensureJob succeed within the budget', async () => {
    time = virtualTime();
    graph().state.options.replicationReads = 3;

    const created = EntraSetupViewSchema.parse(
      await app.ok('entra:createApp', { organizationId: ACME, displayName: APP_NAME }),
    );
    const spId = created.app?.servicePrincipalId ?? '';
    const withJob = EntraSetupViewSchema.parse(
      await app.ok('entra:ensureJob', { organizationId: ACME }),
    );

    expect(withJob.job?.jobId).toMatch(/^scim\./);
    expect(standInApp(spId).unreplicatedReads).toBe(0);
    expect(graph().state.apps).toHaveLength(1);
    expect(graph().state.jobs.size).toBe(1);
    // Three 404s, each retried: three requests on the new app that the stand-in received and
    // the client tried again, each with its own client-request-id.
    const retries = retriesLogged(app);
    expect(retries.map((retry) => retry.code)).toEqual(Array(3).fill('GRAPH_NOT_FOUND'));
    const onApp = graph().history.filter((record) =>
      record.path.startsWith(`/servicePrincipals/${spId}`),
    );
    for (const retry of retries) {
      expect(onApp.some((record) => record.clientRequestId === retry.clientRequestId)).toBe(true);
    }
    expect(new Set(onApp.map((record) => record.clientRequestId)).size).toBe(onApp.length);
    // Growing waits, within the replication policy's bounds.
    expect(time.sleeps).toEqual(retries.map((retry) => retry.delayMs));
    const [first = 0, second = 0, third = 0] = time.sleeps;
    expect(first).toBeGreaterThanOrEqual(RETRY_POLICIES.replication.baseDelayMs / 2);
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);
    for (const sleep of time.sleeps)
      expect(sleep).toBeLessThanOrEqual(RETRY_POLICIES.replication.maxDelayMs);
    expect(total(time.sleeps)).toBeLessThanOrEqual(RETRY_POLICIES.replication.maxTotalMs);
  });

  it('gives up beyond the budget with GRAPH_NOT_FOUND saying to wait and try again; trying again later works', async () => {
    time = virtualTime();
    graph().state.options.replicationReads = 1_000;
    const created = EntraSetupViewSchema.parse(
      await app.ok('entra:createApp', { organizationId: ACME, displayName: APP_NAME }),
    );
    const spId = created.app?.servicePrincipalId ?? '';

    const error = refusal(await app.call('entra:ensureJob', { organizationId: ACME }));

    expect(error.code).toBe('GRAPH_NOT_FOUND');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/could not find what [\w.]+ refers to/);
    expect(error.hint).toMatch(/just created, wait a minute/);
    expect(error.hint).toMatch(/try again/);
    expectRequestIdShown(app, error);
    const onApp = graph().history.filter((record) =>
      record.path.startsWith(`/servicePrincipals/${spId}`),
    );
    expect(onApp.length).toBeGreaterThan(1);
    expect(onApp.length).toBeLessThanOrEqual(RETRY_POLICIES.replication.maxAttempts);
    expect(total(time.sleeps)).toBeLessThanOrEqual(RETRY_POLICIES.replication.maxTotalMs);
    expect(new Set(onApp.map((record) => record.clientRequestId)).size).toBe(onApp.length);

    // Once Entra has copied the app, the same step succeeds; the app was made once.
    standInApp(spId).unreplicatedReads = 0;
    await app.ok('entra:ensureJob', { organizationId: ACME });
    expect(graph().state.apps).toHaveLength(1);
  });
});

describe('429 Too Many Requests', () => {
  it('honours Retry-After and goes on, even for the app creation that is otherwise sent once', async () => {
    time = virtualTime();
    graph().controls.throttle(2, 7, 'applicationTemplates.instantiate');

    await app.ok('entra:createApp', { organizationId: ACME, displayName: APP_NAME });

    expect(time.sleeps).toEqual([7_000, 7_000]);
    expect(requestsOf(app, 'applicationTemplates.instantiate')).toHaveLength(3);
    expect(retriesLogged(app).map((retry) => retry.code)).toEqual([
      'GRAPH_THROTTLED',
      'GRAPH_THROTTLED',
    ]);
    expect(graph().state.apps).toHaveLength(1);
  });

  it('waits a real 1 s Retry-After before retrying (no virtual clock)', async () => {
    graph().controls.throttle(1, 1, 'applicationTemplates.instantiate');
    const started = Date.now();

    await app.ok('entra:createApp', { organizationId: ACME, displayName: APP_NAME });

    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(requestsOf(app, 'applicationTemplates.instantiate')).toHaveLength(2);
  });

  it('stops when Graph throttles longer than the client waits: GRAPH_THROTTLED saying how long', async () => {
    time = virtualTime();
    graph().controls.throttle(100, 50);

    const error = refusal(
      await app.call('entra:createApp', { organizationId: ACME, displayName: APP_NAME }),
    );

    expect(error.code).toBe('GRAPH_THROTTLED');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('limiting requests');
    expect(error.message).toContain('applicationTemplates.instantiate');
    expect(error.hint).toBe('Wait 50 seconds, then try again.');
    expectRequestIdShown(app, error, 'applicationTemplates.instantiate');
    // The 120 s budget: two waits of 50 s fit, a third does not.
    expect(time.sleeps).toEqual([50_000, 50_000]);
    expect(total(time.sleeps)).toBeLessThanOrEqual(RETRY_POLICIES.graph.maxTotalMs);
    expect(graph().state.apps).toEqual([]);
  });
});

describe('provisionOnDemand: at most 5 per 10 s', () => {
  it('holds the sixth quick run in the client until the window has room; Graph never answers it 429', async () => {
    const created = await app.ok('scim:createConnection', {
      organizationId: ACME,
      displayName: 'Microsoft Entra ID',
    });
    await app.ok('entra:createApp', { organizationId: ACME, displayName: APP_NAME });
    await app.ok('entra:ensureJob', { organizationId: ACME });
    await app.ok('entra:saveCredentials', {
      organizationId: ACME,
      connectionId: created.connection.connectionId,
    });
    const users = await app.ok('entra:searchDirectory', { kind: 'user', text: '' });
    const adele = users.principals[0];
    if (adele === undefined) throw new Error('the sandbox tenant has no users');
    await app.ok('entra:assign', {
      organizationId: ACME,
      principals: [{ id: adele.id, kind: 'user' }],
    });
    const check = vi.spyOn(graph().controls, 'check');
    time = virtualTime();

    for (let run = 0; run < ON_DEMAND_LIMIT.requests + 1; run += 1) {
      const view = EntraSetupViewSchema.parse(
        await app.ok('entra:provisionOnDemand', { organizationId: ACME, userId: adele.id }),
      );
      expect(view.lastOnDemand?.userId).toBe(adele.id);
    }

    // The sixth waited in the client, the whole window, once.
    expect(time.sleeps).toEqual([ON_DEMAND_LIMIT.windowMs]);
    // Six requests reached Graph, none answered 429, none retried.
    expect(requestsOf(app, 'jobs.provisionOnDemand')).toHaveLength(6);
    const refused = check.mock.results.filter(
      (result) => result.type === 'throw' && (result.value as GraphStandInError).status === 429,
    );
    expect(refused).toEqual([]);
    expect(retriesLogged(app)).toEqual([]);
    check.mockRestore();
  });
});

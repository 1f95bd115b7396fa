import { randomUUID } from 'node:crypto';

import { createHttpClient, type FetchLike } from '../main/http/create-http-client';
import { targetOf } from '../main/probe/probe-context';
import type { ProbeStep } from '../main/probe/probe-step';
import { MAX_BODY_BYTES } from '../main/probe/read-body';
import { createProbeContext, runProbe } from '../main/probe/run-probe';
import { ENTRA_LIKE_HEADERS, resourceUrl } from '../main/probe/scim-exchange';
import { PROBE_STEPS } from '../main/probe/steps';
import { eqFilter } from '../main/probe/steps/record';
import { testConnectionStep } from '../main/probe/steps/test-connection';
import { nodeTlsConnector, type TlsConnector } from '../main/probe/tls-connector';
import type { ProbeCheckId } from '../shared/probe/report';
import { generateTestCertificates } from '../test/main/probe/support/certs';
import { fetchTrusting } from '../test/main/probe/support/https-fetch';
import { median, timed, type Benchmark, type Figure } from './figures';
import { startScimServerProcess } from './scim-server-process';

const TOKEN = 'bench-token-0f9e8d7c6b5a';
const LATENCY_MS = 50;

/**
 * Sequential round trips each read-only check needs once its prerequisites are done: one
 * request each (discovery sends its three in parallel), the TLS check one handshake (its two
 * handshakes run in parallel), the url check none. The write cycle is off.
 */
const ROUND_TRIPS: Readonly<Record<ProbeCheckId, number>> = {
  url: 0,
  tls: 1,
  'test-connection': 1,
  'auth-enforced': 1,
  'external-id-filter': 1,
  groups: 1,
  'not-found-shape': 1,
  discovery: 1,
  'write-cycle': 0,
};

/** The longest chain of round trips through the steps' dependencies: what no scheduler can beat. */
function criticalRoundTrips<C>(steps: readonly ProbeStep<C>[]): number {
  const depth = new Map<ProbeCheckId, number>();
  for (const step of steps) {
    const before = Math.max(0, ...step.needs.map((id) => depth.get(id) ?? 0));
    depth.set(step.id, before + ROUND_TRIPS[step.id]);
  }
  return Math.max(...depth.values());
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withLatency(fetchLike: FetchLike): FetchLike {
  return async (...args: Parameters<FetchLike>) => {
    await sleep(LATENCY_MS);
    return fetchLike(...args);
  };
}

const tlsWithLatency: TlsConnector = async (request) => {
  await sleep(LATENCY_MS);
  return nodeTlsConnector(request);
};

async function testConnectionVsFetch(): Promise<Figure[]> {
  const server = await startScimServerProcess(TOKEN);
  try {
    const tenantUrl = `${server.origin}/scim?aadOptscim062020`;
    const guid = randomUUID();
    const ctx = createProbeContext(
      { tenantUrl, token: TOKEN },
      { fetch, connectTls: nodeTlsConnector },
      { newGuid: () => guid },
    );
    const url = resourceUrl(targetOf(ctx), '/Users', [eqFilter('userName', guid)]);
    const headers = { ...ENTRA_LIKE_HEADERS, Authorization: `Bearer ${TOKEN}` };
    const http = createHttpClient({ fetch, timeoutMs: 15_000, maxResponseBytes: MAX_BODY_BYTES });
    const variants = {
      fetch: async () => (await fetch(url, { headers })).text(),
      // What any request with its own time limit costs: undici's AbortSignal bookkeeping.
      fetchWithLimit: async () =>
        (
          await fetch(url, {
            headers,
            redirect: 'manual',
            signal: AbortSignal.timeout(15_000),
          })
        ).text(),
      client: () => http.get(url, { headers, responseType: 'text' }),
      check: async () => {
        const outcome = await testConnectionStep.run(ctx);
        if (outcome.status !== 'pass')
          throw new Error(`test-connection did not pass: ${outcome.message}`);
      },
    };
    const samples = {
      fetch: [] as number[],
      fetchWithLimit: [] as number[],
      client: [] as number[],
      check: [] as number[],
    };
    for (let i = 0; i < 600; i += 1) {
      // Interleaved, so drift in machine load touches every variant alike; the first 100 warm up.
      for (const [name, run] of Object.entries(variants) as Array<
        [keyof typeof variants, () => Promise<unknown>]
      >) {
        const ms = await timed(run);
        if (i >= 100) samples[name].push(ms);
      }
    }
    const [fetchMedian, limitedMedian, clientMedian, checkMedian] = [
      median(samples.fetch),
      median(samples.fetchWithLimit),
      median(samples.client),
      median(samples.check),
    ];
    return [
      { name: 'probe.test_connection.vs_fetch', value: checkMedian / fetchMedian, unit: 'ratio' },
      {
        name: 'probe.test_connection.vs_fetch_with_time_limit',
        value: checkMedian / limitedMedian,
        unit: 'ratio',
      },
      {
        name: 'probe.test_connection.http_client_vs_fetch',
        value: clientMedian / fetchMedian,
        unit: 'ratio',
      },
      { name: 'probe.test_connection.median', value: checkMedian, unit: 'ms' },
      { name: 'probe.test_connection.fetch_median', value: fetchMedian, unit: 'ms' },
    ];
  } finally {
    await server.stop();
  }
}

/**
 * The same round trips without the probe: the Test Connection request, then the requests of
 * the checks that depend on it, concurrently — bare fetches through the same slow transport.
 */
function bareRoundTrips(tenantUrl: string, fetchLike: FetchLike): () => Promise<void> {
  const target = targetOf(
    createProbeContext(
      { tenantUrl, token: TOKEN },
      { fetch: fetchLike, connectTls: nodeTlsConnector },
    ),
  );
  const get = async (path: string, query: Array<[string, string]> = [], token = TOKEN) => {
    const response = await fetchLike(resourceUrl(target, path, query), {
      headers: { ...ENTRA_LIKE_HEADERS, Authorization: `Bearer ${token}` },
    });
    await response.text();
  };
  const guid = () => [eqFilter('userName', randomUUID())];
  return async () => {
    await get('/Users', guid());
    await Promise.all([
      get('/Users', guid(), 'wrong-token'),
      get('/Users', [eqFilter('externalId', randomUUID())]),
      get('/Groups', [['excludedAttributes', 'members'], eqFilter('displayName', randomUUID())]),
      get(`/Users/${randomUUID()}`),
      get('/ServiceProviderConfig'),
      get('/ResourceTypes'),
      get('/Schemas'),
    ]);
  };
}

async function readonlyVsRoundTrips(): Promise<Figure[]> {
  const certs = await generateTestCertificates();
  const server = await startScimServerProcess(TOKEN, certs.good);
  try {
    const slowFetch = withLatency(fetchTrusting(certs.ca));
    const transport = { fetch: slowFetch, connectTls: tlsWithLatency };
    const tenantUrl = `${server.origin}/scim?aadOptscim062020`;
    const input = { tenantUrl, token: TOKEN, options: { ca: [certs.ca] } };
    const bare = bareRoundTrips(tenantUrl, slowFetch);
    const probeSamples: number[] = [];
    const bareSamples: number[] = [];
    for (let i = 0; i < 33; i += 1) {
      let failed = '';
      const probeMs = await timed(async () => {
        const report = await runProbe(input, transport);
        failed = report.checks
          .filter((c) => c.status !== 'pass' && c.id !== 'write-cycle')
          .map((c) => c.id)
          .join(', ');
      });
      if (failed !== '') throw new Error(`the read-only probe did not pass: ${failed}`);
      const bareMs = await timed(bare);
      if (i >= 3) {
        probeSamples.push(probeMs);
        bareSamples.push(bareMs);
      }
    }
    const floor = criticalRoundTrips(PROBE_STEPS) * LATENCY_MS;
    const [probeMedian, bareMedian] = [median(probeSamples), median(bareSamples)];
    return [
      { name: 'probe.readonly.vs_rtt', value: probeMedian / bareMedian, unit: 'ratio' },
      { name: 'probe.readonly.vs_latency_floor', value: probeMedian / floor, unit: 'ratio' },
      { name: 'probe.readonly.median', value: probeMedian, unit: 'ms' },
      { name: 'probe.readonly.round_trips_median', value: bareMedian, unit: 'ms' },
      { name: 'probe.readonly.latency_floor', value: floor, unit: 'ms' },
    ];
  } finally {
    await server.stop();
    await certs.dispose();
  }
}

/** The probe's figures: overhead of one check over a bare fetch, and of the whole run over its round trips. */
export const PROBE_BENCHMARKS: readonly Benchmark[] = [
  { name: 'probe.test_connection', run: testConnectionVsFetch },
  { name: 'probe.readonly', run: readonlyVsRoundTrips },
];

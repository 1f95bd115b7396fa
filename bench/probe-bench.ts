import { randomUUID } from 'node:crypto';

import { createHttpClient, type FetchLike } from '../main/http/create-http-client';
import { targetOf } from '../main/probe/probe-context';
import type { ProbeStep } from '../main/probe/probe-step';
import { MAX_BODY_BYTES } from '../main/probe/read-body';
import { createProbeContext, runProbe } from '../main/probe/run-probe';
import { ENTRA_LIKE_HEADERS, resourceUrl, type ScimCall } from '../main/probe/scim-exchange';
import { PROBE_STEPS } from '../main/probe/steps';
import { groupQuery } from '../main/probe/steps/group-query';
import { eqFilter, userQuery } from '../main/probe/steps/record';
import { testConnectionStep } from '../main/probe/steps/test-connection';
import { MICROSOFT_OPENSSL_NAMES } from '../main/probe/steps/tls';
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

/** Read-only probe runs (and as many floor runs): the first few warm up connections and JIT. */
const READONLY_WARM_UP = 4;
const READONLY_SAMPLES = 60;

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

/**
 * `probe.test_connection.vs_fetch`: the Test Connection check (its user and group queries, sent
 * together, judged and recorded) over its floor, the same two queries sent by bare fetch in
 * parallel and read as text (goal ≤ 1.25). Beside it, the same over fetches with a time limit,
 * and the app's axios client over bare fetch.
 */
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
    // Test Connection's two queries, the user's and the group's, as the step sends them.
    const urls = [userQuery('userName', guid), groupQuery(guid)].map((call) =>
      resourceUrl(targetOf(ctx), call.path, call.query),
    );
    const headers = { ...ENTRA_LIKE_HEADERS, Authorization: `Bearer ${TOKEN}` };
    const http = createHttpClient({ fetch, timeoutMs: 15_000, maxResponseBytes: MAX_BODY_BYTES });
    const both = (send: (url: string) => Promise<unknown>) => () => Promise.all(urls.map(send));
    const variants = {
      fetch: both(async (url) => (await fetch(url, { headers })).text()),
      // What any request with its own time limit costs: undici's AbortSignal bookkeeping.
      fetchWithLimit: both(async (url) =>
        (
          await fetch(url, {
            headers,
            redirect: 'manual',
            signal: AbortSignal.timeout(15_000),
          })
        ).text(),
      ),
      client: both((url) => http.get(url, { headers, responseType: 'text' })),
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
    const order = Object.entries(variants) as Array<
      [keyof typeof variants, () => Promise<unknown>]
    >;
    for (let i = 0; i < 600; i += 1) {
      // Interleaved, so drift in machine load touches every variant alike, and in an order
      // rotated every round, so what one variant leaves behind (garbage for the collector, warm
      // sockets) does not always land on the same next one. The first 100 rounds warm up.
      for (let k = 0; k < order.length; k += 1) {
        const [name, run] = order[(i + k) % order.length]!;
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
 * The same network work without the probe, through the same slow transports: Test Connection's
 * two queries (user and group, together), then the requests of the checks that depend on it,
 * concurrently — bare fetches, nothing judged or recorded. Beside that chain, as the TLS check
 * runs beside Test Connection, its three handshakes (server's choice, TLS 1.2 with Microsoft's
 * suites, TLS 1.2 with any): the server and this machine's CPU do that work during the probe too.
 */
function bareRoundTrips(
  tenantUrl: string,
  fetchLike: FetchLike,
  connectTls: TlsConnector,
  ca: string,
): () => Promise<void> {
  const target = targetOf(
    createProbeContext({ tenantUrl, token: TOKEN }, { fetch: fetchLike, connectTls }),
  );
  const get = async (path: string, query: ScimCall['query'] = [], token = TOKEN) => {
    const response = await fetchLike(resourceUrl(target, path, query), {
      headers: { ...ENTRA_LIKE_HEADERS, Authorization: `Bearer ${token}` },
    });
    await response.text();
  };
  const guid = () => [eqFilter('userName', randomUUID())];
  const handshake = { host: target.host, port: target.port, timeoutMs: 15_000, ca: [ca] };
  const chain = async () => {
    const { path, query } = groupQuery(randomUUID());
    await Promise.all([get('/Users', guid()), get(path, query)]);
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
  return async () => {
    await Promise.all([
      chain(),
      connectTls(handshake),
      connectTls({ ...handshake, maxVersion: 'TLSv1.2', ciphers: MICROSOFT_OPENSSL_NAMES }),
      connectTls({ ...handshake, maxVersion: 'TLSv1.2' }),
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
    const bare = bareRoundTrips(tenantUrl, slowFetch, tlsWithLatency, certs.ca);
    const probe = async () => {
      const report = await runProbe(input, transport);
      const failed = report.checks
        .filter((c) => c.status !== 'pass' && c.id !== 'write-cycle')
        .map((c) => c.id)
        .join(', ');
      if (failed !== '') throw new Error(`the read-only probe did not pass: ${failed}`);
    };
    const probeSamples: number[] = [];
    const bareSamples: number[] = [];
    for (let i = 0; i < READONLY_WARM_UP + READONLY_SAMPLES; i += 1) {
      // Which goes first alternates, so neither always runs on what the other left behind.
      let probeMs: number;
      let bareMs: number;
      if (i % 2 === 0) {
        probeMs = await timed(probe);
        bareMs = await timed(bare);
      } else {
        bareMs = await timed(bare);
        probeMs = await timed(probe);
      }
      if (i >= READONLY_WARM_UP) {
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

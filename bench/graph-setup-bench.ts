import type { FetchLike } from '../main/http/create-http-client';
import type { GraphOperation } from '../main/graph/graph-operations';
import { SEEDED_ORGANIZATIONS } from '../main/sandbox/seed';
import { startEntraHarness, type EntraHarness } from '../test/main/entra-setup/entra-harness';
import { median, timed, type Benchmark, type Figure } from './figures';

const LATENCY_MS = 50;
const RUNS = 5;
const ORGANIZATION = SEEDED_ORGANIZATIONS.acme;

/**
 * The Graph round trips the automated setup cannot do without, step by step. The steps are the
 * admin's, one IPC call each, in the wizard's order, so they add up; within a step only the
 * chain of calls where one needs the previous answer counts. Every other Graph request the
 * service sends is overhead this figure exposes.
 */
const ROUND_TRIPS = {
  // POST instantiate: creates the app; its answer already holds the service principal.
  createApp: 1,
  // POST jobs {templateId: scim}: a new app has no job to find first.
  ensureJob: 1,
  // POST validateCredentials: Entra's own Test Connection, one call.
  testConnection: 1,
  // GET secrets (beta), then PUT secrets: the PUT replaces the whole set, so the job's other
  // settings (notification e-mail, scope…) must be read before it to be sent back; the PUT needs
  // the GET's answer, so the two cannot overlap.
  saveCredentials: 2,
  // GET schema: what the user mapping sends as externalId.
  readMapping: 1,
  // PUT schema: the schema read above, changed, sent back whole.
  fixMapping: 1,
  // POST appRoleAssignedTo, once per principal: the three are independent, so they are all in
  // flight at once (the role id is in the instantiate answer). The service sends at most four at
  // a time, so more than four principals would cost more than one; the floor counts one.
  assign: 1,
  // POST start.
  start: 1,
  // POST provisionOnDemand (the user rule's id is in the schema already read).
  provisionOnDemand: 1,
} as const;

const FLOOR_ROUND_TRIPS = Object.values(ROUND_TRIPS).reduce((sum, n) => sum + n, 0);

/**
 * Reads the app makes on purpose beyond that floor, each a check a test holds it to, so each is a
 * round trip it cannot do without either (`graph.setup_vs_checked_round_trips`).
 */
const CHECK_ROUND_TRIPS = {
  // GET schema again before the PUT: the change applied must be the one the admin was shown; a
  // schema edited in the admin center meanwhile is GRAPH_CONFLICT (entra-setup.test.ts).
  fixMappingReadsAgain: 1,
  // GET secrets (beta) before start: the scope read in main, whatever the renderer showed; a
  // scope switched to "all" in the admin center meanwhile stops Start (scope-gate.test.ts).
  startReadsScope: 1,
  // GET job after start: start answers 204 with no body, and the view shows Graph's own status
  // (a quarantined or unconfigured job need not become Active).
  startReadsJob: 1,
} as const;

const CHECKED_ROUND_TRIPS =
  FLOOR_ROUND_TRIPS + Object.values(CHECK_ROUND_TRIPS).reduce((sum, n) => sum + n, 0);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const urlOf = (input: Parameters<FetchLike>[0]) =>
  input instanceof Request ? input.url : input.toString();

/**
 * Node's fetch, slowed by {@link LATENCY_MS} for requests to Graph only: Stytch, SCIM and the
 * sign-in stay as fast as loopback, so the figure is about Graph round trips alone. The
 * stand-in's origin is known once the sandbox is up, hence the setter.
 */
function graphLatency(): { fetch: FetchLike; slowOrigin(origin: string): void } {
  let graphOrigin: string | null = null;
  return {
    fetch: async (input, init) => {
      if (graphOrigin !== null && new URL(urlOf(input)).origin === graphOrigin)
        await sleep(LATENCY_MS);
      return fetch(input, init);
    },
    slowOrigin: (origin) => {
      graphOrigin = origin;
    },
  };
}

/**
 * One Graph round trip as this machine serves it now: {@link CHECKED_ROUND_TRIPS} bare GETs of
 * the app's jobs one after another, through the same slowed fetch, with the stand-in's token and
 * nothing else (no client, no parsing), over their number. Taken beside each setup run, so load
 * from other work on the machine touches the floor as it touches the setup.
 */
async function bareRoundTripMs(app: EntraHarness, fetchLike: FetchLike): Promise<number> {
  const graph = app.sandbox.microsoft.graph;
  const [standInApp] = graph.state.apps;
  if (standInApp === undefined) throw new Error('the setup made no app');
  const url = `${graph.baseUrl}/servicePrincipals/${standInApp.spId}/synchronization/jobs`;
  const headers = { Authorization: `Bearer ${await graph.accessToken([])}` };
  const ms = await timed(async () => {
    for (let trip = 0; trip < CHECKED_ROUND_TRIPS; trip += 1) {
      const response = await fetchLike(url, { headers });
      if (!response.ok) throw new Error(`the bare GET answered ${response.status}`);
      await response.text();
    }
  });
  return ms / CHECKED_ROUND_TRIPS;
}

/** A fresh app signed in as Adele with acme's SCIM connection: what the timed part starts from. */
async function preparedApp() {
  const latency = graphLatency();
  const app = await startEntraHarness({ fetch: latency.fetch });
  try {
    latency.slowOrigin(new URL(app.sandbox.microsoft.graphBaseUrl).origin);
    await app.ok('microsoft:signIn', { action: 'create-app' });
    const created = await app.ok('scim:createConnection', {
      organizationId: ORGANIZATION,
      displayName: 'Microsoft Entra ID',
    });
    // Whom the admin picks: chosen here, since picking is the admin's time, not the setup's.
    const { users, groups } = app.sandbox.microsoft.graph.state;
    const [adele, alex] = users;
    const engineering = groups.find((group) => group.displayName === 'Engineering');
    if (!adele || !alex || !engineering) throw new Error('the sandbox tenant has fewer people');
    const principals = [
      { id: adele.objectId, kind: 'user' as const },
      { id: alex.objectId, kind: 'user' as const },
      { id: engineering.objectId, kind: 'group' as const },
    ];
    return {
      app,
      fetch: latency.fetch,
      connectionId: created.connection.connectionId,
      principals,
      onDemand: adele,
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** The automated Entra setup through the real handlers, failing on any step that does not pass. */
async function setUp(
  app: EntraHarness,
  connectionId: string,
  principals: { id: string; kind: 'user' | 'group' }[],
  onDemandUserId: string,
): Promise<void> {
  const organizationId = ORGANIZATION;
  await app.ok('entra:createApp', { organizationId, displayName: 'Stytch SCIM' });
  await app.ok('entra:ensureJob', { organizationId });
  const tested = await app.ok('entra:testConnection', { organizationId, connectionId });
  if (tested.lastTest?.passed !== true) throw new Error("Entra's Test Connection did not pass");
  await app.ok('entra:saveCredentials', { organizationId, connectionId });
  const read = await app.ok('entra:readMapping', { organizationId });
  const fingerprint = read.mapping?.fingerprint ?? '';
  const fixed = await app.ok('entra:fixMapping', { organizationId, fingerprint });
  if (fixed.mapping?.correct !== true) throw new Error('the externalId mapping was not fixed');
  await app.ok('entra:assign', { organizationId, principals });
  await app.ok('entra:start', { organizationId });
  const onDemand = await app.ok('entra:provisionOnDemand', {
    organizationId,
    userId: onDemandUserId,
  });
  // Success, or Skipped when the cycle `start` set off exported the user first.
  if (!/^(Success|Skipped)$/.test(onDemand.lastOnDemand?.result ?? ''))
    throw new Error(`provision on demand: ${onDemand.lastOnDemand?.result ?? 'no result'}`);
}

async function setupVsRoundTrips(): Promise<Figure[]> {
  const samples: number[] = [];
  const roundTrips: number[] = [];
  const requests: number[] = [];
  // One extra first run warms the modules up and is not counted.
  for (let run = 0; run <= RUNS; run += 1) {
    const { app, fetch, connectionId, principals, onDemand } = await preparedApp();
    try {
      const history = app.sandbox.microsoft.graph.history;
      const before = history.length;
      const ms = await timed(() => setUp(app, connectionId, principals, onDemand.objectId));
      const sent = history.slice(before).map((record) => record.operation);
      const roundTripMs = await bareRoundTripMs(app, fetch);
      if (process.env['BENCH_GRAPH_TRACE'] === '1')
        process.stderr.write(
          `graph setup ${ms.toFixed(0)} ms, round trip ${roundTripMs.toFixed(1)} ms: ${operationCounts(sent)}\n`,
        );
      if (run > 0) {
        samples.push(ms);
        roundTrips.push(roundTripMs);
        requests.push(sent.length);
      }
    } finally {
      await app.close();
    }
  }
  const setupMs = median(samples);
  const roundTripMs = median(roundTrips);
  return [
    {
      name: 'graph.setup_vs_round_trips',
      value: setupMs / (FLOOR_ROUND_TRIPS * roundTripMs),
      unit: 'x',
    },
    {
      name: 'graph.setup_vs_checked_round_trips',
      value: setupMs / (CHECKED_ROUND_TRIPS * roundTripMs),
      unit: 'x',
    },
    { name: 'graph.setup_ms', value: setupMs, unit: 'ms' },
    { name: 'graph.setup_round_trip_ms', value: roundTripMs, unit: 'ms' },
    { name: 'graph.setup_requests', value: median(requests), unit: 'requests' },
    { name: 'graph.setup_round_trip_floor', value: FLOOR_ROUND_TRIPS, unit: 'round_trips' },
    {
      name: 'graph.setup_checked_round_trip_floor',
      value: CHECKED_ROUND_TRIPS,
      unit: 'round_trips',
    },
  ];
}

/** `operation×n` for each operation sent, in first-sent order: where the extra requests are. */
function operationCounts(sent: readonly (GraphOperation | null)[]): string {
  const counts = new Map<string, number>();
  for (const operation of sent)
    counts.set(operation ?? '?', (counts.get(operation ?? '?') ?? 0) + 1);
  return [...counts].map(([operation, n]) => `${operation}×${n}`).join(' ');
}

/**
 * The automated Entra setup (sign-in and the Stytch connection excluded) with {@link LATENCY_MS}
 * on each Graph request, over the sum of its unavoidable sequential Graph round trips, each
 * timed as a bare request beside it ({@link bareRoundTripMs}).
 */
export const GRAPH_SETUP_BENCHMARKS: readonly Benchmark[] = [
  { name: 'graph.setup_vs_round_trips', run: setupVsRoundTrips },
];

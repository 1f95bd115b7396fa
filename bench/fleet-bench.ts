import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { build } from 'vite';

import { FLEET_POLICY } from '../main/fleet/fleet-policy';
import type { FetchLike } from '../main/http/create-http-client';
import { hostOf } from '../main/fleet/fleet-budget';
import type { Benchmark, Figure } from './figures';
import { timed } from './figures';
import { benchFleet, type FleetTarget } from './fleet-support';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '..');

/** Connections swept, as issue 23 asks. */
const SWEEP_CONNECTIONS = 1_000;
/** Organizations for the memory figure. */
const RSS_ORGANIZATIONS = 5_000;
/** Added to every request, as a network between the app and Stytch would. */
const LATENCY_MS = 50;

/** Starts a script of this folder in a child process and waits for its first message. */
function child(
  script: string,
  ask: Serializable,
  // The parent runs under tsx; by default the child inherits its loader flags to run TypeScript.
  execArgv: readonly string[] = process.execArgv,
): Promise<{ answer: unknown; process: ChildProcess }> {
  const process_ = fork(resolve(HERE, script), [], {
    execArgv: [...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    process_.once('error', reject);
    process_.once('exit', (code) => reject(new Error(`${script} exited early (${code})`)));
    process_.once('message', (answer: unknown) => {
      process_.removeAllListeners('exit');
      resolve({ answer, process: process_ });
    });
    process_.send(ask);
  });
}

/**
 * fleet.sweep_vs_rate_floor: the health sweep of 1,000 connections (every token kept, so each
 * gets Get SCIM connection and Entra's two Test Connection queries), 50 ms added to each request,
 * over the least time the app's limits and the round trips allow at its concurrency:
 * the larger of (a) each host's requests over its budget (Stytch documents no figure for these
 * calls, fleet-policy.ts) and (b) ceil(N / concurrency) connections in a row, each two added
 * latencies long (Get SCIM connection, then the two queries side by side).
 */
async function sweepFigures(): Promise<Figure[]> {
  const sandbox = await child('fleet-sandbox-child.ts', {
    count: SWEEP_CONNECTIONS,
    heldEvery: 1,
  });
  try {
    const perHost = new Map<string, number>();
    let counting = false;
    const fetchVia: FetchLike = async (input, init) => {
      await delay(LATENCY_MS);
      if (counting) {
        const host = hostOf(input instanceof Request ? input.url : String(input));
        perHost.set(host, (perHost.get(host) ?? 0) + 1);
      }
      return fetch(input, init);
    };
    const { fleet, cleanUp } = await benchFleet(sandbox.answer as FleetTarget, fetchVia);
    try {
      const refreshMs = await timed(async () => {
        await fleet.refresh(false);
        await fleet.settled();
      });
      const rows = await fleet.rows();
      if (rows.length !== SWEEP_CONNECTIONS) throw new Error(`overview has ${rows.length} rows`);
      counting = true;
      const sweepMs = await timed(async () => {
        await fleet.sweepStart(undefined);
        await fleet.settled();
      });
      counting = false;
      const status = await fleet.sweepStatus();
      if (status.counts.passed !== SWEEP_CONNECTIONS)
        throw new Error(`sweep passed ${status.counts.passed} of ${SWEEP_CONNECTIONS}`);
      const budgetMs = Math.max(
        ...[...perHost.values()].map(
          (requests) => (requests / FLEET_POLICY.perHostPerSecond) * 1000,
        ),
      );
      // Get SCIM connection, then Entra's two queries side by side: two latencies in a row.
      const chainMs = 2 * LATENCY_MS;
      const roundTripMs = Math.ceil(SWEEP_CONNECTIONS / FLEET_POLICY.concurrency) * chainMs;
      const floorMs = Math.max(budgetMs, roundTripMs);
      return [
        { name: 'fleet.sweep_vs_rate_floor', value: sweepMs / floorMs, unit: 'ratio' },
        { name: 'fleet.sweep_ms', value: Math.round(sweepMs), unit: 'ms' },
        { name: 'fleet.sweep_floor_ms', value: Math.round(floorMs), unit: 'ms' },
        { name: 'fleet.sweep_budget_floor_ms', value: Math.round(budgetMs), unit: 'ms' },
        { name: 'fleet.sweep_round_trip_floor_ms', value: Math.round(roundTripMs), unit: 'ms' },
        { name: 'fleet.refresh_ms', value: Math.round(refreshMs), unit: 'ms' },
      ];
    } finally {
      await cleanUp();
    }
  } finally {
    sandbox.process.kill();
  }
}

/**
 * fleet-child.ts bundled as the app's main is (dependencies left in node_modules), so the child
 * runs in plain Node: under tsx it also carried tsx's loader and compiler, ~30 MB before any
 * work that the app does not have (bench/README.md).
 */
async function builtFleetChild(): Promise<string> {
  const outDir = join(REPO_ROOT, 'test-output', 'bench', 'fleet-child');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: REPO_ROOT,
    build: {
      ssr: join(HERE, 'fleet-child.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'fleet-child.mjs' } },
    },
  });
  return join(outDir, 'fleet-child.mjs');
}

/** fleet.peak_rss_mb: the main side's peak memory for 5,000 organizations (fleet-child.ts). */
async function memoryFigures(): Promise<Figure[]> {
  const script = await builtFleetChild();
  const sandbox = await child('fleet-sandbox-child.ts', {
    count: RSS_ORGANIZATIONS,
    heldEvery: 10,
  });
  try {
    const measured = await child(script, sandbox.answer as Serializable, []);
    measured.process.kill();
    const answer = measured.answer as { peakRssMb: number; rows: number };
    if (answer.rows !== RSS_ORGANIZATIONS) throw new Error(`overview has ${answer.rows} rows`);
    return [{ name: 'fleet.peak_rss_mb', value: Math.round(answer.peakRssMb), unit: 'MB' }];
  } finally {
    sandbox.process.kill();
  }
}

export const FLEET_BENCHMARKS: readonly Benchmark[] = [
  { name: 'fleet.sweep', run: sweepFigures },
  { name: 'fleet.memory', run: memoryFigures },
];

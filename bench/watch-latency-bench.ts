import { randomUUID } from 'node:crypto';

import type { WatchSnapshot } from '../shared/provisioning/watch';
import type { FetchLike } from '../main/http/create-http-client';
import { createDispatcher, type EmitEvent } from '../main/ipc/dispatch';
import { ProvisioningWatch, type WatchTimers } from '../main/provisioning-watch/provisioning-watch';
import { watchHandlers } from '../main/provisioning-watch/watch-handlers';
import { startSandbox, type RunningSandbox } from '../main/sandbox/sandbox';
import { median, type Benchmark, type Figure } from './figures';
import {
  appListMembers,
  benchConnection,
  createScimUser,
  SILENT,
  type BenchConnection,
} from './watch-support';

/** Added to every Stytch request (members search), as a far-away Stytch would. */
const STYTCH_LATENCY_MS = 50;
const WARM_UP = 1;
const SAMPLES = 5;
/** Members the connection already has when each run starts: a small tenant mid-rollout. */
const EXISTING_MEMBERS = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withLatency(fetchLike: FetchLike): FetchLike {
  return async (...args: Parameters<FetchLike>) => {
    await sleep(STYTCH_LATENCY_MS);
    return fetchLike(...args);
  };
}

/** Real timers that note when a poll's timer fired, to split the wait from the poll itself. */
class NotingTimers implements WatchTimers {
  lastFiredAt = 0;

  setTimeout(callback: () => void, ms: number): unknown {
    return setTimeout(() => {
      this.lastFiredAt = performance.now();
      callback();
    }, ms);
  }

  clearTimeout(timer: unknown): void {
    clearTimeout(timer as ReturnType<typeof setTimeout>);
  }

  now(): Date {
    return new Date();
  }
}

/** An emit that resolves when a `watch:update` first lists `email`. */
function emitUntilShown(email: string): { emit: EmitEvent; shown: Promise<number> } {
  let resolveShown: (at: number) => void = () => undefined;
  const shown = new Promise<number>((resolve) => (resolveShown = resolve));
  const emit: EmitEvent = (event, payload) => {
    if (event !== 'watch:update') return;
    // EmitEvent is generic over the channel; TypeScript does not narrow the payload by the name.
    const snapshot = payload as WatchSnapshot;
    if (snapshot.members.some((member) => member.email === email)) resolveShown(performance.now());
  };
  return { emit, shown };
}

interface RunTimes {
  /** From the SCIM POST being sent to the snapshot listing the member being emitted. */
  totalMs: number;
  /** From the poll's timer firing to that snapshot: the watch's own part. */
  afterPollMs: number;
}

/**
 * One run: a fresh watch started through the dispatcher's `watch:start` (as step 7 starts it),
 * then, as soon as it answers (its first poll done, the next one 3 s away), a user POSTed to the
 * connection's SCIM endpoint; timed until `watch:update` carries the new member.
 */
async function oneRun(
  sandbox: RunningSandbox,
  connection: BenchConnection,
  run: number,
): Promise<RunTimes> {
  const timers = new NotingTimers();
  const watch = new ProvisioningWatch({
    listMembers: appListMembers(sandbox, withLatency(fetch)),
    logger: SILENT,
    timers,
  });
  const dispatch = createDispatcher(watchHandlers, { watch }, SILENT);
  const email = `latency-${run}@fabrikam.example`;
  const { emit, shown } = emitUntilShown(email);
  const started = await dispatch(
    'watch:start',
    { organizationId: connection.organizationId, connectionId: connection.connectionId },
    emit,
  );
  if (!started.ok) throw new Error(`watch:start failed: ${started.error.code}`);
  try {
    const begin = performance.now();
    await createScimUser(connection, email, randomUUID());
    const end = await shown;
    return { totalMs: end - begin, afterPollMs: end - timers.lastFiredAt };
  } finally {
    await dispatch('watch:stop', {}, emit);
  }
}

/**
 * `watch.latency_ms`: how long after Entra's SCIM POST creates a user the watch's published
 * snapshot shows the member, at the watch's real schedule, with 50 ms added to every Stytch
 * request. The user is created right after the watch starts, so the figure is the fastest phase's
 * worst case: nearly the whole 3 s interval waiting for the next poll, plus that poll (a members
 * search through the app's client, 50 ms + the stand-in) and the fold. A user arriving at a
 * random moment of that phase waits half the interval on average; once nothing has changed for a
 * while the interval doubles up to 60 s, and a user arriving then waits up to a minute.
 * The path ends at the dispatcher's `emit('watch:update', …)`, main's side of IPC: Electron's IPC
 * and the renderer's step 7 are not in the loop. `watch.latency_after_poll_ms` is the part after
 * the poll's timer fired: the watch's own cost on top of the wait.
 */
async function watchLatency(): Promise<Figure[]> {
  const sandbox = await startSandbox({ seed: [] });
  try {
    const connection = benchConnection(sandbox, 'Fabrikam');
    for (let i = 0; i < EXISTING_MEMBERS; i += 1)
      await createScimUser(connection, `existing-${i}@fabrikam.example`, randomUUID());
    const totals: number[] = [];
    const afterPoll: number[] = [];
    for (let run = 0; run < WARM_UP + SAMPLES; run += 1) {
      const times = await oneRun(sandbox, connection, run);
      if (run >= WARM_UP) {
        totals.push(times.totalMs);
        afterPoll.push(times.afterPollMs);
      }
    }
    return [
      { name: 'watch.latency_ms', value: median(totals), unit: 'ms' },
      { name: 'watch.latency_after_poll_ms', value: median(afterPoll), unit: 'ms' },
    ];
  } finally {
    await sandbox.stop();
  }
}

/** How soon the watch shows a member Entra created. */
export const WATCH_LATENCY_BENCHMARKS: readonly Benchmark[] = [
  { name: 'watch.latency', run: watchLatency },
];

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

/**
 * An emit that resolves `shown` when a `watch:update` first lists `email`; `nextUpdate()` resolves
 * at the next `watch:update`, whatever it lists.
 */
function emitUntilShown(email: string): {
  emit: EmitEvent;
  shown: Promise<number>;
  nextUpdate: () => Promise<void>;
} {
  let resolveShown: (at: number) => void = () => undefined;
  const shown = new Promise<number>((resolve) => (resolveShown = resolve));
  let updated: () => void = () => undefined;
  const emit: EmitEvent = (event, payload) => {
    if (event !== 'watch:update') return;
    updated();
    // EmitEvent is generic over the channel; TypeScript does not narrow the payload by the name.
    const snapshot = payload as WatchSnapshot;
    if (snapshot.members.some((member) => member.email === email)) resolveShown(performance.now());
  };
  const nextUpdate = () => new Promise<void>((resolve) => (updated = resolve));
  return { emit, shown, nextUpdate };
}

interface RunTimes {
  /** From the SCIM POST being sent to the snapshot listing the member being emitted. */
  totalMs: number;
  /** From the poll's timer firing to that snapshot: the watch's own part. */
  afterPollMs: number;
}

/**
 * One run: a fresh watch started through the dispatcher's `watch:start` (as step 7 starts it),
 * then a user POSTed to the connection's SCIM endpoint just after a look has read Stytch (the
 * worst moment: the whole pace to wait); timed until `watch:update` carries the new member.
 * `afterAction`: the write is made by an action the app started, so the watch is told as the
 * action begins and as it ends (what main/composition.ts does around those handlers), and the
 * write lands just after a look of the faster pace that follows.
 */
async function oneRun(
  sandbox: RunningSandbox,
  connection: BenchConnection,
  run: number,
  afterAction: boolean,
): Promise<RunTimes> {
  const timers = new NotingTimers();
  const watch = new ProvisioningWatch({
    listMembers: appListMembers(sandbox, withLatency(fetch)),
    logger: SILENT,
    timers,
  });
  const dispatch = createDispatcher(watchHandlers, { watch }, SILENT);
  const email = `latency-${afterAction ? 'action' : 'entra'}-${run}@fabrikam.example`;
  const { emit, shown, nextUpdate } = emitUntilShown(email);
  const started = await dispatch(
    'watch:start',
    { organizationId: connection.organizationId, connectionId: connection.connectionId },
    emit,
  );
  if (!started.ok) throw new Error(`watch:start failed: ${started.error.code}`);
  try {
    if (afterAction) {
      // The action begins (provision on demand sent to Graph, say); the watch speeds up.
      watch.expectChange(connection.organizationId);
      await nextUpdate();
    }
    const begin = performance.now();
    await createScimUser(connection, email, randomUUID());
    // The action's answer comes back once Entra has written.
    if (afterAction) watch.expectChange(connection.organizationId);
    const end = await shown;
    return { totalMs: end - begin, afterPollMs: end - timers.lastFiredAt };
  } finally {
    await dispatch('watch:stop', {}, emit);
  }
}

/**
 * `watch.latency_ms`: how long after Entra's SCIM POST creates a user the watch's published
 * snapshot shows the member, at the watch's real schedule, with 50 ms added to every Stytch
 * request. The user is created right after a look of the fastest phase (the first, as the watch
 * starts), so the figure is that phase's worst case: nearly the whole 1.5 s pace waiting for the
 * next look, plus that look (a members search through the app's client, 50 ms + the stand-in) and
 * the fold (goal ≤ 2 s). A user arriving at a random moment of that phase waits half the pace on
 * average; once nothing has changed for a while the pace doubles up to 60 s, and a user arriving
 * then waits up to a minute. `watch.latency_after_action_ms`: the same when the write comes from
 * an action the app started (goal ≤ 1 s). The path ends at the dispatcher's
 * `emit('watch:update', …)`, main's side of IPC: Electron's IPC and the renderer's step 7 are not
 * in the loop. `watch.latency_after_poll_ms` is the part after the poll's timer fired: the
 * watch's own cost on top of the wait.
 */
async function watchLatency(): Promise<Figure[]> {
  const sandbox = await startSandbox({ seed: [] });
  try {
    const connection = benchConnection(sandbox, 'Fabrikam');
    for (let i = 0; i < EXISTING_MEMBERS; i += 1)
      await createScimUser(connection, `existing-${i}@fabrikam.example`, randomUUID());
    const totals: number[] = [];
    const afterPoll: number[] = [];
    const afterAction: number[] = [];
    // Interleaved, so drift in machine load touches both cases alike.
    for (let run = 0; run < WARM_UP + SAMPLES; run += 1) {
      const times = await oneRun(sandbox, connection, run, false);
      const acted = await oneRun(sandbox, connection, run, true);
      if (run >= WARM_UP) {
        totals.push(times.totalMs);
        afterPoll.push(times.afterPollMs);
        afterAction.push(acted.totalMs);
      }
    }
    return [
      { name: 'watch.latency_ms', value: median(totals), unit: 'ms' },
      { name: 'watch.latency_after_action_ms', value: median(afterAction), unit: 'ms' },
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

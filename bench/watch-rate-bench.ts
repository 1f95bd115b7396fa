import { randomUUID } from 'node:crypto';

import type { WatchSnapshot } from '../shared/provisioning/watch';
import type { FetchLike } from '../main/http/create-http-client';
import { WATCH_POLICY } from '../main/provisioning-watch/poll-schedule';
import { ProvisioningWatch } from '../main/provisioning-watch/provisioning-watch';
import { startSandbox } from '../main/sandbox/sandbox';
import { RATE_LIMITS } from '../main/sandbox/stytch-stand-in/stytch-behaviour';
import type { RetryClock } from '../main/http/retry';
import type { Benchmark, Figure } from './figures';
import { VirtualTimers } from '../test/support/virtual-timers';
import {
  appListMembers,
  benchConnection,
  createScimUser,
  replacePatch,
  scimWrite,
  SILENT,
  type BenchConnection,
} from './watch-support';

/** The top of a minute, so the stand-in's fixed per-minute windows line up with the minutes. */
const START = Date.parse('2026-12-01T12:00:00Z');
const MINUTE = 60_000;
const DURATION = 10 * MINUTE;
const MEMBERS = 500;
const STYTCH_LIMIT = RATE_LIMITS['members.search'].requests;

/** One SCIM write Entra makes at a moment of the simulated ten minutes. */
interface Change {
  at: number;
  apply(): Promise<unknown>;
}

/** Changes every `everyMs` from `from` until before `to`, the i-th made by `make(i)`. */
function trickle(
  from: number,
  to: number,
  everyMs: number,
  make: (i: number) => () => Promise<unknown>,
): Change[] {
  const changes: Change[] = [];
  for (let at = from, i = 0; at < to; at += everyMs, i += 1)
    changes.push({ at: START + at, apply: make(i) });
  return changes;
}

/**
 * Ten minutes of Entra and the admin at work: the admin presses Start, a provisioning cycle
 * trickles in new users every 2 s (so the watch stays at its fastest), a quiet spell (so it backs
 * off to a minute), the admin provisions two users on demand, a burst of deactivations after an
 * unassign, some reactivations, a minute of renames every 2 s, then deletions. Each of the
 * admin's actions tells the watch as it begins and as it ends (`act`), as main/composition.ts
 * does. Answers the plan and the counts the watch must show at the end.
 */
function changePlan(connection: BenchConnection, ids: readonly string[], act: () => void) {
  const at = (minutes: number, seconds = 0) => minutes * MINUTE + seconds * 1000;
  const user = (i: number) => () =>
    createScimUser(connection, `arrival-${i}@contoso.example`, randomUUID());
  const active = (id: string, value: boolean) => () =>
    scimWrite(connection, 'PATCH', `/Users/${id}`, replacePatch('active', value));
  const rename = (i: number) => () =>
    scimWrite(
      connection,
      'PATCH',
      `/Users/${ids[100 + i]}`,
      replacePatch('name.formatted', `Renamed ${i}`),
    );
  const remove = (id: string) => () => scimWrite(connection, 'DELETE', `/Users/${id}`);
  const arrivals = trickle(at(0, 30), at(2, 30), 2_000, user);
  const told = () => {
    act();
    return Promise.resolve();
  };
  const action = (minutes: number, seconds: number): Change[] => [
    { at: START + at(minutes, seconds), apply: told },
    { at: START + at(minutes, seconds + 2), apply: told },
  ];
  const plan: Change[] = [
    ...action(0, 20),
    ...arrivals,
    ...action(4, 0),
    ...action(4, 10),
    ...action(5, 58),
    ...ids.slice(0, 20).map((id) => ({ at: START + at(6), apply: active(id, false) })),
    ...ids.slice(0, 5).map((id) => ({ at: START + at(7, 30), apply: active(id, true) })),
    ...trickle(at(8), at(9), 2_000, rename),
    ...ids.slice(200, 203).map((id) => ({ at: START + at(9, 30), apply: remove(id) })),
  ];
  return { plan, expectTotal: MEMBERS + arrivals.length, expectDeactivated: 20 - 5 + 3 };
}

/** The most requests in any 60 s: each window starts at a poll (where a maximum window can). */
function maxInAnyMinute(requests: ReadonlyArray<{ at: number; count: number }>): number {
  let max = 0;
  for (const first of requests) {
    const inWindow = requests.filter((r) => r.at >= first.at && r.at < first.at + MINUTE);
    max = Math.max(
      max,
      inWindow.reduce((sum, r) => sum + r.count, 0),
    );
  }
  return max;
}

/** Creates the organization's members through SCIM, a few at a time. */
async function populate(connection: BenchConnection): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < MEMBERS; i += 25) {
    const batch = Array.from({ length: 25 }, (_, j) =>
      createScimUser(connection, `member-${i + j}@contoso.example`, randomUUID()),
    );
    ids.push(...(await Promise.all(batch)));
  }
  return ids;
}

/**
 * Members-search requests the stand-in receives from the watch over ten simulated minutes (500
 * members in the org, Entra and the admin making changes), on a virtual clock shared by the watch
 * and the stand-in: `watch.requests_per_minute_avg` over the ten (goal ≤ 30) and
 * `watch.requests_per_minute_max` in the busiest minute (never above the watch's share of
 * Stytch's 100, WATCH_POLICY.burstPerMinute). Throws when either goal is missed. A retry would
 * wait on the retry clock; here waits are skipped (virtual time stands still during a poll), so a
 * refused request would be repeated within the same minute and counted, and any 429 at all fails
 * the bench.
 */
async function watchRequestsPerMinute(): Promise<Figure[]> {
  const timers = new VirtualTimers(START);
  const sandbox = await startSandbox({ seed: [], now: () => timers.now() });
  try {
    const connection = benchConnection(sandbox, 'Contoso');
    const ids = await populate(connection);
    let watch: ProvisioningWatch | null = null;
    const act = () => watch?.expectChange(connection.organizationId);
    const { plan, expectTotal, expectDeactivated } = changePlan(connection, ids, act);
    let refused = 0;
    const counting: FetchLike = async (...args: Parameters<FetchLike>) => {
      const response = await fetch(...args);
      if (response.status === 429) refused += 1;
      return response;
    };
    const noWait: RetryClock = {
      sleep: () => Promise.resolve(),
      now: Date.now,
      random: Math.random,
    };
    let published: (snapshot: WatchSnapshot) => void = () => undefined;
    watch = new ProvisioningWatch({
      listMembers: appListMembers(sandbox, counting, noWait),
      logger: SILENT,
      timers,
    });
    const requests: Array<{ at: number; count: number }> = [];
    let counted = sandbox.http.requestCount('members.search');
    const note = () => {
      const count = sandbox.http.requestCount('members.search');
      requests.push({ at: timers.nowMs(), count: count - counted });
      counted = count;
    };
    const target = {
      organizationId: connection.organizationId,
      connectionId: connection.connectionId,
    };
    let last = await watch.start(target, (snapshot) => published(snapshot));
    note();
    const pending = [...plan].sort((a, b) => a.at - b.at);
    for (;;) {
      const due = timers.nextDue();
      if (due === null) throw new Error('the watch stopped scheduling polls');
      const change = pending[0];
      if (change && change.at <= due) {
        timers.advanceTo(change.at);
        await change.apply();
        pending.shift();
        continue;
      }
      if (due >= START + DURATION) break;
      const polled = new Promise<WatchSnapshot>((resolve) => (published = resolve));
      timers.fireNext();
      last = await polled;
      // The poll publishes just before it settles; the next timer must not find it still running.
      await new Promise((settled) => setImmediate(settled));
      note();
    }
    watch.stop();
    if (pending.length > 0) throw new Error(`${pending.length} planned changes were not made`);
    if (last.failure) throw new Error(`the last poll failed: ${last.failure.code}`);
    if (last.counts.total !== expectTotal || last.counts.deactivated !== expectDeactivated)
      throw new Error(`the watch ended with ${JSON.stringify(last.counts)}, not what Entra did`);
    const perMinute = maxInAnyMinute(requests);
    const total = requests.reduce((sum, r) => sum + r.count, 0);
    const average = total / (DURATION / MINUTE);
    const budget = Math.min(STYTCH_LIMIT, WATCH_POLICY.burstPerMinute);
    if (refused > 0) throw new Error(`the stand-in refused ${refused} members searches (429)`);
    if (perMinute > budget)
      throw new Error(`${perMinute} members searches in a minute, over the watch's ${budget}`);
    if (average > WATCH_POLICY.requestsPerMinute)
      throw new Error(`${average} members searches a minute on average, over 30`);
    return [
      { name: 'watch.requests_per_minute_avg', value: average, unit: 'requests/min' },
      { name: 'watch.requests_per_minute_max', value: perMinute, unit: 'requests/min' },
      { name: 'watch.requests_per_ten_minutes', value: total, unit: 'requests' },
    ];
  } finally {
    await sandbox.stop();
  }
}

/** How hard the watch leans on Stytch's members-search rate limit. */
export const WATCH_RATE_BENCHMARKS: readonly Benchmark[] = [
  { name: 'watch.requests', run: watchRequestsPerMinute },
];

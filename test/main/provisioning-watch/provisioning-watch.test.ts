import { describe, expect, it } from 'vitest';

import { appFailure } from '../../../shared/errors';
import { WatchSnapshotSchema, type WatchSnapshot } from '../../../shared/provisioning/watch';
import { createLogger } from '../../../main/logging/logger';
import type { StytchMemberLike } from '../../../main/provisioning-watch/member-changes';
import { nextDelayMs, WATCH_POLICY } from '../../../main/provisioning-watch/poll-schedule';
import { ProvisioningWatch } from '../../../main/provisioning-watch/provisioning-watch';
import { VirtualTimers } from '../../support/virtual-timers';

const TARGET = { organizationId: 'organization-test-1', connectionId: 'scim-connection-test-1' };

function member(id: string, overrides: Partial<StytchMemberLike> = {}): StytchMemberLike {
  return {
    member_id: `member-test-${id}`,
    email_address: `${id}@contoso.com`,
    name: id,
    status: 'active',
    scim_registration: {
      connection_id: TARGET.connectionId,
      external_id: `object-${id}`,
      scim_attributes: { groups: [{ value: 'g1', display: 'Sales' }] },
    },
    roles: [{ role_id: 'stytch_member' }],
    ...overrides,
  };
}

/** The shared hand-moved clock, plus a step that lets the poll a timer started finish. */
class ManualTimers extends VirtualTimers {
  constructor() {
    super(Date.parse('2026-12-01T12:00:00Z'));
  }

  /** Runs the next timer (moving the clock to it) and lets its poll finish. */
  async fire(): Promise<void> {
    this.fireNext();
    await new Promise((done) => setImmediate(done));
  }
}

function setUp(polls: Array<StytchMemberLike[] | Error>) {
  const timers = new ManualTimers();
  const published: WatchSnapshot[] = [];
  let calls = 0;
  const lookedAt: number[] = [];
  const watch = new ProvisioningWatch({
    timers,
    logger: createLogger(() => undefined),
    listMembers: () => {
      const next = polls[Math.min(calls, polls.length - 1)];
      calls += 1;
      lookedAt.push(timers.nowMs());
      if (next instanceof Error) return Promise.reject(next);
      return Promise.resolve({ members: next ?? [], pages: 1 });
    },
  });
  return {
    watch,
    timers,
    published,
    calls: () => calls,
    /** When each look asked Stytch, in virtual ms. */
    lookedAt,
    publish: (s: WatchSnapshot) => published.push(s),
  };
}

/** The most looks that started within any 60 s. */
function mostInAMinute(times: readonly number[]): number {
  return Math.max(
    ...times.map((from) => times.filter((t) => t >= from && t < from + 60_000).length),
  );
}

describe('ProvisioningWatch', () => {
  it('shows who is there on the first look, without calling them arrivals', async () => {
    const { watch, publish } = setUp([[member('alice')]]);
    const first = await watch.start(TARGET, publish);
    expect(WatchSnapshotSchema.parse(first)).toEqual(first);
    expect(first.state).toBe('watching');
    expect(first.members.map((m) => m.email)).toEqual(['alice@contoso.com']);
    expect(first.members[0]).toMatchObject({
      status: 'active',
      externalId: 'object-alice',
      groups: ['Sales'],
      groupIds: ['g1'],
      roles: ['stytch_member'],
    });
    expect(first.timeline).toEqual([]);
  });

  it('records arrivals, deactivations and reactivations with when they were seen', async () => {
    const { watch, timers, published, publish } = setUp([
      [],
      [member('alice')],
      [member('alice'), member('bob')],
      [member('alice'), member('bob', { status: 'deleted', roles: [] })],
      [member('alice'), member('bob')],
    ]);
    await watch.start(TARGET, publish);
    for (let i = 0; i < 4; i += 1) await timers.fire();
    const last = published.at(-1);
    expect(last?.timeline.map((c) => `${c.kind} ${c.email}`)).toEqual([
      'reactivated bob@contoso.com',
      'deactivated bob@contoso.com',
      'arrived bob@contoso.com',
      'arrived alice@contoso.com',
    ]);
    expect(last?.counts).toEqual({ active: 2, deactivated: 0, total: 2 });
    expect(published[3]?.counts).toEqual({ active: 1, deactivated: 1, total: 2 });
    expect(published[3]?.members.find((m) => m.name === 'bob')?.status).toBe('deactivated');
  });

  it('keeps a status Stytch adds later as its text: a change, not a deprovisioning', async () => {
    const { watch, timers, published, publish } = setUp([
      [member('alice')],
      [member('alice', { status: 'suspended' })],
    ]);
    await watch.start(TARGET, publish);
    await timers.fire();
    const last = published.at(-1);
    expect(last?.members[0]?.status).toBe('suspended');
    expect(last?.timeline[0]?.kind).toBe('changed');
    expect(last?.counts).toEqual({ active: 0, deactivated: 0, total: 1 });
    expect(() => WatchSnapshotSchema.parse(last)).not.toThrow();
  });

  it('slows down while nothing changes and speeds up again after a change', async () => {
    const { watch, timers, publish } = setUp([[], [], [], [], [member('alice')]]);
    await watch.start(TARGET, publish);
    for (let i = 0; i < 4; i += 1) await timers.fire();
    const fastest = WATCH_POLICY.fastestMs;
    expect(timers.delays).toEqual([fastest, 2 * fastest, 4 * fastest, 8 * fastest, fastest]);
  });

  it('keeps watching through a failed look, showing the failure until a look succeeds', async () => {
    const failure = appFailure('STYTCH_RATE_LIMITED', 'Too many requests.', 'Wait a minute.');
    const { watch, timers, published, publish } = setUp([[], failure, [member('alice')]]);
    await watch.start(TARGET, publish);
    await timers.fire();
    expect(published.at(-1)?.failure?.code).toBe('STYTCH_RATE_LIMITED');
    await timers.fire();
    expect(published.at(-1)?.failure).toBeNull();
    expect(published.at(-1)?.timeline[0]?.kind).toBe('arrived');
  });

  it('stops polling when stopped, and keeps the timeline when the same connection is watched again', async () => {
    const { watch, timers, publish, calls } = setUp([[], [member('alice')], [member('alice')]]);
    await watch.start(TARGET, publish);
    await timers.fire();
    expect(watch.stop().state).toBe('stopped');
    expect(timers.pending()).toBe(0);
    const before = calls();
    const again = await watch.start(TARGET, publish);
    expect(calls()).toBe(before + 1);
    expect(again.timeline.map((c) => c.kind)).toEqual(['arrived']);
    const other = await watch.start({ ...TARGET, connectionId: 'scim-connection-test-2' }, publish);
    expect(other.timeline).toEqual([]);
  });

  it('looks at once when asked, without running two looks at the same time', async () => {
    const { watch, timers, publish, calls } = setUp([[], [member('alice')]]);
    await watch.start(TARGET, publish);
    const [a, b] = await Promise.all([watch.refresh(), watch.refresh()]);
    expect(calls()).toBe(2);
    expect(a.members).toHaveLength(1);
    expect(b.members).toHaveLength(1);
    expect(timers.pending()).toBe(1);
  });

  it('keeps to its share of the rate limit however often Refresh is pressed', async () => {
    const { watch, timers, publish, calls } = setUp([[], [member('alice')]]);
    await watch.start(TARGET, publish);
    for (let i = 0; i < 80; i += 1) await watch.refresh();
    expect(calls()).toBe(WATCH_POLICY.burstPerMinute);
    expect(timers.pending()).toBe(1);
    await timers.fire();
    expect(calls()).toBe(WATCH_POLICY.burstPerMinute + 1);
    expect(watch.snapshot().members).toHaveLength(1);
  });
});

describe('ProvisioningWatch: how soon it shows a change', () => {
  it('looks again within 1.5 s after a change, so a member Entra writes then shows within 2 s', async () => {
    const { watch, timers, publish } = setUp([
      [],
      [member('alice')],
      [member('alice'), member('bob')],
      [member('alice'), member('bob'), member('carol')],
    ]);
    await watch.start(TARGET, publish);
    for (let i = 0; i < 3; i += 1) await timers.fire();
    expect(timers.delays.every((delay) => delay <= 1_500)).toBe(true);
  });

  it('looks every 750 ms for 15 s after an action the app started, then slows down again', async () => {
    const { watch, timers, publish, lookedAt } = setUp([[]]);
    await watch.start(TARGET, publish);
    for (let i = 0; i < 4; i += 1) await timers.fire();
    const actedAt = timers.nowMs() + 5_000;
    timers.advanceTo(actedAt);
    watch.expectChange(TARGET.organizationId);
    const before = lookedAt.length;
    while (timers.nowMs() < actedAt + 15_000) await timers.fire();
    const soon = [actedAt, ...lookedAt.slice(before)];
    const gaps = soon.slice(1).map((at, i) => at - soon[i]!);
    expect(gaps.length).toBeGreaterThanOrEqual(15_000 / 750);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(750);
    for (let i = 0; i < 3; i += 1) await timers.fire();
    expect(timers.delays.at(-1)).toBeGreaterThan(1_500);
  });

  it('pays no heed to an action in another organization', async () => {
    const { watch, timers, publish } = setUp([[]]);
    await watch.start(TARGET, publish);
    await timers.fire();
    const due = timers.nextDue();
    watch.expectChange('organization-test-2');
    expect(timers.nextDue()).toBe(due);
    expect(timers.pending()).toBe(1);
  });

  it('keeps to 30 looks a minute on average and its burst share in any minute, however busy Entra and the admin are', async () => {
    // A change at every look for half an hour (Entra renaming someone), and an action every 20 s.
    let looks = 0;
    const timers = new ManualTimers();
    const lookedAt: number[] = [];
    const watch = new ProvisioningWatch({
      timers,
      logger: createLogger(() => undefined),
      listMembers: () => {
        lookedAt.push(timers.nowMs());
        looks += 1;
        return Promise.resolve({
          members: [member('alice', { name: `Alice ${looks}` })],
          pages: 1,
        });
      },
    });
    const begin = timers.nowMs();
    await watch.start(TARGET, () => undefined);
    let nextAction = begin + 20_000;
    while (timers.nowMs() < begin + 30 * 60_000) {
      if ((timers.nextDue() ?? Infinity) > nextAction) {
        timers.advanceTo(nextAction);
        watch.expectChange(TARGET.organizationId);
        nextAction += 20_000;
        continue;
      }
      await timers.fire();
    }
    expect(mostInAMinute(lookedAt)).toBeLessThanOrEqual(WATCH_POLICY.burstPerMinute);
    const minutes = 30;
    expect(lookedAt.length).toBeLessThanOrEqual(
      WATCH_POLICY.requestsPerMinute * minutes + WATCH_POLICY.creditRequests,
    );
    // Busy as it is, the watch is not starved either: it uses what it may.
    expect(lookedAt.length).toBeGreaterThanOrEqual(WATCH_POLICY.requestsPerMinute * minutes);
  });
});

describe('nextDelayMs()', () => {
  it('never asks for a steady pace above the watch’s share of Stytch’s search rate limit', () => {
    for (const pages of [1, 2, 5, 20]) {
      const delay = nextDelayMs(null, true, pages);
      expect((pages * 60_000) / delay).toBeLessThanOrEqual(WATCH_POLICY.burstPerMinute);
    }
    expect(nextDelayMs(60_000, false, 1)).toBe(WATCH_POLICY.slowestMs);
  });
});

import { AppFailure, type AppError } from '../../shared/errors';
import type { WatchedMember, WatchSnapshot } from '../../shared/provisioning/watch';
import type { Logger } from '../logging/logger';
import { foldMembers, withChanges, type StytchMemberLike } from './member-changes';
import {
  fullCredit,
  nextDelayMs,
  spend,
  waitForBudgetMs,
  WATCH_POLICY,
  type RateCredit,
} from './poll-schedule';

/** Which connection to watch. */
export interface WatchTarget {
  organizationId: string;
  connectionId: string;
}

/** One look at Stytch: this connection's members (deleted ones included) and the requests used. */
export type ListConnectionMembers = (
  target: WatchTarget,
) => Promise<{ members: StytchMemberLike[]; pages: number }>;

/** Timers, injected so tests drive the clock. */
export interface WatchTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
  now(): Date;
}

const NODE_TIMERS: WatchTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  now: () => new Date(),
};

interface Watching {
  target: WatchTarget;
  members: Map<string, WatchedMember>;
  timeline: WatchSnapshot['timeline'];
  polls: number;
  lastPolledAt: string | null;
  /** The pace the schedule last chose (doubled while nothing changes). */
  delayMs: number | null;
  failure: AppError | null;
  timer: unknown;
  /** When the pending timer fires (ms), or null when none is pending. */
  dueAt: number | null;
  /** Until when (ms) the watch expects a change an action of the app's own is making. */
  expectingUntil: number;
  /** Each start makes a new run; a poll of an older run lands nowhere. */
  run: number;
  /** The poll under way, so a refresh during a poll waits for it instead of racing it. */
  inFlight: Promise<void> | null;
  /** The looks of the last minute (start time in ms, searches used), for the burst share. */
  looks: Array<{ at: number; pages: number }>;
  /** What is left of the credit ahead of the average share. */
  credit: RateCredit;
  publish: (snapshot: WatchSnapshot) => void;
}

const INTERNAL: AppError = {
  code: 'INTERNAL_ERROR',
  message: 'The watch could not read the members.',
  hint: 'It tries again shortly.',
};

/**
 * Watches one SCIM connection's members in Stytch while the admin has step 7 open: polls on a
 * schedule that slows down when nothing changes and stays within Stytch's rate limit, folds each
 * poll into members, counts and a timeline, and publishes a snapshot after each poll. One watch
 * at a time; polling never blocks other calls (it runs between them, on its own timer).
 */
export class ProvisioningWatch {
  private current: Watching | null = null;
  private runs = 0;
  private readonly timers: WatchTimers;

  constructor(
    private readonly deps: {
      listMembers: ListConnectionMembers;
      logger: Logger;
      timers?: WatchTimers;
    },
  ) {
    this.timers = deps.timers ?? NODE_TIMERS;
  }

  /**
   * Starts (or restarts) watching and answers after the first poll. Watching the same connection
   * again keeps what was seen (the timeline survives a hidden window).
   */
  async start(
    target: WatchTarget,
    publish: (snapshot: WatchSnapshot) => void,
  ): Promise<WatchSnapshot> {
    const same =
      this.current?.target.organizationId === target.organizationId &&
      this.current.target.connectionId === target.connectionId;
    const kept = same ? this.current : null;
    this.stop();
    this.runs += 1;
    const now = this.nowMs();
    this.current = {
      target,
      members: kept?.members ?? new Map<string, WatchedMember>(),
      timeline: kept?.timeline ?? [],
      polls: kept?.polls ?? 0,
      lastPolledAt: kept?.lastPolledAt ?? null,
      delayMs: null,
      failure: null,
      timer: null,
      dueAt: null,
      expectingUntil: kept?.expectingUntil ?? 0,
      run: this.runs,
      inFlight: null,
      looks: kept?.looks ?? [],
      credit: kept?.credit ?? fullCredit(now),
      publish,
    };
    await this.poll(this.current);
    return this.snapshot();
  }

  /** Looks now (the admin asked), then carries on at the fastest pace. */
  async refresh(): Promise<WatchSnapshot> {
    const watching = this.current;
    if (watching) {
      this.timers.clearTimeout(watching.timer);
      watching.dueAt = null;
      watching.delayMs = null;
      await this.poll(watching);
    }
    return this.snapshot();
  }

  /**
   * An action of the app's own (provision on demand, unassign, Start, a rehearsal step) is about
   * to change, or has just changed, this organization's members in Stytch: for a short while the
   * watch looks every `expectingMs` (its first look then at most that long after the last), so
   * what the action did shows within a second. Still within the watch's share of the rate limit.
   * An action in another organization, or no watch running, changes nothing.
   */
  expectChange(organizationId: string): void {
    const watching = this.current;
    if (!watching || watching.run < 0 || watching.target.organizationId !== organizationId) return;
    const now = this.nowMs();
    watching.expectingUntil = now + WATCH_POLICY.expectingForMs;
    // A look under way schedules the next one at the expecting pace when it ends.
    if (watching.inFlight) return;
    const lastLook = watching.looks.at(-1)?.at;
    const soonest =
      lastLook === undefined ? now : Math.max(now, lastLook + WATCH_POLICY.expectingMs);
    if (watching.dueAt !== null && watching.dueAt <= soonest) return;
    this.schedule(watching, soonest - now);
  }
  /** Runs an action of the app's own that changes the organization's members, expecting the change as it begins and as it ends (even when it fails: it may have changed members first). */
  async around<T>(organizationId: string, action: () => Promise<T>): Promise<T> {
    this.expectChange(organizationId);
    try {
      return await action();
    } finally {
      this.expectChange(organizationId);
    }
  }

  /** Stops polling (window hidden, step left); what was seen is kept for a restart. */
  stop(): WatchSnapshot {
    if (this.current) {
      this.timers.clearTimeout(this.current.timer);
      this.current.timer = null;
      this.current.dueAt = null;
      this.current.run = -1;
    }
    return this.snapshot();
  }

  /** What the watch knows now. */
  snapshot(): WatchSnapshot {
    const watching = this.current;
    const members = [...(watching?.members.values() ?? [])].sort((a, b) =>
      a.email.localeCompare(b.email),
    );
    const count = (status: WatchedMember['status']) =>
      members.filter((m) => m.status === status).length;
    return {
      organizationId: watching?.target.organizationId ?? '',
      connectionId: watching?.target.connectionId ?? '',
      state: watching && watching.run > 0 ? 'watching' : 'stopped',
      members,
      counts: { active: count('active'), deactivated: count('deactivated'), total: members.length },
      timeline: watching?.timeline ?? [],
      lastPolledAt: watching?.lastPolledAt ?? null,
      nextPollInMs:
        watching && watching.run > 0 && watching.dueAt !== null
          ? Math.max(0, watching.dueAt - this.nowMs())
          : null,
      failure: watching?.failure ?? null,
    };
  }

  /**
   * Looks at Stytch now, unless a look is under way (then waits for it) or the last one was so
   * recent that another would exceed the watch's share of the rate limit (then the next look is
   * scheduled for when it is allowed): Refresh pressed repeatedly, or a window shown and hidden
   * again and again, cannot drive the watch past its budget.
   */
  private poll(watching: Watching): Promise<void> {
    if (watching.inFlight) return watching.inFlight;
    const wait = waitForBudgetMs(watching.looks, watching.credit, this.nowMs());
    if (wait > 0) {
      watching.delayMs = wait;
      this.schedule(watching, wait);
      return Promise.resolve();
    }
    watching.inFlight = this.pollOnce(watching);
    return watching.inFlight;
  }

  /**
   * One look: fold it in, schedule the next, publish. The pace counts from this look's start,
   * not its end, so a slow Stytch does not stretch the time a change waits to be seen.
   */
  private async pollOnce(watching: Watching): Promise<void> {
    const run = watching.run;
    this.timers.clearTimeout(watching.timer);
    watching.dueAt = null;
    const look = { at: this.nowMs(), pages: 1 };
    watching.looks.push(look);
    watching.credit = spend(watching.credit, 1, look.at);
    const outcome = await this.look(watching);
    look.pages = outcome.pages;
    const now = this.nowMs();
    if (outcome.pages > 1) watching.credit = spend(watching.credit, outcome.pages - 1, now);
    watching.inFlight = null;
    if (watching.run !== run) return;
    watching.polls += 1;
    const expecting = now < watching.expectingUntil;
    watching.delayMs = nextDelayMs(watching.delayMs, outcome.changed, outcome.pages, expecting);
    this.schedule(watching, Math.max(0, watching.delayMs - (now - look.at)));
    watching.publish(this.snapshot());
  }

  /** Replaces the pending look (if any) with one `ms` from now. */
  private schedule(watching: Watching, ms: number): void {
    const run = watching.run;
    this.timers.clearTimeout(watching.timer);
    watching.dueAt = this.nowMs() + ms;
    watching.timer = this.timers.setTimeout(() => void this.tick(watching, run), ms);
  }

  private nowMs(): number {
    return this.timers.now().getTime();
  }

  private async look(watching: Watching): Promise<{ changed: boolean; pages: number }> {
    try {
      const polled = await this.deps.listMembers(watching.target);
      const at = this.timers.now().toISOString();
      const folded = foldMembers(watching.members, polled.members, at, watching.polls === 0);
      watching.members = folded.members;
      watching.timeline = withChanges(watching.timeline, folded.changes);
      watching.lastPolledAt = at;
      watching.failure = null;
      return { changed: folded.changes.length > 0, pages: polled.pages };
    } catch (error) {
      watching.failure = error instanceof AppFailure ? error.appError : INTERNAL;
      this.deps.logger.warn('watch.poll-failed', { code: watching.failure.code });
      return { changed: false, pages: 1 };
    }
  }

  private async tick(watching: Watching, run: number): Promise<void> {
    if (watching.run !== run || this.current !== watching) return;
    watching.timer = null;
    watching.dueAt = null;
    await this.poll(watching);
  }
}

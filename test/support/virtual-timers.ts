import type { WatchTimers } from '../../main/provisioning-watch/provisioning-watch';

/**
 * A clock and a timer queue moved by hand, for the watch's tests and benchmarks: the watch's
 * timers and the stand-in's clock (its rate-limit windows) can read the same virtual time, so ten
 * minutes of polling run in seconds. Time stands still while a poll's real HTTP round trip runs.
 */
export class VirtualTimers implements WatchTimers {
  private queue: Array<{ at: number; callback: () => void; id: number }> = [];
  private ids = 0;

  constructor(private time: number) {}

  /** Every delay asked for, in order. */
  readonly delays: number[] = [];

  setTimeout(callback: () => void, ms: number): unknown {
    this.delays.push(ms);
    this.ids += 1;
    this.queue.push({ at: this.time + ms, callback, id: this.ids });
    return this.ids;
  }

  clearTimeout(timer: unknown): void {
    this.queue = this.queue.filter((entry) => entry.id !== timer);
  }

  now(): Date {
    return new Date(this.time);
  }

  /** Virtual milliseconds since the epoch. */
  nowMs(): number {
    return this.time;
  }

  /** How many timers are pending. */
  pending(): number {
    return this.queue.length;
  }

  /** When the next timer is due, or null when none is pending. */
  nextDue(): number | null {
    return this.queue.reduce<number | null>(
      (min, e) => (min === null || e.at < min ? e.at : min),
      null,
    );
  }

  /** Moves the clock forward (never past a pending timer, so none is skipped). */
  advanceTo(at: number): void {
    const due = this.nextDue();
    if (at < this.time || (due !== null && at > due))
      throw new Error('the virtual clock may only move forward to the next timer');
    this.time = at;
  }

  /** Moves the clock to the next timer and runs it. */
  fireNext(): void {
    const next = [...this.queue].sort((a, b) => a.at - b.at)[0];
    if (!next) throw new Error('no timer pending');
    this.queue = this.queue.filter((entry) => entry !== next);
    this.time = next.at;
    next.callback();
  }
}

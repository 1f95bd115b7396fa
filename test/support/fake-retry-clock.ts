import type { RetryClock } from '../../main/http/retry';

/** A fixed instant, so a test's times (and a stand-in's rate-limit windows) read the same each run. */
const START = Date.parse('2026-03-01T10:00:00Z');

/**
 * The one RetryClock double: virtual time that moves only when someone sleeps, so every wait a
 * retry, a rate limiter or a replication wait asks for returns at once, is recorded in `sleeps` and
 * can be asserted exactly. `random` answers 0.5, so jitter is fixed. A test may set `at` to jump
 * (past a rate-limit window, say); a stand-in built with `now: () => new Date(clock.now())` reads
 * the same time.
 */
export class FakeRetryClock implements RetryClock {
  readonly sleeps: number[] = [];

  constructor(public at: number = START) {}

  sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.at += ms;
    return Promise.resolve();
  };

  now = (): number => this.at;

  random = (): number => 0.5;
}

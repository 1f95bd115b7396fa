import type { RetryClock } from '../http/retry';

/** provisionOnDemand's documented cap: 5 requests per 10 seconds (reference §2, [G-pod]). */
export const ON_DEMAND_LIMIT = { requests: 5, windowMs: 10_000 } as const;

/**
 * A client-side sliding-window limiter: `acquire` resolves when one more request fits in the
 * window, waiting on the injected clock otherwise, so the app never earns Graph's 429 for a cap it
 * knows in advance. Waiters are served in order.
 */
export class SlidingWindowLimiter {
  private readonly sent: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: Pick<RetryClock, 'now' | 'sleep'>,
    private readonly limit: { requests: number; windowMs: number } = ON_DEMAND_LIMIT,
  ) {}

  /** Waits for a slot and takes it. */
  acquire(): Promise<void> {
    const next = this.queue.then(() => this.take());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.limit.windowMs)
        this.sent.shift();
      if (this.sent.length < this.limit.requests) {
        this.sent.push(now);
        return;
      }
      await this.clock.sleep((this.sent[0] ?? now) + this.limit.windowMs - now);
    }
  }
}

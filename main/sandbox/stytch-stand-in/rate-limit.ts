import type { StytchOperation } from '../../stytch/operations';

/** At most `requests` per window of `windowMs`. */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

/**
 * Stytch's request limits, per operation of the stand-in's one project. Windows are fixed, not
 * rolling: they start at multiples of `windowMs` since the epoch, so a per-minute window starts at
 * the top of the minute (reference stytch-members-scim.md §6, [DOCS-rl]).
 */
export class RateLimiter {
  private readonly windows = new Map<StytchOperation, { start: number; count: number }>();

  constructor(
    private readonly limits: Partial<Record<StytchOperation, RateLimit>>,
    private readonly now: () => number,
  ) {}

  /** Counts a request; answers null when it may go on, or the seconds until its window ends. */
  take(operation: StytchOperation): number | null {
    const limit = this.limits[operation];
    if (!limit) return null;
    const now = this.now();
    const start = now - (now % limit.windowMs);
    const window = this.windows.get(operation);
    const current = window?.start === start ? window : { start, count: 0 };
    this.windows.set(operation, current);
    if (current.count < limit.requests) {
      current.count += 1;
      return null;
    }
    return Math.max(1, Math.ceil((start + limit.windowMs - now) / 1000));
  }
}

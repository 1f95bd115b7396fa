import { SlidingWindowLimiter } from '../graph/rate-limiter';
import type { RetryClock } from '../http/retry';
import { FLEET_POLICY } from './fleet-policy';

/**
 * The request budget of a refresh or sweep: Stytch's documented search limit, and a per-host
 * ceiling for everything Stytch gives no figure for (fleet-policy.ts). One per run of the app,
 * so a refresh and a sweep running together share it.
 */
export class RequestBudget {
  private readonly hosts = new Map<string, SlidingWindowLimiter>();
  private readonly search: SlidingWindowLimiter;

  constructor(
    private readonly clock: Pick<RetryClock, 'now' | 'sleep'>,
    private readonly perHostPerSecond: number = FLEET_POLICY.perHostPerSecond,
    searchPerMinute: number = FLEET_POLICY.searchPerMinute,
  ) {
    this.search = new SlidingWindowLimiter(clock, { requests: searchPerMinute, windowMs: 60_000 });
  }

  /** Waits until one more Search Organizations request fits. */
  searchSlot(): Promise<void> {
    return this.search.acquire();
  }

  /** Waits until one more request to `host` fits. */
  hostSlot(host: string): Promise<void> {
    let limiter = this.hosts.get(host);
    if (!limiter) {
      limiter = new SlidingWindowLimiter(this.clock, {
        requests: this.perHostPerSecond,
        windowMs: 1_000,
      });
      this.hosts.set(host, limiter);
    }
    return limiter.acquire();
  }
}

/** The host of a URL, or the text itself when it is not one (so it still gets a budget). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

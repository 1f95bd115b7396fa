/**
 * When and how long to wait before trying an idempotent Stytch call again. Time is injected
 * (sleep, clock, randomness) so tests run the whole schedule in milliseconds.
 */

/** The bounds of one call's retries. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The first backoff; each later one doubles, up to {@link maxDelayMs}. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts (and no wait is begun) that would end later than this after the first attempt. */
  maxTotalMs: number;
}

/** Time, injected. */
export interface RetryClock {
  sleep(ms: number): Promise<void>;
  now(): number;
  /** A number in [0, 1), for jitter. */
  random(): number;
}

/** The app's defaults: four attempts within half a minute. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 400,
  maxDelayMs: 8_000,
  maxTotalMs: 30_000,
};

/** Real time. */
export const SYSTEM_CLOCK: RetryClock = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  random: () => Math.random(),
};

/** HTTP statuses an idempotent call retries: rate limiting and the gateway family. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * Parses `Retry-After` (seconds, or an HTTP date) into seconds from now; undefined when absent
 * or unreadable.
 */
export function parseRetryAfter(header: unknown, nowMs: number): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/**
 * The wait before attempt `attempt + 1` ("full jitter" between half and all of the exponential
 * step), or the server's `Retry-After` when it asked for longer.
 */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number,
  retryAfterSeconds?: number,
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(step / 2 + (random() * step) / 2);
  const asked = retryAfterSeconds === undefined ? 0 : retryAfterSeconds * 1000;
  return Math.max(jittered, asked);
}

/** Whether another attempt fits the policy after `attempt` attempts, waiting `delayMs` first. */
export function mayRetry(
  policy: RetryPolicy,
  attempt: number,
  elapsedMs: number,
  delayMs: number,
): boolean {
  return attempt < policy.maxAttempts && elapsedMs + delayMs <= policy.maxTotalMs;
}

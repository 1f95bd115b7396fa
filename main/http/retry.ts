/**
 * When and how long to wait before trying an idempotent HTTP call again (Stytch, Graph). Time is injected
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

/**
 * How patient the app is with each remote, side by side so the bounds can be compared (one row
 * a policy, fields as in {@link RetryPolicy}).
 */
export const RETRY_POLICIES = {
  /** Stytch: four attempts within half a minute. */
  stytch: { maxAttempts: 4, baseDelayMs: 400, maxDelayMs: 8_000, maxTotalMs: 30_000 },
  /** Graph's throttling guidance: honour Retry-After, back off exponentially without it. */
  graph: { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000, maxTotalMs: 120_000 },
  /**
   * Graph, an object not yet replicated: Microsoft suggests polling every 5–10 s until a new app
   * is readable (reference §1, [G-saml]); the two-minute bound is our choice (reference: "[the
   * timeout figure is our choice]").
   */
  replication: { maxAttempts: 12, baseDelayMs: 2_000, maxDelayMs: 10_000, maxTotalMs: 120_000 },
} as const satisfies Record<string, RetryPolicy>;

/** Real time. */
export const SYSTEM_CLOCK: RetryClock = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  random: () => Math.random(),
};

/** HTTP statuses an idempotent call retries: rate limiting and the gateway family. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * The longest wait a `Retry-After` may ask for: an hour. A larger (or absurd) value is clamped
 * to it; the retry policy's own total bound then decides whether to wait at all.
 */
export const MAX_RETRY_AFTER_SECONDS = 3_600;

/**
 * Parses `Retry-After` into seconds from now, clamped to [0, {@link MAX_RETRY_AFTER_SECONDS}];
 * undefined when absent or unreadable. RFC 9110 §10.2.3 allows delay-seconds or an HTTP date;
 * servers also send a fraction ("2.128") or a negative number, read as that many seconds (a
 * negative one as 0). A date in the past is 0.
 */
export function parseRetryAfter(header: unknown, nowMs: number): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const value = header.trim();
  const clamp = (seconds: number) => Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
  if (/^[+-]?\d+(\.\d+)?$/.test(value)) return clamp(Number(value));
  // Only a date with letters in it (a day or month name): Date.parse also reads "2.128" or
  // "12" as dates in some year, which they are not.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return clamp(Math.ceil((at - nowMs) / 1000));
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
  const asked = retryAfterSeconds === undefined ? 0 : Math.ceil(retryAfterSeconds * 1000);
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

/** A failed attempt as the retry loop reads it: how long the server asked to wait, if it did. */
export interface RetryableFailure {
  ok: false;
  retryAfterSeconds?: number;
}

/** How {@link retryAttempts} runs one call. */
export interface RetryLoop<F extends RetryableFailure> {
  clock: RetryClock;
  /** The policy that may repeat this failure, or null when it must not be repeated. */
  policyFor: (failure: F) => RetryPolicy | null;
  /** Told before each wait (for the log, and what a client remembers of earlier attempts). */
  onRetry: (failure: F, attempt: number, delayMs: number) => void;
}

/**
 * Runs `attempt` until it succeeds, or fails in a way its policy does not repeat, or the next
 * wait would not fit the policy: the last outcome and how many attempts it took.
 */
export async function retryAttempts<A extends { ok: true } | RetryableFailure>(
  loop: RetryLoop<Extract<A, RetryableFailure>>,
  attempt: (attempt: number) => Promise<A>,
): Promise<{ outcome: A; attempts: number }> {
  const { clock } = loop;
  const started = clock.now();
  for (let attempts = 1; ; attempts += 1) {
    const outcome = await attempt(attempts);
    if (outcome.ok) return { outcome, attempts };
    const failed = outcome as Extract<A, RetryableFailure>;
    const policy = loop.policyFor(failed);
    if (policy === null) return { outcome, attempts };
    const delay = backoffDelay(policy, attempts, () => clock.random(), failed.retryAfterSeconds);
    if (!mayRetry(policy, attempts, clock.now() - started, delay)) return { outcome, attempts };
    loop.onRetry(failed, attempts, delay);
    await clock.sleep(delay);
  }
}

import { describe, expect, it } from 'vitest';

import {
  backoffDelay,
  MAX_RETRY_AFTER_SECONDS,
  parseRetryAfter,
  type RetryPolicy,
} from '../../../main/http/retry';

/** The tests' policy (the Stytch session tests use the same one). */
const TEST_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxTotalMs: 10_000,
};

describe('backoff arithmetic', () => {
  it('doubles with jitter, caps, and lets Retry-After ask for longer', () => {
    const half = () => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(TEST_RETRY, n, half))).toEqual([
      75, 150, 300, 600, 750,
    ]);
    expect(backoffDelay(TEST_RETRY, 1, () => 0)).toBe(50);
    expect(backoffDelay(TEST_RETRY, 1, half, 3)).toBe(3_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('reads a fractional Retry-After ("2.128") as that many seconds, to the millisecond', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2.128', now)).toBe(2.128);
    expect(parseRetryAfter(' 0.5 ', now)).toBe(0.5);
    expect(backoffDelay(TEST_RETRY, 1, () => 0.5, parseRetryAfter('2.128', now))).toBe(2_128);
  });

  it('clamps a negative, past or absurd Retry-After to between 0 and an hour', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('-5', now)).toBe(0);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('99999999999', now)).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_SECONDS);
  });

  it('does not read a bare number with two dots, or "1e3", as a date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2.1.28', now)).toBeUndefined();
    expect(parseRetryAfter('1e3', now)).toBeUndefined();
  });
});

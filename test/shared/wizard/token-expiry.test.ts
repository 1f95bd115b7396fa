import { describe, expect, it } from 'vitest';

import {
  spanInWords,
  TOKEN_EXPIRY_WARNING_DAYS,
  tokenExpiry,
  tokenExpiryWarning,
} from '../../../shared/wizard/token-expiry';

const NOW = new Date('2026-11-20T12:00:00Z');
const DAY = 86_400_000;

/** An ISO timestamp `ms` from NOW, in Stytch's format. */
function inMs(ms: number): string {
  return new Date(NOW.getTime() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

describe('tokenExpiry()', () => {
  it('says a far expiry in months or years, with its date, and does not warn', () => {
    expect(tokenExpiry(inMs(335 * DAY), NOW)).toEqual({
      state: 'valid',
      phrase: 'expires in 11 months (2027-10-21)',
    });
    expect(tokenExpiry('2029-11-20T12:00:00Z', NOW).phrase).toBe('expires in 3 years (2029-11-20)');
  });

  it('warns from exactly 30 days before the expiry, not a minute earlier', () => {
    expect(tokenExpiry(inMs(TOKEN_EXPIRY_WARNING_DAYS * DAY), NOW).state).toBe('expiring');
    expect(tokenExpiry(inMs(TOKEN_EXPIRY_WARNING_DAYS * DAY + 60_000), NOW).state).toBe('valid');
  });

  it('says an expiry inside the warning window in days, rounded to the nearest day', () => {
    expect(tokenExpiry(inMs(10 * DAY - 5_000), NOW)).toEqual({
      state: 'expiring',
      phrase: 'expires in 10 days (2026-11-30)',
    });
    expect(tokenExpiry(inMs(29.6 * DAY), NOW).phrase).toMatch(/^expires in 30 days /);
  });

  it('says a past expiry as "expired … ago", from the moment it passes', () => {
    expect(tokenExpiry(inMs(-3 * DAY), NOW)).toEqual({
      state: 'expired',
      phrase: 'expired 3 days ago (2026-11-17)',
    });
    expect(tokenExpiry(inMs(0), NOW).phrase).toBe('expired less than a minute ago (2026-11-20)');
  });

  it('reads a missing or unreadable date as unknown, saying which', () => {
    expect(tokenExpiry(null, NOW)).toEqual({
      state: 'unknown',
      phrase: 'has no expiry date from Stytch',
    });
    expect(tokenExpiry('next spring', NOW)).toEqual({
      state: 'unknown',
      phrase: 'has an expiry date the app cannot read (next spring)',
    });
  });
});

describe('spanInWords()', () => {
  it.each([
    [20_000, 'less than a minute'],
    [60_000, '1 minute'],
    [45 * 60_000, '45 minutes'],
    [59.6 * 60_000, '1 hour'],
    [5 * 3_600_000, '5 hours'],
    [23.6 * 3_600_000, '1 day'],
    [59 * DAY, '59 days'],
    [60 * DAY, '2 months'],
    [350 * DAY, '11 months'],
    [360 * DAY, '1 year'],
    [3 * 365 * DAY, '3 years'],
  ])('says %d ms as "%s"', (ms, words) => {
    expect(spanInWords(ms)).toBe(words);
  });
});

describe('tokenExpiryWarning()', () => {
  it('warns about an expiring token with quarantine as the consequence', () => {
    const warning = tokenExpiryWarning(tokenExpiry(inMs(10 * DAY), NOW));
    expect(warning?.title).toBe('The Secret Token expires in 10 days (2026-11-30).');
    expect(warning?.message).toContain('Entra quarantines the provisioning job');
  });

  it('warns about an expired token', () => {
    expect(tokenExpiryWarning(tokenExpiry(inMs(-DAY), NOW))?.title).toBe(
      'The Secret Token expired 1 day ago (2026-11-19).',
    );
  });

  it('stays silent for a token outside the window or with no known expiry', () => {
    expect(tokenExpiryWarning(tokenExpiry(inMs(31 * DAY), NOW))).toBeNull();
    expect(tokenExpiryWarning(tokenExpiry(null, NOW))).toBeNull();
  });
});

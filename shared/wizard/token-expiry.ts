/**
 * How the app talks about a SCIM token's expiry (Stytch's `bearer_token_expires_at`): when it
 * starts to warn, and the plain words it uses. Pure: the caller passes the clock.
 */

/**
 * From this many days before the token expires, the app warns and offers rotation. Entra
 * quarantines the provisioning job when its token expires (MicrosoftDocs/entra-docs:
 * docs/identity/app-provisioning/use-scim-to-provision-users-and-groups.md, "Long-lived OAuth
 * bearer tokens"), and a rotation needs the admin in both Stytch and Entra, so a month's notice.
 */
export const TOKEN_EXPIRY_WARNING_DAYS = 30;

/** `unknown`: Stytch gave no date, or one the app cannot read. */
export type TokenExpiryState = 'unknown' | 'valid' | 'expiring' | 'expired';

/** A token's expiry as the app shows it. */
export interface TokenExpiry {
  state: TokenExpiryState;
  /**
   * Words that follow the token's name: "expires in 11 months (2029-03-20)",
   * "expired 3 days ago (2026-11-10)", "has no expiry date from Stytch".
   */
  phrase: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const MONTH_MS = 30.44 * DAY_MS;
const YEAR_MS = 365.25 * DAY_MS;

function count(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/**
 * A span in the largest unit that reads naturally, rounded to the nearest whole one. Days run
 * up to two months so the whole warning window is said in days ("29 days", not "1 month").
 */
export function spanInWords(spanMs: number): string {
  const minutes = Math.round(spanMs / MINUTE_MS);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return count(minutes, 'minute');
  const hours = Math.round(spanMs / HOUR_MS);
  if (hours < 24) return count(hours, 'hour');
  const days = Math.round(spanMs / DAY_MS);
  if (days < 60) return count(days, 'day');
  const months = Math.round(spanMs / MONTH_MS);
  if (months < 12) return count(months, 'month');
  return count(Math.round(spanMs / YEAR_MS), 'year');
}

/** The expiry of a token that expires at `expiresAt` (ISO 8601, or null), seen at `now`. */
export function tokenExpiry(expiresAt: string | null, now: Date): TokenExpiry {
  if (expiresAt === null) return { state: 'unknown', phrase: 'has no expiry date from Stytch' };
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) {
    return { state: 'unknown', phrase: `has an expiry date the app cannot read (${expiresAt})` };
  }
  const left = at - now.getTime();
  const date = new Date(at).toISOString().slice(0, 10);
  if (left <= 0) {
    return { state: 'expired', phrase: `expired ${spanInWords(-left)} ago (${date})` };
  }
  return {
    state: left <= TOKEN_EXPIRY_WARNING_DAYS * DAY_MS ? 'expiring' : 'valid',
    phrase: `expires in ${spanInWords(left)} (${date})`,
  };
}

/**
 * Whole days from `now` until a token expiring at `expiresAt` expires (0 on its last day,
 * negative once expired); null without a readable date.
 */
export function tokenDaysLeft(expiresAt: string | null, now: Date): number | null {
  const at = expiresAt === null ? Number.NaN : Date.parse(expiresAt);
  return Number.isNaN(at) ? null : Math.floor((at - now.getTime()) / DAY_MS);
}

/** What the warning says, for a token that is expiring or expired; null otherwise. */
export function tokenExpiryWarning(expiry: TokenExpiry): { title: string; message: string } | null {
  // Quarantine at expiry: use-scim-to-provision-users-and-groups.md, "Long-lived OAuth bearer
  // tokens" (see TOKEN_EXPIRY_WARNING_DAYS). The current token works until the rotation is
  // finished (stytchauth/stytch-node lib/b2b/scim_connection.ts, rotate start / cancel); the new
  // one is "generated in a pending state" until then (Stytch's mobile SDK, rotate token start),
  // so the app does not promise that Entra can use it before.
  switch (expiry.state) {
    case 'expiring':
      return {
        title: `The Secret Token ${expiry.phrase}.`,
        message:
          'When it expires, Entra quarantines the provisioning job and changes stop reaching ' +
          'Stytch. Rotate it now: the current token keeps working until you finish the ' +
          'rotation, and the assistant tells you when Entra needs the new one.',
      };
    case 'expired':
      return {
        title: `The Secret Token ${expiry.phrase}.`,
        message:
          'Entra quarantines the provisioning job when its token expires, so changes no longer ' +
          'reach Stytch. Rotate it, put the new token into Entra, and test the connection.',
      };
    case 'valid':
    case 'unknown':
      return null;
  }
}

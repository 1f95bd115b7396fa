/**
 * When the watch looks at Stytch next. Stytch documents a limit of 100 requests a minute for
 * members search (stytch-members-scim.md §6; the current page says per second — the lower figure
 * is designed for), per project: the customer's own backend searches members under the same
 * limit. The watch keeps to a share of it: 30 a minute on average, and at most half of it in any
 * one minute, when Entra is busy or the admin has just acted.
 */
export const WATCH_POLICY = {
  /**
   * Right after a change, or when the admin asks: look again this soon. A member Entra writes
   * while changes are arriving shows within this plus one look (the goal is 2 s).
   */
  fastestMs: 1_500,
  /**
   * After an action the app itself started (provision on demand, unassign, Start, a rehearsal
   * step), Stytch is about to change: look this often (a member then shows within 1 s) ...
   */
  expectingMs: 750,
  /** ... for this long after the action began or ended. */
  expectingForMs: 15_000,
  /** Nothing has changed for a while: Entra's incremental cycles run about every 40 minutes. */
  slowestMs: 60_000,
  /** Members-search requests a minute the watch uses on average (of Stytch's 100). */
  requestsPerMinute: 30,
  /**
   * How far ahead of that average the watch may run (a few minutes of looking fast): a credit
   * refilled at `requestsPerMinute`, full when a watch starts; spent, it holds the watch to 30.
   */
  creditRequests: 60,
  /** Never more than this in any 60 s, however busy (half of Stytch's 100). */
  burstPerMinute: 50,
} as const;

const MINUTE_MS = 60_000;

/**
 * The delay before the next poll: while expecting a change (an action of the app's own), the
 * expecting pace; otherwise doubled after each poll that changed nothing (or failed), back to the
 * fastest after a change. Never shorter than the burst share allows for a steady run of polls of
 * `pages` requests (expecting lasts seconds, so it may go faster; the budget still caps it).
 */
export function nextDelayMs(
  previousMs: number | null,
  changed: boolean,
  pages: number,
  expecting = false,
): number {
  if (expecting) return Math.max(1, pages) * WATCH_POLICY.expectingMs;
  const wanted =
    changed || previousMs === null
      ? WATCH_POLICY.fastestMs
      : Math.min(previousMs * 2, WATCH_POLICY.slowestMs);
  return Math.max(wanted, minimumGapMs(pages));
}

/** The least time between steady looks that took `pages` requests each, within the burst share. */
export function minimumGapMs(pages: number): number {
  return Math.ceil((Math.max(1, pages) * MINUTE_MS) / WATCH_POLICY.burstPerMinute);
}

/** The rate credit at a moment: requests the watch may still make ahead of its average. */
export interface RateCredit {
  requests: number;
  at: number;
}

/** A full credit, as a new watch has. */
export function fullCredit(now: number): RateCredit {
  return { requests: WATCH_POLICY.creditRequests, at: now };
}

/** The credit at `now`: refilled at the average share since it was last counted, up to full. */
export function creditAt(credit: RateCredit, now: number): number {
  const refilled = ((now - credit.at) * WATCH_POLICY.requestsPerMinute) / MINUTE_MS;
  return Math.min(WATCH_POLICY.creditRequests, credit.requests + Math.max(0, refilled));
}

/** The credit after spending `requests` at `now` (it may go below zero; the next look waits). */
export function spend(credit: RateCredit, requests: number, now: number): RateCredit {
  return { requests: creditAt(credit, now) - requests, at: now };
}

/**
 * How long a look wanted now must wait so the watch stays within its share: no more than the
 * burst share in any minute (counting the last minute's looks, each assumed as large as the
 * latest) and no more than its credit allows. 0 when it may look at once. Drops looks older than
 * a minute.
 */
export function waitForBudgetMs(
  looks: Array<{ at: number; pages: number }>,
  credit: RateCredit,
  now: number,
): number {
  while (looks.length > 0 && (looks[0]?.at ?? now) <= now - MINUTE_MS) looks.shift();
  const next = looks.at(-1)?.pages ?? 1;
  const have = creditAt(credit, now);
  const forCredit =
    have >= next ? 0 : Math.ceil(((next - have) * MINUTE_MS) / WATCH_POLICY.requestsPerMinute);
  return Math.max(forCredit, waitForMinuteMs(looks, next, now));
}

/** How long until the last minute's looks leave room for one more of `next` requests. */
function waitForMinuteMs(
  looks: ReadonlyArray<{ at: number; pages: number }>,
  next: number,
  now: number,
): number {
  let used = looks.reduce((sum, look) => sum + look.pages, 0);
  if (used + next <= WATCH_POLICY.burstPerMinute) return 0;
  for (const look of looks) {
    used -= look.pages;
    if (used + next <= WATCH_POLICY.burstPerMinute) return look.at + MINUTE_MS - now;
  }
  return 0;
}

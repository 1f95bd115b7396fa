/**
 * When the watch looks at Stytch next. Stytch documents a limit of 100 requests a minute for
 * members search (stytch-members-scim.md §6; the current page says per second — the lower figure
 * is designed for). The watch keeps to a share of it, so the organization picker and other calls
 * made at the same time still have room.
 */
export const WATCH_POLICY = {
  /** Right after a change, or when the admin asks: look again soon. */
  fastestMs: 3_000,
  /** Nothing has changed for a while: Entra's incremental cycles run about every 40 minutes. */
  slowestMs: 60_000,
  /** Members-search requests a minute the watch may use (of Stytch's 100). */
  requestsPerMinute: 30,
} as const;

/**
 * The delay before the next poll: doubled after each poll that changed nothing (or failed), back
 * to the fastest after a change; never shorter than the share of the rate limit allows for a poll
 * that took `pages` requests.
 */
export function nextDelayMs(previousMs: number | null, changed: boolean, pages: number): number {
  const wanted =
    changed || previousMs === null
      ? WATCH_POLICY.fastestMs
      : Math.min(previousMs * 2, WATCH_POLICY.slowestMs);
  return Math.max(wanted, minimumGapMs(pages));
}

/** The least time between two looks that took `pages` requests each, within the watch's share. */
export function minimumGapMs(pages: number): number {
  return Math.ceil((Math.max(1, pages) * 60_000) / WATCH_POLICY.requestsPerMinute);
}

/**
 * How long a look asked for now (Refresh, a window shown again) must wait so the watch's searches
 * in any minute stay within its share: 0 while the last minute's looks leave room for one more
 * like the latest, else until enough of them are a minute old. Drops looks older than a minute.
 */
export function waitForBudgetMs(looks: Array<{ at: number; pages: number }>, now: number): number {
  while (looks.length > 0 && (looks[0]?.at ?? now) <= now - 60_000) looks.shift();
  const next = looks.at(-1)?.pages ?? 1;
  let used = looks.reduce((sum, look) => sum + look.pages, 0);
  for (const look of looks) {
    if (used + next <= WATCH_POLICY.requestsPerMinute) return 0;
    used -= look.pages;
    if (used + next <= WATCH_POLICY.requestsPerMinute) return look.at + 60_000 - now;
  }
  return 0;
}

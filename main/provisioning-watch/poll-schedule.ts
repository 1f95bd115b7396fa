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
  const budgetMs = (Math.max(1, pages) * 60_000) / WATCH_POLICY.requestsPerMinute;
  return Math.max(wanted, Math.ceil(budgetMs));
}

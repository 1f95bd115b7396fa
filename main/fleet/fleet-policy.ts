/**
 * How hard the overview and the sweep may press on Stytch and on each SCIM host.
 *
 * What Stytch documents: Search Organizations "rate limits are set to 100 requests/minute"
 * (stytch-node `lib/b2b/organizations.ts` and Stytch's OpenAPI; reference stytch-and-entra.md A.8;
 * https://stytch.com/docs/b2b/api/search-organizations), and limits are per project with fixed
 * windows that "are not rolling" (https://stytch.com/docs/resources/platform/rate-limits). No
 * figure is published for Get SCIM connection or for the SCIM endpoints themselves
 * (stytch-members-scim.md §6), so the app sets its own budget per host for those and backs off on
 * a 429 (the transport's retry honours it).
 */
export const FLEET_POLICY = {
  /** Organizations per search page: Stytch's largest `limit` (reference A.9), the fewest requests. */
  searchPageSize: 1_000,
  /**
   * Search Organizations requests per minute the overview uses: half of Stytch's documented 100,
   * since the customer's own back end and the org picker search under the same project limit.
   */
  searchPerMinute: 50,
  /**
   * Requests per second to any one host for calls Stytch gives no figure for (Get SCIM
   * connection on the API host; Entra's Test Connection queries on the SCIM host). A ceiling
   * against a runaway loop more than a quota: at {@link concurrency} it binds only when a round
   * trip takes under concurrency / perHostPerSecond seconds.
   */
  perHostPerSecond: 100,
  /**
   * Connections read or swept at once: enough that the budget, not the round trips, sets the
   * pace (a check is about three round trips; at 100 ms each, 32 at once ask ~100 a second).
   */
  concurrency: 32,
  /** A row not read from Stytch for this long is read again by the next refresh. */
  staleAfterMs: 24 * 60 * 60 * 1000,
  /**
   * How often (ms) the cache file is written during a refresh or sweep, so a run cut short
   * resumes near where it was: at most this much work is read again.
   */
  saveEveryMs: 5_000,
  /** How often (ms) progress is pushed at most, so 5,000 rows do not mean 5,000 events. */
  progressEveryMs: 250,
} as const;

/** The policy's shape: tests and the bench change its figures. */
export type FleetPolicy = { readonly [Key in keyof typeof FLEET_POLICY]: number };

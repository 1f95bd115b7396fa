import { z } from 'zod';

import { AppErrorSchema } from '../errors';

/**
 * The connections overview and the health sweep (issue 23), as main answers them: one row per
 * organization with a SCIM connection. Rows are secret-free by construction (no token, no
 * handle, no URL with a query); main keeps them in a cache file in the app's data folder.
 */

/** How a connection's last health check ended. */
export const FleetVerdictSchema = z.enum(['passed', 'failed', 'warnings', 'metadata-only']);
export type FleetVerdict = z.infer<typeof FleetVerdictSchema>;

/**
 * The last health result of one connection. `metadata-only`: the app does not hold this
 * connection's token, so only what Stytch says about the connection was checked (no query sent
 * to the endpoint with a token).
 */
export const FleetHealthSchema = z.object({
  verdict: FleetVerdictSchema,
  /** The first failing check's title (or the first warning's), in plain words. */
  failingCheck: z.string().optional(),
  /** What the admin should do next, in plain words. */
  nextAction: z.string().optional(),
  /** When the check finished (ISO 8601). */
  at: z.string(),
});
export type FleetHealth = z.infer<typeof FleetHealthSchema>;

/**
 * The Entra provisioning job's state, only where this app linked an Entra app for the
 * organization and the admin is signed in to that tenant. Entra's own words, kept as text
 * (Active, Paused, Quarantine, NotConfigured, or anything Entra adds later).
 */
export const FleetEntraJobSchema = z.object({
  state: z.string(),
  /** Entra's quarantine reason, when the job is in quarantine. */
  quarantineReason: z.string().optional(),
});
export type FleetEntraJob = z.infer<typeof FleetEntraJobSchema>;

/**
 * Where this app linked an Entra app for the organization, and whether its job's state could be
 * read at the last refresh: `read` (then `entraJob` holds it), `signed-out` (nobody signed in to
 * Microsoft, or the sign-in on record can no longer be renewed), `other-tenant` (signed in to
 * another tenant than the app's), `no-job` (the app has no provisioning job yet), `failed` (Graph
 * did not answer for this job).
 */
export const FleetEntraLinkSchema = z.object({
  /** The linked app's tenant by name, when this app knows it. */
  tenant: z.string().nullable(),
  jobRead: z.enum(['read', 'signed-out', 'other-tenant', 'no-job', 'failed']),
});
export type FleetEntraLink = z.infer<typeof FleetEntraLinkSchema>;

/** One organization's SCIM connection, as the overview lists it. */
export const FleetRowSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  connectionId: z.string(),
  /** Stytch's connection status, kept as text (e.g. "active"). */
  connectionStatus: z.string(),
  /** Stytch's identity_provider, kept as text (e.g. "microsoft-entra"). */
  identityProvider: z.string(),
  /** When the current token expires (ISO 8601), or null when Stytch did not say. */
  tokenExpiresAt: z.string().nullable(),
  /** Whole days until then, counted when main answered (negative once expired); null if unknown. */
  tokenDaysLeft: z.number().int().nullable(),
  /** A rotation was started and not completed or cancelled. */
  rotationPending: z.boolean(),
  /** Whether this app keeps the connection's token in the keychain (full sweep) or not (metadata only). */
  tokenHeld: z.boolean(),
  lastHealth: FleetHealthSchema.nullable(),
  entraJob: FleetEntraJobSchema.nullable(),
  /**
   * Listed by Stytch's search while a refresh runs, its connection not read yet: the name, the
   * connection's id and the token's expiry are the search's; status and identity provider are
   * blank until the read. Absent on every row read from Stytch (the cache holds only those).
   */
  provisional: z.literal(true).optional(),
  /** Null where this app linked no Entra app for the organization (or in caches before it). */
  entraLink: FleetEntraLinkSchema.nullable().default(null),
});
export type FleetRow = z.infer<typeof FleetRowSchema>;

/** The health sweep's state; `interrupted` is a sweep the app was closed during (resumable). */
export const FleetSweepStateSchema = z.enum([
  'idle',
  'running',
  'cancelled',
  'finished',
  'interrupted',
]);
export type FleetSweepState = z.infer<typeof FleetSweepStateSchema>;

/** Where the health sweep stands. */
export const FleetSweepStatusSchema = z.object({
  state: FleetSweepStateSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Estimated seconds left while running; null before the first result or when not running. */
  etaSeconds: z.number().nonnegative().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Results of this sweep so far, by verdict. */
  counts: z.object({
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    metadataOnly: z.number().int().nonnegative(),
  }),
});
export type FleetSweepStatus = z.infer<typeof FleetSweepStatusSchema>;

/** The overview: the cached rows now, and whether a refresh is running. */
export const FleetOverviewSchema = z.object({
  rows: z.array(FleetRowSchema),
  /** When the last complete refresh finished (ISO 8601), or null before the first. */
  refreshedAt: z.string().nullable(),
  refreshing: z.boolean(),
  /**
   * Whether the Entra job column is being read again (after a Microsoft sign-in changed), so an
   * overview opened in the middle of that says so, not only one open when it began.
   */
  entraReading: z.boolean(),
  /** Why the last refresh stopped early, if it did (the rows are then partly older). */
  refreshError: AppErrorSchema.nullable(),
  sweep: FleetSweepStatusSchema,
});
export type FleetOverview = z.infer<typeof FleetOverviewSchema>;

/**
 * Progress of a refresh, a sweep, or a reading of the Entra jobs alone (`entra`: after the
 * Microsoft sign-in changed); `updated` holds the rows that changed since the last event.
 */
export const FleetProgressSchema = z.object({
  kind: z.enum(['refresh', 'sweep', 'entra']),
  state: z.enum(['running', 'finished', 'cancelled', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  /** At most {@link MAX_PROGRESS_ROWS}; call fleet:overview for the whole list. */
  updated: z.array(FleetRowSchema),
  error: AppErrorSchema.nullable(),
});
export type FleetProgress = z.infer<typeof FleetProgressSchema>;

/** The most rows one progress event carries. */
export const MAX_PROGRESS_ROWS = 200;

/** The most organizations one sweep request may name. */
export const MAX_SWEEP_SELECTION = 10_000;

/** The sweep before any has run: what main answers and what a fresh overview shows. */
export function idleSweep(): FleetSweepStatus {
  return {
    state: 'idle',
    done: 0,
    total: 0,
    etaSeconds: null,
    startedAt: null,
    finishedAt: null,
    counts: { passed: 0, failed: 0, warnings: 0, metadataOnly: 0 },
  };
}

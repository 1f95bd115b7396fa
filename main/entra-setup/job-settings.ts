import type { JobScope } from '../../shared/entra/entra-views';
import { GraphCallError } from '../graph/graph-errors';
import type { GraphClient } from '../graph/graph-client';
import { isWithheldValue } from '../graph/graph-queries';
import type { SecretSetting } from '../graph/graph-schemas';
import type { Logger } from '../logging/logger';

/**
 * The job's provisioning settings (`…/synchronization/secrets`, Graph beta): the one read of
 * them, which saving credentials (to send the others back), "Use this app" (where the job sends
 * users now) and the scope all use.
 */

/**
 * How Graph refuses the beta read of a job's settings when it cannot be had: 400 (beta or the
 * segment not served), 403 (not permitted), 404 (not found on this app), 405 (GET not allowed).
 * The caller goes on without them. Anything else (401, 429 or 5xx after retries, the network, an
 * answer the app does not understand) is thrown.
 */
const UNREADABLE_STATUSES: ReadonlySet<number> = new Set([400, 403, 404, 405]);

/**
 * The provisioning settings the app's job holds (`GET …/secrets`, Graph beta), or null when
 * Graph will not say (logged with its status, never with values). Values may be withheld
 * (isWithheldValue); they are the caller's to keep out of views, errors and logs.
 */
export async function readJobSettings(
  logger: Logger,
  graph: GraphClient,
  spId: string,
): Promise<SecretSetting[] | null> {
  try {
    return await graph.listSecrets(spId);
  } catch (error) {
    if (!(error instanceof GraphCallError)) throw error;
    const { status, clientRequestId } = error.facts;
    if (status === undefined || !UNREADABLE_STATUSES.has(status)) throw error;
    logger.warn('entra.settings-unreadable', { status, clientRequestId });
    return null;
  }
}

/** The key of the scope setting (Graph's synchronizationSecret enum spells it `SyncAll`). */
export const SYNC_ALL_KEY = 'SyncAll';

/**
 * The value that means "Sync only assigned users and groups". Graph's page says only that SyncAll
 * "Determines scope of sync between all users and groups or only ones that are assigned"
 * (synchronizationSecretKeyStringValuePair, beta, "Supported key value pairs"): which value means
 * which is read from its name, and from Entra's cross-tenant Graph guide, which PUTs `"SyncAll":
 * "false"` and then assigns the users to sync ("at least one internal user must be assigned to
 * the configuration"). The same page's usual value differs between copies ("generally True" in
 * English), so it is never assumed: an absent key is "unknown".
 */
export const ASSIGNED_ONLY_VALUE = 'false';

/** Longest SyncAll value shown as read: a boolean's spelling, not a document. */
const MAX_SHOWN_VALUE = 40;

/**
 * The scope from the job's settings, its true/false read in any letter case with spaces trimmed
 * ("false", "False", " TRUE "): Microsoft's own samples differ in spelling (reference, "Enum
 * spellings vary"). Unknown when the settings could not be read, have no SyncAll, withhold its
 * value (null, empty, a mask) or hold anything else; `userCount` is the caller's to fill.
 */
export function scopeOf(settings: readonly SecretSetting[] | null, readAt: string): JobScope {
  const unknown = (why: NonNullable<JobScope['unknownBecause']>, syncAll: string | null) => ({
    scope: 'unknown' as const,
    syncAll,
    unknownBecause: why,
    userCount: null,
    readAt,
  });
  if (settings === null) return unknown('unreadable', null);
  const key = SYNC_ALL_KEY.toLowerCase();
  const setting = settings.find((candidate) => candidate.key.toLowerCase() === key);
  if (setting === undefined) return unknown('absent', null);
  if (isWithheldValue(setting.value)) return unknown('withheld', null);
  const value = setting.value ?? '';
  const shown = value.slice(0, MAX_SHOWN_VALUE);
  const word = value.trim().toLowerCase();
  if (word !== 'true' && word !== 'false') return unknown('unrecognised', shown);
  const scope = word === ASSIGNED_ONLY_VALUE ? ('assigned' as const) : ('all' as const);
  return { scope, syncAll: shown, unknownBecause: null, userCount: null, readAt };
}

import { GraphCallError } from '../graph/graph-errors';
import type { GraphClient } from '../graph/graph-client';
import type { SecretSetting } from '../graph/graph-schemas';
import type { Logger } from '../logging/logger';

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

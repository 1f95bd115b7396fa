import { AppFailure } from '../../shared/errors';
import type { FleetEntraJob, FleetEntraLink } from '../../shared/fleet/fleet';
import type { EntraAppLink } from '../../shared/settings/settings';
import { mapBounded } from '../entra-setup/bounded';
import { jobView } from '../entra-setup/graph-views';
import type { GraphClient } from '../graph/graph-client';
import type { Logger } from '../logging/logger';
import type { CachedRow } from './fleet-cache';

/**
 * What the overview needs of the Entra side; an interface for the test seam (the composition
 * root hands in MicrosoftSession, the settings' links and the Entra steps' Graph client).
 */
export interface FleetEntra {
  /**
   * Who is signed in to Microsoft, and where (the tenant's ID, and by name); null when nobody
   * is. MicrosoftSession's `target` fits.
   */
  target(): Promise<{ sandbox: boolean; tenantId: string; tenant: string } | null>;
  /** The Entra apps this app linked, per organization and tenant (settings `entraApps`). */
  links(): Promise<readonly EntraAppLink[]>;
  /** Graph for the signed-in tenant (the Entra steps' own client, its retries and throttling). */
  graph(): Promise<Pick<GraphClient, 'getJob'>>;
}

/**
 * Job reads at once. Graph throttles per app and tenant (reference §5, throttling.md) and the
 * client backs off on its 429 with Retry-After; a handful at once stays well inside while a
 * project with hundreds of linked organizations still reads in seconds.
 */
export const ENTRA_JOB_READS_AT_ONCE = 4;

type EntraState = Pick<CachedRow['row'], 'entraJob' | 'entraLink'>;

/** Entra's own words for the job: its status code and, in quarantine, the reason (as sent). */
function jobState(job: Awaited<ReturnType<GraphClient['getJob']>>): FleetEntraJob {
  const view = jobView(job);
  return view.quarantine?.reason
    ? { state: view.status, quarantineReason: view.quarantine.reason }
    : { state: view.status };
}

const link = (tenant: string | null, jobRead: FleetEntraLink['jobRead']): EntraState => ({
  entraJob: null,
  entraLink: { tenant, jobRead },
});

/** Who is signed in; a sign-in that cannot be read (a damaged token cache) counts as nobody. */
async function signedIn(entra: FleetEntra, logger: Logger) {
  try {
    return await entra.target();
  } catch (error) {
    logger.warn('fleet.entra-sign-in-unreadable', { code: codeOf(error) });
    return null;
  }
}

const codeOf = (error: unknown) =>
  error instanceof AppFailure ? error.appError.code : 'INTERNAL_ERROR';

/**
 * Fills each row's Entra job state where this app linked an Entra app for the organization (in
 * this project's world: sandbox links for the sandbox) and the admin is signed in to that app's
 * tenant: one `GET …/jobs/{jobId}` per such row, {@link ENTRA_JOB_READS_AT_ONCE} at once. Other
 * rows say why they have none (nobody signed in, another tenant, no job yet). A read that fails
 * marks its own row only. Answers the rows whose Entra state changed. Rows are read again at
 * each refresh, and on their own when the Microsoft sign-in changes (FleetService's
 * `entraSignInChanged`).
 */
export async function refreshEntraJobs(input: {
  entra: FleetEntra;
  sandbox: boolean;
  rows: readonly CachedRow[];
  logger: Logger;
  cancelled: () => boolean;
}): Promise<CachedRow[]> {
  const { entra, logger } = input;
  const links = new Map<string, EntraAppLink[]>();
  for (const each of await entra.links()) {
    if (each.sandbox !== input.sandbox) continue;
    links.set(each.organizationId, [...(links.get(each.organizationId) ?? []), each]);
  }
  const target = links.size === 0 ? null : await signedIn(entra, logger);
  const here = target !== null && target.sandbox === input.sandbox ? target : null;
  const next = new Map<CachedRow, EntraState>();
  const toRead: { cached: CachedRow; spId: string; jobId: string }[] = [];
  for (const cached of input.rows) {
    const kept = links.get(cached.row.organizationId) ?? [];
    // An organization linked in several tenants: the signed-in tenant's link is the one shown.
    const own = kept.find((each) => each.tenantId === here?.tenantId);
    const other = kept[0];
    if (own === undefined && other === undefined)
      next.set(cached, { entraJob: null, entraLink: null });
    else if (own === undefined || here === null)
      next.set(cached, link(other?.tenantName ?? null, here ? 'other-tenant' : 'signed-out'));
    else if (own.jobId === null) next.set(cached, link(here.tenant, 'no-job'));
    else {
      next.set(cached, link(here.tenant, 'failed'));
      toRead.push({ cached, spId: own.servicePrincipalId, jobId: own.jobId });
    }
  }
  if (here !== null && toRead.length > 0) await readJobs(input, toRead, next, here.tenant);
  // A refresh cut short changes nothing: the rows keep what the last whole read found.
  if (input.cancelled()) return [];
  const changed: CachedRow[] = [];
  for (const [cached, state] of next) {
    if (JSON.stringify(state) === JSON.stringify(pick(cached))) continue;
    Object.assign(cached.row, state);
    changed.push(cached);
  }
  return changed;
}

const pick = (cached: CachedRow): EntraState => ({
  entraJob: cached.row.entraJob,
  entraLink: cached.row.entraLink,
});

async function readJobs(
  input: Parameters<typeof refreshEntraJobs>[0],
  toRead: readonly { cached: CachedRow; spId: string; jobId: string }[],
  next: Map<CachedRow, EntraState>,
  tenant: string,
): Promise<void> {
  let graph: Pick<GraphClient, 'getJob'>;
  try {
    graph = await input.entra.graph();
  } catch (error) {
    input.logger.warn('fleet.entra-graph-unavailable', { code: codeOf(error) });
    return;
  }
  let failures = 0;
  // Every read catches its own failure, so one odd answer never stops the others (mapBounded
  // stops starting new work after a thrown failure).
  await mapBounded(toRead, ENTRA_JOB_READS_AT_ONCE, async ({ cached, spId, jobId }) => {
    if (input.cancelled()) return;
    try {
      const entraJob = jobState(await graph.getJob(spId, jobId));
      next.set(cached, { entraJob, entraLink: { tenant, jobRead: 'read' } });
    } catch (error) {
      // The sign-in on record can no longer be renewed (revoked, expired, a password changed):
      // the admin's next step is to sign in again, not to wonder why the job is "not known".
      if (codeOf(error) === 'MICROSOFT_NOT_SIGNED_IN') {
        next.set(cached, link(tenant, 'signed-out'));
        return;
      }
      failures += 1;
      if (failures === 1) input.logger.warn('fleet.entra-job-unread', { code: codeOf(error) });
    }
  });
  if (failures > 1) input.logger.warn('fleet.entra-jobs-unread', { count: failures });
}

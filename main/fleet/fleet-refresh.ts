import type { Organization, ScimConnection } from '../../shared/stytch/api-schemas';
import { mapBounded } from '../entra-setup/bounded';
import type { SearchOrganizationsRequest } from '../stytch/stytch-client';
import type { RequestBudget } from './fleet-budget';
import type { CachedRow, FleetCache } from './fleet-cache';
import type { FleetPolicy } from './fleet-policy';
import { cachedRow, seenKey } from './fleet-rows';

/** The Stytch calls a refresh makes (`StytchClient` fits). */
export interface FleetStytch {
  searchOrganizations(
    request: SearchOrganizationsRequest,
  ): Promise<{ organizations: Organization[]; results_metadata: { next_cursor?: string | null } }>;
  getConnection(organizationId: string): Promise<ScimConnection | null>;
}

/** What one refresh needs. */
export interface RefreshInput {
  stytch: FleetStytch;
  /** Stytch's API host, for its request budget. */
  apiHost: string;
  budget: RequestBudget;
  policy: FleetPolicy;
  cache: FleetCache;
  /** Connections whose token this app keeps (the secrets index), for `tokenHeld`. */
  held: ReadonlySet<string>;
  /** Read every connection again, not only new, changed and stale ones. */
  full: boolean;
  now: () => Date;
  cancelled: () => boolean;
  /** After each search page, before any connection is read: the page's organizations with one. */
  onListed: (organizations: readonly Organization[]) => void;
  /** After each connection read (or skipped): how far, and the row that changed. */
  onRow: (done: number, total: number, row: CachedRow | null) => void;
}

/** Every organization with an active SCIM connection, page by page within the search budget. */
async function organizationsWithConnections(input: RefreshInput): Promise<Organization[]> {
  const found: Organization[] = [];
  let cursor: string | undefined;
  do {
    await input.budget.searchSlot();
    const page = await input.stytch.searchOrganizations({
      limit: input.policy.searchPageSize,
      ...(cursor ? { cursor } : {}),
    });
    const withConnection = page.organizations.filter((o) => o.scim_active_connection);
    found.push(...withConnection);
    input.onListed(withConnection);
    cursor = page.results_metadata.next_cursor ?? undefined;
  } while (cursor && !input.cancelled());
  return found;
}

/**
 * Brings the cache up to date with Stytch: search every organization (Stytch's largest page,
 * within the documented search limit), then Get SCIM connection only for organizations whose
 * connection is new, replaced or re-issued (the search shows its id and token expiry), not read
 * for a day, or all of them when `full`. Each search page is told (`onListed`) before any
 * connection is read, so the overview can list it at once. Rows are updated in place as they
 * arrive, so a refresh cut short (cancel, error, quit) resumes where it was: what it read is no
 * longer stale. Organizations without a connection any more leave the cache once the search
 * went through.
 */
export async function refreshCache(input: RefreshInput): Promise<void> {
  const organizations = await organizationsWithConnections(input);
  if (input.cancelled()) return;
  const byOrg = new Map(input.cache.rows.map((cached) => [cached.row.organizationId, cached]));
  const listed = new Set(organizations.map((organization) => organization.organization_id));
  input.cache.rows = input.cache.rows.filter((cached) => listed.has(cached.row.organizationId));
  const nowMs = input.now().getTime();
  const toRead = organizations.filter((organization) => {
    const cached = byOrg.get(organization.organization_id);
    if (input.full || !cached || cached.seen !== seenKey(organization)) return true;
    cached.row.organizationName = organization.organization_name;
    cached.row.tokenHeld = input.held.has(cached.row.connectionId);
    return nowMs - Date.parse(cached.readAt) > input.policy.staleAfterMs;
  });
  let done = organizations.length - toRead.length;
  input.onRow(done, organizations.length, null);
  await mapBounded(toRead, input.policy.concurrency, async (organization) => {
    if (input.cancelled()) return;
    await input.budget.hostSlot(input.apiHost);
    const connection = await input.stytch.getConnection(organization.organization_id);
    const previous = byOrg.get(organization.organization_id);
    let updated: CachedRow | null = null;
    if (connection === null) {
      input.cache.rows = input.cache.rows.filter((cached) => cached !== previous);
    } else {
      updated = cachedRow(
        organization,
        connection,
        input.held.has(connection.connection_id),
        previous,
        input.now(),
      );
      if (previous) Object.assign(previous, updated);
      else input.cache.rows.push(updated);
      byOrg.set(organization.organization_id, previous ?? updated);
    }
    done += 1;
    input.onRow(done, organizations.length, updated);
  });
}

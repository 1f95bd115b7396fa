import type { Organization } from '../../shared/stytch/api-schemas';
import type { OrganizationSummary } from '../../shared/stytch/views';
import type { SearchOperand, StytchClient } from './stytch-client';

/**
 * How the picker's one search box becomes a Stytch search (reference A.9: fuzzy filters need three
 * characters; OR is deprecated, so name and slug cannot be searched in one query):
 * - empty → every organization;
 * - an organization ID (`organization-…`) → that organization;
 * - one or two characters → an exact slug;
 * - otherwise → name (fuzzy), and when the first page finds nothing, slug (fuzzy).
 * The mode travels in the cursor handed to the renderer (`<mode>:<stytch cursor>`), so the next
 * page continues the same search.
 */
type Mode = 'all' | 'ids' | 'slugs' | 'name' | 'slug';

const MODES: readonly Mode[] = ['all', 'ids', 'slugs', 'name', 'slug'];

function operandsFor(mode: Mode, text: string): SearchOperand[] {
  switch (mode) {
    case 'all':
      return [];
    case 'ids':
      return [{ filter_name: 'organization_ids', filter_value: [text] }];
    case 'slugs':
      return [{ filter_name: 'organization_slugs', filter_value: [text.toLowerCase()] }];
    case 'name':
      return [{ filter_name: 'organization_name_fuzzy', filter_value: text }];
    case 'slug':
      return [{ filter_name: 'organization_slug_fuzzy', filter_value: text }];
  }
}

function firstMode(text: string): Mode {
  if (text === '') return 'all';
  if (text.startsWith('organization-')) return 'ids';
  if (text.length < 3) return 'slugs';
  return 'name';
}

function parseCursor(
  cursor: string | null | undefined,
): { mode: Mode; stytchCursor: string } | null {
  if (!cursor) return null;
  const colon = cursor.indexOf(':');
  const mode = cursor.slice(0, colon) as Mode;
  if (colon <= 0 || !MODES.includes(mode)) return null;
  return { mode, stytchCursor: cursor.slice(colon + 1) };
}

/** The picker's view of an organization. */
export function organizationSummary(org: Organization): OrganizationSummary {
  return {
    organizationId: org.organization_id,
    name: org.organization_name,
    slug: org.organization_slug,
    scimActiveConnectionId: org.scim_active_connection?.connection_id ?? null,
  };
}

/** One page of the picker's search. */
export interface PickerPage {
  organizations: OrganizationSummary[];
  nextCursor: string | null;
  total: number;
}

async function searchPage(
  client: StytchClient,
  mode: Mode,
  text: string,
  limit: number,
  cursor?: string,
): Promise<PickerPage> {
  const operands = operandsFor(mode, text);
  const result = await client.searchOrganizations({
    limit,
    ...(cursor ? { cursor } : {}),
    ...(operands.length > 0 ? { query: { operator: 'AND', operands } } : {}),
  });
  const organizations = result.organizations.map(organizationSummary);
  const { total, next_cursor: next } = result.results_metadata;
  return {
    organizations,
    nextCursor: next ? `${mode}:${next}` : null,
    // -1 means the workspace has totals turned off: count what is known.
    total: total >= 0 ? total : organizations.length,
  };
}

/** Runs the picker's search for `query`, continuing from `cursor` when given. */
export async function searchForPicker(
  client: StytchClient,
  request: { query: string; cursor?: string | null; limit?: number },
): Promise<PickerPage> {
  const text = request.query.trim();
  const limit = request.limit ?? 25;
  const continued = parseCursor(request.cursor);
  if (continued) return searchPage(client, continued.mode, text, limit, continued.stytchCursor);
  const mode = firstMode(text);
  const page = await searchPage(client, mode, text, limit);
  if (mode !== 'name' || page.organizations.length > 0) return page;
  return searchPage(client, 'slug', text, limit);
}

import { StandInError } from './stand-in-errors';

/** The organization fields the stand-in's search looks at. */
export interface SearchableOrganization {
  organization_id: string;
  organization_name: string;
  organization_slug: string;
}

type FilterKind = 'string' | 'strings';

interface FilterRule {
  kind: FilterKind;
  /** Fuzzy filters need three characters (reference A.9); the error type when shorter. */
  tooShort?:
    | 'organization_search_organization_name_fuzzy_too_short'
    | 'organization_search_organization_slug_fuzzy_too_short';
  matches(org: SearchableOrganization, value: string | string[]): boolean;
}

const fuzzy = (haystack: string, needle: string) =>
  haystack.toLowerCase().includes(needle.toLowerCase());

/**
 * The filters the stand-in implements (a subset of reference A.9: the ones the org picker uses).
 * Any other filter name is refused with `organization_search_filter_name_not_recognized`.
 */
const FILTERS: Record<string, FilterRule> = {
  organization_ids: { kind: 'strings', matches: (org, ids) => ids.includes(org.organization_id) },
  organization_slugs: {
    kind: 'strings',
    matches: (org, slugs) => slugs.includes(org.organization_slug),
  },
  organization_name_fuzzy: {
    kind: 'string',
    tooShort: 'organization_search_organization_name_fuzzy_too_short',
    matches: (org, text) => fuzzy(org.organization_name, String(text)),
  },
  organization_slug_fuzzy: {
    kind: 'string',
    tooShort: 'organization_search_organization_slug_fuzzy_too_short',
    matches: (org, text) => fuzzy(org.organization_slug, String(text)),
  },
};

type Predicate = (org: SearchableOrganization) => boolean;

function operandPredicate(raw: unknown): Predicate {
  const operand = (raw ?? {}) as { filter_name?: unknown; filter_value?: unknown };
  if (typeof operand.filter_name !== 'string' || operand.filter_name === '') {
    throw new StandInError('organization_search_missing_filter_name');
  }
  const rule = FILTERS[operand.filter_name];
  if (!rule) throw new StandInError('organization_search_filter_name_not_recognized');
  const value = operand.filter_value;
  if (value === undefined || value === null)
    throw new StandInError('organization_search_missing_filter_value');
  if (
    rule.kind === 'strings' &&
    !(Array.isArray(value) && value.every((v) => typeof v === 'string'))
  ) {
    throw new StandInError('organization_search_expected_array_of_strings');
  }
  if (rule.kind === 'string' && typeof value !== 'string') {
    throw new StandInError('organization_search_expected_string');
  }
  if (rule.tooShort && typeof value === 'string' && value.trim().length < 3) {
    throw new StandInError(rule.tooShort);
  }
  return (org) => rule.matches(org, value as string | string[]);
}

function queryPredicate(query: unknown): Predicate {
  if (query === undefined || query === null) return () => true;
  const { operator, operands } = query as { operator?: unknown; operands?: unknown };
  if (operator !== 'AND' && operator !== 'OR')
    throw new StandInError('user_search_invalid_operator');
  const predicates = (Array.isArray(operands) ? operands : []).map(operandPredicate);
  if (predicates.length === 0) return () => true;
  return operator === 'AND'
    ? (org) => predicates.every((p) => p(org))
    : (org) => predicates.some((p) => p(org));
}

function decodeCursor(cursor: unknown): number {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  try {
    const parsed = JSON.parse(
      Buffer.from(typeof cursor === 'string' ? cursor : '', 'base64url').toString('utf8'),
    ) as {
      offset?: unknown;
    };
    if (typeof parsed.offset === 'number' && Number.isInteger(parsed.offset) && parsed.offset >= 0)
      return parsed.offset;
  } catch {
    // Falls through to the error below: any unreadable cursor is refused the same way.
  }
  throw new StandInError('user_search_invalid_cursor');
}

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function limitOf(raw: unknown): number {
  if (raw === undefined || raw === null) return 100;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 1000) {
    throw new StandInError('user_search_invalid_limit');
  }
  return raw;
}

/** One page of a search, in Stytch's shape minus the envelope. */
export interface SearchPage<T> {
  organizations: T[];
  results_metadata: { total: number; next_cursor?: string };
}

/**
 * `POST /v1/b2b/organizations/search` over the stand-in's organizations: the body's filters
 * (AND/OR), then cursor pagination with `limit` (default 100, max 1000).
 */
export function searchOrganizations<T extends SearchableOrganization>(
  all: T[],
  body: unknown,
): SearchPage<T> {
  const request = (body ?? {}) as { cursor?: unknown; limit?: unknown; query?: unknown };
  const limit = limitOf(request.limit);
  const offset = decodeCursor(request.cursor);
  const matching = all.filter(queryPredicate(request.query));
  const page = matching.slice(offset, offset + limit);
  const nextOffset = offset + page.length;
  return {
    organizations: page,
    results_metadata: {
      total: matching.length,
      ...(nextOffset < matching.length ? { next_cursor: encodeCursor(nextOffset) } : {}),
    },
  };
}

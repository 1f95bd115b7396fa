import type { KnownStytchErrorType } from '../../stytch/stytch-errors';
import { StandInError } from './errors';

/*
 * What Stytch's searches share (organizations: reference A.9; members: stytch-members-scim.md §1;
 * SCIM groups page the same way, §3): a query of `{filter_name, filter_value}` operands joined by
 * AND/OR, then cursor pages of `limit` (default 100, max 1000). Each search names its own errors.
 */

/** The error types of one search, by what went wrong with an operand. */
export interface SearchErrors {
  missingName: KnownStytchErrorType;
  notRecognized: KnownStytchErrorType;
  missingValue: KnownStytchErrorType;
  expectedStrings: KnownStytchErrorType;
  expectedString: KnownStytchErrorType;
  /** Only searches with a boolean filter have one. */
  expectedBoolean?: KnownStytchErrorType;
}

/** Turns one operand's value into a test of an item, or throws the search's error. */
export type FilterRule<T> = (value: unknown, errors: SearchErrors) => (item: T) => boolean;

/** A filter whose value is a list of strings; `check` may refuse values it cannot take. */
export function stringsFilter<T>(
  matches: (item: T, values: string[]) => boolean,
  check?: (values: string[]) => void,
): FilterRule<T> {
  return (value, errors) => {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
      throw new StandInError(errors.expectedStrings);
    check?.(value);
    return (item) => matches(item, value);
  };
}

/** A case-insensitive substring filter; Stytch wants three characters at least. */
export function fuzzyFilter<T>(
  haystack: (item: T) => string,
  tooShort: KnownStytchErrorType,
): FilterRule<T> {
  return (value, errors) => {
    if (typeof value !== 'string') throw new StandInError(errors.expectedString);
    if (value.trim().length < 3) throw new StandInError(tooShort);
    const needle = value.toLowerCase();
    return (item) => haystack(item).toLowerCase().includes(needle);
  };
}

/** A true/false filter. */
export function booleanFilter<T>(matches: (item: T, value: boolean) => boolean): FilterRule<T> {
  return (value, errors) => {
    // A search without boolean filters has no such error type, and never gets here.
    if (typeof value !== 'boolean')
      throw new StandInError(errors.expectedBoolean ?? errors.notRecognized);
    return (item) => matches(item, value);
  };
}

/** An operand as sent: anything, until its filter has checked it. */
export interface RawOperand {
  filter_name?: unknown;
  filter_value?: unknown;
}

/** The operands of a query (none when there is no query). */
export function operandsOf(query: unknown): RawOperand[] {
  const operands = (query as { operands?: unknown } | null | undefined)?.operands;
  return Array.isArray(operands) ? operands.map((raw) => (raw ?? {}) as RawOperand) : [];
}

/** The test a query puts on items: its operands joined by its operator (none: everything). */
function queryPredicate<T>(
  query: unknown,
  filters: Record<string, FilterRule<T>>,
  errors: SearchErrors,
): (item: T) => boolean {
  if (query === undefined || query === null) return () => true;
  const { operator } = query as { operator?: unknown };
  if (operator !== 'AND' && operator !== 'OR')
    throw new StandInError('user_search_invalid_operator');
  const predicates = operandsOf(query).map((operand) => {
    const name = operand.filter_name;
    if (typeof name !== 'string' || name === '') throw new StandInError(errors.missingName);
    const rule = Object.hasOwn(filters, name) ? filters[name] : undefined;
    if (!rule) throw new StandInError(errors.notRecognized);
    const value = operand.filter_value;
    if (value === undefined || value === null) throw new StandInError(errors.missingValue);
    return rule(value, errors);
  });
  if (predicates.length === 0) return () => true;
  return operator === 'AND'
    ? (item) => predicates.every((p) => p(item))
    : (item) => predicates.some((p) => p(item));
}

function decodeCursor(cursor: unknown): number {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  try {
    const text = Buffer.from(typeof cursor === 'string' ? cursor : '', 'base64url').toString();
    const parsed = JSON.parse(text) as { offset?: unknown };
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

/** Where a page stands in the whole result; `next_cursor` is null on the last page (§1). */
export interface ResultsMetadata {
  total: number;
  next_cursor: string | null;
}

/** The page `cursor` and `limit` (as sent) ask for, out of every matching item. */
export function pageOf<T>(
  matching: T[],
  request: { cursor?: unknown; limit?: unknown },
): { items: T[]; results_metadata: ResultsMetadata } {
  const limit = limitOf(request.limit);
  const offset = decodeCursor(request.cursor);
  const items = matching.slice(offset, offset + limit);
  const next = offset + items.length;
  return {
    items,
    results_metadata: {
      total: matching.length,
      next_cursor: next < matching.length ? encodeCursor(next) : null,
    },
  };
}

/** What a search request carries besides its own fields. */
export interface SearchRequest {
  query?: unknown;
  cursor?: unknown;
  limit?: unknown;
}

/**
 * One of Stytch's searches, from its filters and its error names: it runs over the items (of
 * `inScope`, when the search narrows them first) that pass the request's query, and answers the
 * page the request asks for.
 */
export function stytchSearch<T>({
  filters,
  errors,
}: {
  filters: Record<string, FilterRule<T>>;
  errors: SearchErrors;
}) {
  return <U extends T>(
    all: U[],
    request: SearchRequest,
    inScope: (item: U) => boolean = () => true,
  ): { items: U[]; results_metadata: ResultsMetadata } => {
    const matches = queryPredicate(request.query, filters, errors);
    return pageOf(
      all.filter((item) => inScope(item) && matches(item)),
      request,
    );
  };
}

import { attentionReason } from '../../../shared/fleet/attention';
import type { FleetRow } from '../../../shared/fleet/fleet';

/** The overview's sortable columns. */
export type OverviewColumn =
  'organization' | 'status' | 'provider' | 'expiry' | 'rotation' | 'health' | 'entra';

/** What the admin asked the overview to show: a search, an order, and the attention filter. */
export interface OverviewQuery {
  search: string;
  sort: { column: OverviewColumn; order: 'ascending' | 'descending' };
  attentionOnly: boolean;
}

/** The order the overview opens with: the next token to expire first. */
export const DEFAULT_QUERY: OverviewQuery = {
  search: '',
  sort: { column: 'expiry', order: 'ascending' },
  attentionOnly: false,
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

// Worst first when ascending: a failed check before warnings before a pass; never checked last.
const VERDICT_RANK: Record<string, number> = {
  failed: 0,
  warnings: 1,
  'metadata-only': 2,
  passed: 3,
};

type Compare = (a: FleetRow, b: FleetRow) => number;

/** Unknown values (no expiry date, never checked, no Entra job) sort after known ones either way. */
function knownFirst<T>(read: (row: FleetRow) => T | null, compare: (a: T, b: T) => number) {
  return (a: FleetRow, b: FleetRow, direction: number): number => {
    const x = read(a);
    const y = read(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return direction * compare(x, y);
  };
}

const numeric = (x: number, y: number) => x - y;
const text = (x: string, y: string) => collator.compare(x, y);

const COMPARE: Record<OverviewColumn, (a: FleetRow, b: FleetRow, direction: number) => number> = {
  organization: knownFirst((row) => row.organizationName, text),
  status: knownFirst((row) => row.connectionStatus, text),
  provider: knownFirst((row) => row.identityProvider, text),
  expiry: knownFirst((row) => row.tokenDaysLeft, numeric),
  // Pending first when ascending: it is what needs finishing.
  rotation: knownFirst((row) => (row.rotationPending ? 0 : 1), numeric),
  health: knownFirst(
    (row) => (row.lastHealth ? (VERDICT_RANK[row.lastHealth.verdict] ?? 2) : null),
    numeric,
  ),
  entra: knownFirst((row) => row.entraJob?.state ?? null, text),
};

/** True when the row's organization name or ID, or its connection ID, holds the search. */
export function matchesSearch(row: FleetRow, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  return (
    row.organizationName.toLowerCase().includes(needle) ||
    row.organizationId.toLowerCase().includes(needle) ||
    row.connectionId.toLowerCase().includes(needle)
  );
}

/** True when the row needs the admin (the one rule main's report uses too). */
export function needsAttention(row: FleetRow): boolean {
  return attentionReason(row) !== null;
}

/**
 * The rows the overview shows for a query: searched, filtered, then sorted (ties by
 * organization name, so the order is stable). A new array; the input is left as it is.
 */
export function queryRows(rows: readonly FleetRow[], query: OverviewQuery): FleetRow[] {
  const shown = rows.filter(
    (row) => matchesSearch(row, query.search) && (!query.attentionOnly || needsAttention(row)),
  );
  const direction = query.sort.order === 'ascending' ? 1 : -1;
  const compare: Compare = (a, b) =>
    COMPARE[query.sort.column](a, b, direction) || COMPARE.organization(a, b, 1);
  return shown.sort(compare);
}

/** The query after a click on a column's header: that column, or the other way round. */
export function sortBy(query: OverviewQuery, column: OverviewColumn): OverviewQuery {
  const order =
    query.sort.column === column && query.sort.order === 'ascending' ? 'descending' : 'ascending';
  return { ...query, sort: { column, order } };
}

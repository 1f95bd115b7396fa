import { useCallback, type ReactNode } from 'react';

import type { FleetRow } from '../../../shared/fleet/fleet';
import { identityProviderWords } from '../../../shared/stytch/identity-provider';
import { VirtualGrid, type GridColumn, type SortOrder } from '../../components/VirtualGrid';
import { useFleetStore } from '../../state/fleet-store';
import { useScreenStore } from '../../state/screen-store';
import { sortBy, type OverviewColumn } from './overview-query';
import {
  entraWords,
  expiryWords,
  healthWhen,
  healthWords,
  statusWords,
  type CellWords,
} from './row-words';

/**
 * Every row's height: fixed, so the grid can place rows without measuring them. Room for three
 * short lines: a failed check's words on two and its time on the third.
 */
export const ROW_HEIGHT = 52;

// The minimums hold each column's words whole at 1100 px wide, with room for a scrollbar (checked
// in the fleet e2e test): "Expired 365 days ago" on one line; "Microsoft Entra ID", the Entra
// job's words and a failed check's (but the longest) on two. Wider windows share the rest; a
// narrower one keeps them and scrolls the columns sideways, so each header fits its minimum too
// ("Organization" with its sort mark).
const COLUMNS: readonly { id: OverviewColumn | 'select'; header: string; width: string }[] = [
  { id: 'select', header: 'Select', width: '1.25rem' },
  { id: 'organization', header: 'Organization', width: 'minmax(7.75rem, 1.5fr)' },
  { id: 'status', header: 'Status', width: 'minmax(4.75rem, 0.3fr)' },
  { id: 'provider', header: 'Identity provider', width: 'minmax(6.5rem, 0.4fr)' },
  { id: 'expiry', header: 'Token expiry', width: 'minmax(11.5rem, 0.5fr)' },
  { id: 'rotation', header: 'Rotation', width: 'minmax(6rem, 0.3fr)' },
  { id: 'health', header: 'Last health check', width: 'minmax(12.25rem, 1fr)' },
  { id: 'entra', header: 'Entra job', width: 'minmax(9.5rem, 1fr)' },
];

function Words({ words }: { words: CellWords }) {
  return <span className={`cell-${words.tone}`}>{words.text}</span>;
}

function Cell({ row, column }: { row: FleetRow; column: OverviewColumn | 'select' }): ReactNode {
  switch (column) {
    case 'select':
      return <SelectBox row={row} />;
    case 'organization':
      return <OpenButton row={row} />;
    case 'status':
      return <Words words={statusWords(row)} />;
    case 'provider':
      return identityProviderWords(row.identityProvider);
    case 'expiry':
      return <Words words={expiryWords(row.tokenDaysLeft)} />;
    case 'rotation':
      // Not known before the connection is read: blank rather than "None".
      if (row.provisional === true) return '';
      return row.rotationPending ? <span className="cell-warning">Pending</span> : 'None';
    case 'health': {
      const words = healthWords(row);
      return (
        <span
          className="cell-two-lines cell-health"
          title={row.lastHealth?.failingCheck ? words.text : undefined}
        >
          <Words words={words} />
          <span className="cell-when">{healthWhen(row)}</span>
        </span>
      );
    }
    case 'entra': {
      const words = entraWords(row);
      return words.detail ? (
        <span className="cell-two-lines" title={words.detail.full}>
          <Words words={words} />
          <span className="cell-when">{words.detail.short}</span>
        </span>
      ) : (
        <Words words={words} />
      );
    }
  }
}

// Controls in cells stay out of the Tab order: the row takes focus, Space selects, Enter opens.
function SelectBox({ row }: { row: FleetRow }) {
  const checked = useFleetStore((s) => s.selected.has(row.organizationId));
  const toggle = useFleetStore((s) => s.toggleSelected);
  return (
    <input
      type="checkbox"
      tabIndex={-1}
      checked={checked}
      aria-label={`Select ${row.organizationName}`}
      onChange={() => toggle(row.organizationId)}
    />
  );
}

function OpenButton({ row }: { row: FleetRow }) {
  const show = useScreenStore((s) => s.show);
  return (
    <button
      type="button"
      tabIndex={-1}
      className="button-link cell-open"
      // A name longer than two lines ends in "…" in the cell; whole on hover and on its page.
      title={row.organizationName}
      onClick={() => show({ kind: 'connection', organizationId: row.organizationId })}
    >
      {row.organizationName}
    </button>
  );
}

function SelectAll({ rows }: { rows: readonly FleetRow[] }) {
  const selected = useFleetStore((s) => s.selected);
  const toggleAll = useFleetStore((s) => s.toggleAll);
  const all = rows.length > 0 && rows.every((row) => selected.has(row.organizationId));
  return (
    <input
      type="checkbox"
      checked={all}
      aria-label="Select every connection shown"
      onChange={() => toggleAll(rows.map((row) => row.organizationId))}
    />
  );
}

/** The overview's rows (already searched, filtered and sorted) in a virtualized grid. */
export function OverviewGrid({ rows, height }: { rows: readonly FleetRow[]; height: number }) {
  const query = useFleetStore((s) => s.query);
  const setQuery = useFleetStore((s) => s.setQuery);
  const selected = useFleetStore((s) => s.selected);
  const toggleSelected = useFleetStore((s) => s.toggleSelected);
  const show = useScreenStore((s) => s.show);
  const columns: GridColumn[] = COLUMNS.map((column) => {
    if (column.id === 'select')
      return { id: column.id, width: column.width, header: <SelectAll rows={rows} /> };
    const sort: SortOrder = query.sort.column === column.id ? query.sort.order : 'none';
    return { id: column.id, width: column.width, header: column.header, sort };
  });
  const renderCell = useCallback(
    (index: number, column: string) => {
      const row = rows[index];
      return row ? <Cell row={row} column={column as OverviewColumn | 'select'} /> : null;
    },
    [rows],
  );
  return (
    <VirtualGrid
      label="SCIM connections"
      columns={columns}
      rowCount={rows.length}
      rowHeight={ROW_HEIGHT}
      height={height}
      rowKey={(index) => rows[index]?.organizationId ?? String(index)}
      renderCell={renderCell}
      onSort={(column) => setQuery(sortBy(query, column as OverviewColumn))}
      onActivate={(index) => {
        const row = rows[index];
        if (row) show({ kind: 'connection', organizationId: row.organizationId });
      }}
      onToggle={(index) => {
        const row = rows[index];
        if (row) toggleSelected(row.organizationId);
      }}
      isSelected={(index) => selected.has(rows[index]?.organizationId ?? '')}
    />
  );
}

import {
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type UIEvent,
} from 'react';

/** How a column is sorted, in ARIA's words (the header says it through aria-sort). */
export type SortOrder = 'ascending' | 'descending' | 'none';

/** One column of a {@link VirtualGrid}. */
export interface GridColumn {
  id: string;
  /** What the header shows: its text, or a control such as "select all". */
  header: ReactNode;
  /** The column's CSS grid track, e.g. `minmax(10rem, 2fr)`. */
  width: string;
  /** Given on sortable columns: the header becomes a button that calls `onSort`. */
  sort?: SortOrder;
}

interface VirtualGridProps {
  /** The grid's accessible name. */
  label: string;
  columns: readonly GridColumn[];
  rowCount: number;
  /** Every row's height in pixels: fixed, so a row's place is its index times this. */
  rowHeight: number;
  /** The scrolling area's height in pixels. */
  height: number;
  rowKey: (index: number) => string;
  renderCell: (index: number, columnId: string) => ReactNode;
  onSort?: (columnId: string) => void;
  /** Enter on a row (e.g. open it). */
  onActivate?: (index: number) => void;
  /** Space on a row (e.g. select it); with it, rows say whether they are selected. */
  onToggle?: (index: number) => void;
  isSelected?: (index: number) => boolean;
  /** Rows drawn beyond each edge of the visible ones, so a fast scroll shows no blank. */
  overscan?: number;
}

/** The first and last row (exclusive) to draw for a scroll position. */
export function visibleRange(
  scrollTop: number,
  height: number,
  rowHeight: number,
  rowCount: number,
  overscan: number,
): { first: number; end: number } {
  const inView = Math.ceil(height / rowHeight);
  // A scroll position left from a longer list (before a filter) still shows the last rows.
  const top = Math.min(Math.floor(scrollTop / rowHeight), Math.max(0, rowCount - inView));
  const first = Math.max(0, top - overscan);
  const end = Math.min(rowCount, top + inView + overscan + 1);
  return { first, end };
}

/** Where the active row goes for a key, or null for a key the grid leaves alone. */
function nextIndex(key: string, active: number, rowCount: number, perPage: number): number | null {
  const last = rowCount - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, active + 1);
    case 'ArrowUp':
      return Math.max(0, active - 1);
    case 'PageDown':
      return Math.min(last, active + perPage);
    case 'PageUp':
      return Math.max(0, active - perPage);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** Scrolls `other` sideways as far as `scrolled` (the header and the rows move as one). */
function alignSideways(scrolled: HTMLElement, other: HTMLElement | null): void {
  // Only when they differ, so the scroll this sets does not echo back.
  if (other && other.scrollLeft !== scrolled.scrollLeft) other.scrollLeft = scrolled.scrollLeft;
}

function HeaderCell({
  column,
  index,
  onSort,
}: {
  column: GridColumn;
  index: number;
  onSort: ((columnId: string) => void) | undefined;
}) {
  const sortable = column.sort !== undefined && onSort !== undefined;
  return (
    <div
      role="columnheader"
      aria-colindex={index + 1}
      aria-sort={sortable ? column.sort : undefined}
      className="vgrid-header-cell"
    >
      {sortable ? (
        <button type="button" className="vgrid-sort" onClick={() => onSort(column.id)}>
          {column.header}
          <span aria-hidden="true" className="vgrid-sort-mark">
            {column.sort === 'ascending' ? '▲' : column.sort === 'descending' ? '▼' : ''}
          </span>
        </button>
      ) : (
        column.header
      )}
    </div>
  );
}

/**
 * A grid that draws only the rows in view (plus a few), so thousands of rows scroll as smoothly
 * as ten: rows have one fixed height, so each row's place follows from its index and nothing is
 * measured. It is an ARIA grid (aria-rowcount counts every row, drawn or not; each row has its
 * aria-rowindex). Keyboard: one row takes focus (Tab reaches it, Tab again leaves the grid);
 * arrows, Page Up/Down, Home and End move it, scrolling as needed; Enter activates the row and
 * Space toggles its selection. Controls inside cells are left out of the Tab order for that reason.
 */
export function VirtualGrid(props: VirtualGridProps) {
  const { label, columns, rowCount, rowHeight, height, rowKey, renderCell } = props;
  const { onSort, onActivate, onToggle, isSelected, overscan = 6 } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [activeIndex, setActiveIndex] = useState(0);
  // Set by a key that moved the active row: once drawn, the row takes focus.
  const focusPending = useRef(false);
  const active = Math.min(activeIndex, Math.max(0, rowCount - 1));
  const perPage = Math.max(1, Math.floor(height / rowHeight));
  const { first, end } = visibleRange(scrollTop, height, rowHeight, rowCount, overscan);
  const template = columns.map((column) => column.width).join(' ');
  // The row Tab reaches: the active one, or the first drawn once the active one scrolled away.
  const tabbable = active >= first && active < end ? active : first;

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    viewport.current
      ?.querySelector<HTMLElement>(`[data-row-index="${String(active)}"]`)
      ?.focus({ preventScroll: true });
  });

  const moveTo = (index: number) => {
    const element = viewport.current;
    if (element) {
      const top = index * rowHeight;
      // What shows of the rows: less than `height` under a horizontal scrollbar (a test DOM
      // measures nothing, hence `height` there).
      const seen = element.clientHeight || height;
      let next = element.scrollTop;
      if (top < next) next = top;
      else if (top + rowHeight > next + seen) next = top + rowHeight - seen;
      // Set here rather than waiting for the scroll event, which a test DOM never sends.
      element.scrollTop = next;
      setScrollTop(next);
    }
    focusPending.current = true;
    setActiveIndex(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    // Keys typed into a control inside a cell (a checkbox's Space) are the control's.
    if (target.dataset.rowIndex === undefined || rowCount === 0) return;
    if (event.key === 'Enter' && onActivate) {
      event.preventDefault();
      onActivate(active);
      return;
    }
    if (event.key === ' ' && onToggle) {
      event.preventDefault();
      onToggle(active);
      return;
    }
    const index = nextIndex(event.key, active, rowCount, perPage);
    if (index === null) return;
    event.preventDefault();
    moveTo(index);
  };

  const rows: ReactNode[] = [];
  for (let index = first; index < end; index += 1) {
    const selected = onToggle ? (isSelected?.(index) ?? false) : undefined;
    rows.push(
      <div
        key={rowKey(index)}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        data-row-index={index}
        tabIndex={index === tabbable ? 0 : -1}
        className={selected ? 'vgrid-row vgrid-row-selected' : 'vgrid-row'}
        style={{ height: rowHeight, gridTemplateColumns: template }}
        onFocus={(event) => {
          if (event.target === event.currentTarget) setActiveIndex(index);
        }}
      >
        {columns.map((column, columnIndex) => (
          <div
            key={column.id}
            role="gridcell"
            aria-colindex={columnIndex + 1}
            className="vgrid-cell"
          >
            {renderCell(index, column.id)}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      aria-multiselectable={onToggle ? true : undefined}
      className="vgrid"
    >
      {/* A narrow window scrolls the columns sideways in the rows' frame; the header, which has
          no scrollbar of its own, follows, and moves the rows when focus in it scrolls it. */}
      <div
        ref={head}
        role="rowgroup"
        className="vgrid-head"
        onScroll={(event: UIEvent<HTMLDivElement>) =>
          alignSideways(event.currentTarget, viewport.current)
        }
      >
        <div
          role="row"
          aria-rowindex={1}
          className="vgrid-row"
          style={{ gridTemplateColumns: template }}
        >
          {columns.map((column, index) => (
            <HeaderCell key={column.id} column={column} index={index} onSort={onSort} />
          ))}
        </div>
      </div>
      <div
        ref={viewport}
        role="rowgroup"
        className="vgrid-viewport"
        style={{ height }}
        onScroll={(event: UIEvent<HTMLDivElement>) => {
          setScrollTop(event.currentTarget.scrollTop);
          alignSideways(event.currentTarget, head.current);
        }}
        onKeyDown={onKeyDown}
      >
        <div className="vgrid-spacer" style={{ height: rowCount * rowHeight }}>
          <div
            className="vgrid-window"
            style={{ transform: `translateY(${String(first * rowHeight)}px)` }}
          >
            {rows}
          </div>
        </div>
      </div>
    </div>
  );
}

import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { VirtualGrid, visibleRange } from '../../../renderer/components/VirtualGrid';

afterEach(cleanup);

const ROW_HEIGHT = 40;
const HEIGHT = 400;

function Grid({
  rowCount,
  onActivate = () => undefined,
}: {
  rowCount: number;
  onActivate?: (index: number) => void;
}) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  return (
    <VirtualGrid
      label="Organizations"
      columns={[
        { id: 'name', header: 'Name', width: '1fr', sort: 'ascending' },
        { id: 'n', header: 'Number', width: '6rem' },
      ]}
      rowCount={rowCount}
      rowHeight={ROW_HEIGHT}
      height={HEIGHT}
      rowKey={(index) => `row-${String(index)}`}
      renderCell={(index, column) => (column === 'name' ? `Organization ${String(index)}` : index)}
      onSort={() => undefined}
      onActivate={onActivate}
      onToggle={(index) =>
        setSelected((before) => {
          const next = new Set(before);
          if (next.has(index)) next.delete(index);
          else next.add(index);
          return next;
        })
      }
      isSelected={(index) => selected.has(index)}
    />
  );
}

const bodyRows = () =>
  screen.getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1');

describe('VirtualGrid', () => {
  it('draws only the rows in view (and a few more) of 5,000, and counts all of them for assistive technology', () => {
    render(<Grid rowCount={5_000} />);

    const grid = screen.getByRole('grid', { name: 'Organizations' });
    expect(grid.getAttribute('aria-rowcount')).toBe('5001');
    // 10 rows fit in 400 px; 6 more are drawn below them, none above the first.
    expect(bodyRows()).toHaveLength(17);
    expect(bodyRows()[0]!.getAttribute('aria-rowindex')).toBe('2');
  });

  it('draws the rows at the scroll position, with their own row index', () => {
    render(<Grid rowCount={5_000} />);
    const viewport = screen.getAllByRole('rowgroup')[1]!;

    viewport.scrollTop = 2_500 * ROW_HEIGHT;
    fireEvent.scroll(viewport);

    const rows = bodyRows();
    expect(rows.length).toBeLessThanOrEqual(23);
    expect(within(rows[6]!).getByText('Organization 2500')).toBeTruthy();
    expect(rows[6]!.getAttribute('aria-rowindex')).toBe('2502');
  });

  it('moves focus row by row with the arrows and to the last row with End, drawing it', async () => {
    const user = userEvent.setup();
    render(<Grid rowCount={5_000} />);

    await user.tab();
    await user.tab();
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('2');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('Organization 2');
    await user.keyboard('{End}');
    expect(document.activeElement?.textContent).toContain('Organization 4999');
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('5001');
    expect(bodyRows().length).toBeLessThanOrEqual(23);
    await user.keyboard('{PageUp}');
    expect(document.activeElement?.textContent).toContain('Organization 4989');
    await user.keyboard('{Home}');
    expect(document.activeElement?.textContent).toContain('Organization 0');
  });

  it('activates the focused row with Enter and selects it with Space', async () => {
    const user = userEvent.setup();
    const onActivate = vi.fn();
    render(<Grid rowCount={50} onActivate={onActivate} />);

    await user.tab();
    await user.tab();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onActivate).toHaveBeenCalledWith(1);
    await user.keyboard(' ');
    expect(document.activeElement?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard(' ');
    expect(document.activeElement?.getAttribute('aria-selected')).toBe('false');
  });

  it('leaves the grid with one Tab, however many rows it has', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Grid rowCount={5_000} />
        <button type="button">After the grid</button>
      </>,
    );

    await user.tab();
    await user.tab();
    // The header's sort button, then the first row, then out.
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('2');
    await user.tab();
    expect(document.activeElement?.textContent).toBe('After the grid');
  });

  it('says how a sortable column is sorted on its header', () => {
    render(<Grid rowCount={3} />);
    const header = screen.getByRole('columnheader', { name: /Name/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: 'Number' }).hasAttribute('aria-sort')).toBe(
      false,
    );
  });
});

describe('visibleRange()', () => {
  it('never reaches past the last row', () => {
    expect(visibleRange(1_000_000, 400, 40, 100, 6)).toEqual({ first: 84, end: 100 });
  });
});

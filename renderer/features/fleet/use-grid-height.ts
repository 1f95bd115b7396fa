import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Below the grid: the page's bottom padding and the footer, with a little room to spare. */
const BELOW_GRID = 64;

/**
 * The grid's scrolling height: what the window leaves below the top of `grid` (the element that
 * holds the grid) once the grid's own header is counted, so the rows fill the screen and the
 * page itself does not scroll; at least `minRows` rows on a short window (the page scrolls then).
 * Measured again when the window or `above` (the controls over the grid, which grow when a plan
 * or a result opens) changes size.
 */
export function useGridHeight(
  grid: RefObject<HTMLElement | null>,
  above: RefObject<HTMLElement | null>,
  rowHeight: number,
  minRows: number,
): number {
  const least = minRows * rowHeight;
  const [height, setHeight] = useState(least);
  // The height last set, to tell the grid's header (its element's height less the rows) apart.
  const current = useRef(least);
  useLayoutEffect(() => {
    const fit = () => {
      const element = grid.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top + window.scrollY;
      const header = Math.max(0, element.offsetHeight - current.current);
      const next = Math.max(least, Math.floor(window.innerHeight - top - header - BELOW_GRID));
      current.current = next;
      setHeight(next);
    };
    fit();
    window.addEventListener('resize', fit);
    // jsdom has no ResizeObserver; the window's resize still refits there.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    if (above.current) observer?.observe(above.current);
    return () => {
      window.removeEventListener('resize', fit);
      observer?.disconnect();
    };
  }, [grid, above, least]);
  return height;
}

import { useEffect } from 'react';

import { MIN_SEARCH_LENGTH, useOrganizationStore } from '../../state/organization-store';

/**
 * Stytch allows 100 organization searches a minute, so typing waits this long after the last
 * key before asking.
 */
const SEARCH_DEBOUNCE_MS = 350;

/** True when the query is too short for Stytch's fuzzy search (but not empty). */
export function isTooShort(query: string): boolean {
  const length = query.trim().length;
  return length > 0 && length < MIN_SEARCH_LENGTH;
}

/** Searches for `query` once typing pauses; an empty query lists every organization. */
export function useDebouncedSearch(query: string): void {
  const trimmed = query.trim();
  useEffect(() => {
    const { loadedQuery, search } = useOrganizationStore.getState();
    if (isTooShort(trimmed) || trimmed === loadedQuery) return;
    // The first, unfiltered listing goes out at once; typing waits for a pause.
    const delay = loadedQuery === null && trimmed === '' ? 0 : SEARCH_DEBOUNCE_MS;
    const timer = setTimeout(() => void search(trimmed), delay);
    return () => clearTimeout(timer);
  }, [trimmed]);
}

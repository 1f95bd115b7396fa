import { useState } from 'react';

import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MIN_SEARCH_LENGTH, useOrganizationStore } from '../../state/organization-store';
import { OrganizationList } from './OrganizationList';
import { isTooShort, useDebouncedSearch } from './use-debounced-search';

function ResultCount() {
  const shown = useOrganizationStore((s) => s.results.length);
  const total = useOrganizationStore((s) => s.total);
  const loaded = useOrganizationStore((s) => s.loadedQuery !== null);
  if (!loaded) return null;
  if (shown === 0) return <>No organizations match.</>;
  // Stytch reports -1 when totals are disabled for the project.
  return total !== null && total >= 0 ? (
    <>
      Showing {shown} of {total}.
    </>
  ) : (
    <>Showing {shown}.</>
  );
}

/** Search, page through and pick the Stytch organization. */
export function OrganizationStep() {
  const [query, setQuery] = useState(() => useOrganizationStore.getState().loadedQuery ?? '');
  const busy = useOrganizationStore((s) => s.busy);
  const loadingMore = useOrganizationStore((s) => s.loadingMore);
  const failure = useOrganizationStore((s) => s.failure);
  const nextCursor = useOrganizationStore((s) => s.nextCursor);
  const loadMore = useOrganizationStore((s) => s.loadMore);
  const selected = useOrganizationStore((s) => s.selected);
  useDebouncedSearch(query);

  return (
    <div className="organizations" aria-busy={busy !== null}>
      <div className="field">
        <label htmlFor="organization-search">Search organizations</label>
        <input
          id="organization-search"
          type="search"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') document.getElementById('organization-list')?.focus();
          }}
          aria-describedby="organization-search-hint"
        />
        <p id="organization-search-hint" className="field-hint" aria-live="polite">
          {isTooShort(query)
            ? `Type at least ${MIN_SEARCH_LENGTH} characters to search by name.`
            : 'Search by name. Use the arrow keys in the list and Enter to choose.'}
        </p>
      </div>
      <p className="result-count" aria-live="polite">
        {busy === 'stytch:searchOrganizations' && !loadingMore ? (
          <Busy label="Searching…" />
        ) : (
          <ResultCount />
        )}
      </p>
      {failure && <ErrorNotice failure={failure} title="Couldn’t load organizations." />}
      <OrganizationList />
      {nextCursor !== null && (
        <button
          type="button"
          className="button"
          onClick={() => void loadMore()}
          disabled={busy !== null}
          aria-busy={loadingMore}
        >
          Load more
        </button>
      )}
      {loadingMore && <Busy label="Loading more organizations…" />}
      {busy === 'settings:update' && <Busy label="Saving your choice…" />}
      {selected && (
        <p className="selected-organization" role="status">
          Selected: <strong>{selected.name ?? selected.organizationId}</strong>
        </p>
      )}
    </div>
  );
}

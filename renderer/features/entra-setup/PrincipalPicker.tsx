import { useEffect, useState } from 'react';

import type { DirectoryPrincipal } from '../../../shared/entra/entra-views';
import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDirectoryStore, type PrincipalKind } from '../../state/directory-store';

/** Graph's directory search is throttled like any call: typing waits for a pause. */
const SEARCH_DEBOUNCE_MS = 350;

const WORDS = {
  user: { label: 'Search users', none: 'No user matches.' },
  group: { label: 'Search groups', none: 'No group matches.' },
} as const;

interface PrincipalPickerProps {
  kind: PrincipalKind;
  selected: readonly DirectoryPrincipal[];
  onAdd: (principal: DirectoryPrincipal) => void;
}

/** Searches the tenant's users or groups (debounced) and adds one to the selection. */
export function PrincipalPicker({ kind, selected, onAdd }: PrincipalPickerProps) {
  const [text, setText] = useState('');
  const results = useDirectoryStore((s) => s[kind]);
  const search = useDirectoryStore((s) => s.search);
  const trimmed = text.trim();
  useEffect(() => {
    if (trimmed === useDirectoryStore.getState()[kind].loadedText) return;
    // The first, unfiltered listing goes out at once; typing waits for a pause.
    const first = useDirectoryStore.getState()[kind].loadedText === null && trimmed === '';
    const timer = setTimeout(() => void search(kind, trimmed), first ? 0 : SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [kind, trimmed, search]);
  const id = `picker-${kind}`;
  const chosen = new Set(selected.map((p) => p.id));
  return (
    <div className="field picker" aria-busy={results.searching}>
      <label htmlFor={id}>{WORDS[kind].label}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <p className="result-count" aria-live="polite">
        {results.searching ? (
          <Busy label="Searching…" />
        ) : results.loadedText !== null && results.principals.length === 0 ? (
          WORDS[kind].none
        ) : (
          ''
        )}
      </p>
      {results.failure && (
        <ErrorNotice
          failure={results.failure}
          title="The directory search failed."
          requestIdLabel="Client request ID"
        />
      )}
      <ul className="principals" aria-label={`${kind === 'user' ? 'Users' : 'Groups'} found`}>
        {results.principals.map((principal) => (
          <li key={principal.id} className="option">
            <span className="option-name">{principal.displayName}</span>
            {principal.detail && <span className="option-slug">{principal.detail}</span>}
            <button
              type="button"
              className="button"
              disabled={chosen.has(principal.id)}
              onClick={() => onAdd(principal)}
              aria-label={`Add ${principal.displayName}`}
            >
              {chosen.has(principal.id) ? 'Added' : 'Add'}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

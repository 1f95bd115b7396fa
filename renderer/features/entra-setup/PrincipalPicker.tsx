import { useEffect, useState } from 'react';

import type { DirectoryPrincipal } from '../../../shared/entra/entra-views';
import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDirectoryStore, type PickerSlot } from '../../state/directory-store';

/** Graph's directory search is throttled like any call: typing waits for a pause. */
const SEARCH_DEBOUNCE_MS = 350;

// Each picker's own names, so two on one page never share a label, list name or button name.
const WORDS: Record<
  PickerSlot,
  { label: string; none: string; list: string; add: string; added: string }
> = {
  user: {
    label: 'Search users',
    none: 'No user matches.',
    list: 'Users found',
    add: 'Add',
    added: 'Added',
  },
  group: {
    label: 'Search groups',
    none: 'No group matches.',
    list: 'Groups found',
    add: 'Add',
    added: 'Added',
  },
  'on-demand-user': {
    label: 'Choose another user',
    none: 'No user matches.',
    list: 'Users found to provision on demand',
    add: 'Choose',
    added: 'Chosen',
  },
};

interface PrincipalPickerProps {
  slot: PickerSlot;
  /** Who is already picked (their Add or Choose button is disabled). */
  selected: readonly Pick<DirectoryPrincipal, 'id'>[];
  /** Ids already assigned to the app: shown as "Assigned" rather than offered again. */
  assigned?: readonly string[];
  onAdd: (principal: DirectoryPrincipal) => void;
}

/** Searches the tenant's users or groups (debounced) and hands the one picked to `onAdd`. */
export function PrincipalPicker({ slot, selected, assigned = [], onAdd }: PrincipalPickerProps) {
  const [text, setText] = useState('');
  const results = useDirectoryStore((s) => s[slot]);
  const search = useDirectoryStore((s) => s.search);
  const trimmed = text.trim();
  useEffect(() => {
    if (trimmed === useDirectoryStore.getState()[slot].loadedText) return;
    // The first, unfiltered listing goes out at once; typing waits for a pause.
    const first = useDirectoryStore.getState()[slot].loadedText === null && trimmed === '';
    const timer = setTimeout(() => void search(slot, trimmed), first ? 0 : SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [slot, trimmed, search]);
  const words = WORDS[slot];
  const id = `picker-${slot}`;
  const chosen = new Set(selected.map((p) => p.id));
  const already = new Set(assigned);
  // What a result's button says: picked here, already assigned (nothing left to do), or the offer.
  const buttonWord = (id: string) =>
    chosen.has(id) ? words.added : already.has(id) ? 'Assigned' : words.add;
  return (
    <div className="field picker" aria-busy={results.searching}>
      <label htmlFor={id}>{words.label}</label>
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
          words.none
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
      <ul className="principals" aria-label={words.list}>
        {results.principals.map((principal) => (
          <li key={principal.id} className="option">
            <span className="option-name">{principal.displayName}</span>
            {principal.detail && <span className="option-slug">{principal.detail}</span>}
            <button
              type="button"
              className="button"
              disabled={chosen.has(principal.id) || already.has(principal.id)}
              onClick={() => onAdd(principal)}
              aria-label={`${buttonWord(principal.id)} ${principal.displayName}`}
            >
              {buttonWord(principal.id)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

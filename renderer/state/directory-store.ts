import { create } from 'zustand';

import type { DirectoryPrincipal } from '../../shared/entra/entra-views';
import { call } from '../lib/api';
import type { Failure } from './failure';

/** What a picker searches for: the tenant's users or its groups. */
export type PrincipalKind = DirectoryPrincipal['kind'];

/** Which picker: assignment's users or groups, or provision on demand's user. */
export type PickerSlot = PrincipalKind | 'on-demand-user';

/** What each picker searches for. */
export const SLOT_KIND: Record<PickerSlot, PrincipalKind> = {
  user: 'user',
  group: 'group',
  'on-demand-user': 'user',
};

interface PickerResults {
  /** The text the results belong to (null: nothing loaded yet). */
  loadedText: string | null;
  principals: readonly DirectoryPrincipal[];
  searching: boolean;
  failure: Failure | null;
}

type DirectoryState = Record<PickerSlot, PickerResults> & {
  /** Searches the tenant for one picker (entra:searchDirectory); a slower, older answer is dropped. */
  search: (slot: PickerSlot, text: string) => Promise<void>;
};

const EMPTY: PickerResults = { loadedText: null, principals: [], searching: false, failure: null };

// Per picker, only the newest search may write its results.
const seq: Record<PickerSlot, number> = { user: 0, group: 0, 'on-demand-user': 0 };

/**
 * Step 7's pickers' search results: assignment's users and groups, and provision on demand's
 * user. Pickers search at once, so each keeps its own results, progress and failure rather than one
 * shared `busy`.
 */
export const useDirectoryStore = create<DirectoryState>()((set, get) => ({
  user: EMPTY,
  group: EMPTY,
  'on-demand-user': EMPTY,
  search: async (slot, text) => {
    const mine = ++seq[slot];
    set({ [slot]: { ...get()[slot], searching: true, failure: null } });
    const result = await call('entra:searchDirectory', { kind: SLOT_KIND[slot], text });
    if (mine !== seq[slot]) return;
    set({
      [slot]: result.ok
        ? { loadedText: text, principals: result.data.principals, searching: false, failure: null }
        : {
            ...get()[slot],
            searching: false,
            failure: { error: result.error, retry: () => void get().search(slot, text) },
          },
    });
  },
}));

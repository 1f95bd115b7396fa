import { create } from 'zustand';

import type { DirectoryPrincipal } from '../../shared/entra/entra-views';
import { call } from '../lib/api';
import type { Failure } from './failure';

/** Which picker: the tenant's users or its groups. */
export type PrincipalKind = DirectoryPrincipal['kind'];

interface PickerResults {
  /** The text the results belong to (null: nothing loaded yet). */
  loadedText: string | null;
  principals: readonly DirectoryPrincipal[];
  searching: boolean;
  failure: Failure | null;
}

type DirectoryState = Record<PrincipalKind, PickerResults> & {
  /** Searches the tenant (entra:searchDirectory); a slower, older answer is dropped. */
  search: (kind: PrincipalKind, text: string) => Promise<void>;
};

const EMPTY: PickerResults = { loadedText: null, principals: [], searching: false, failure: null };

// Per picker, only the newest search may write its results.
const seq: Record<PrincipalKind, number> = { user: 0, group: 0 };

/**
 * The assignment pickers' search results (step 7). Two pickers search at once, so each keeps its
 * own progress and failure rather than one shared `busy`.
 */
export const useDirectoryStore = create<DirectoryState>()((set, get) => ({
  user: EMPTY,
  group: EMPTY,
  search: async (kind, text) => {
    const mine = ++seq[kind];
    set({ [kind]: { ...get()[kind], searching: true, failure: null } });
    const result = await call('entra:searchDirectory', { kind, text });
    if (mine !== seq[kind]) return;
    set({
      [kind]: result.ok
        ? { loadedText: text, principals: result.data.principals, searching: false, failure: null }
        : {
            ...get()[kind],
            searching: false,
            failure: { error: result.error, retry: () => void get().search(kind, text) },
          },
    });
  },
}));

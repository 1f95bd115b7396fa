import { create } from 'zustand';

import type { OrganizationSummary } from '../../shared/stytch/views';
import { call } from '../lib/api';
import type { Failure } from './failure';
import { forgetAfter } from './forget-after';

/** Results per page: small enough to stay quick, since search can take seconds. */
const ORGANIZATION_PAGE_SIZE = 20;

/** Stytch's fuzzy name filters need at least this many characters. */
export const MIN_SEARCH_LENGTH = 3;

/** The chosen organization. `name` is null after a restart until the user picks again. */
export interface SelectedOrganization {
  organizationId: string;
  name: string | null;
}

interface OrganizationState {
  /** The query the current results belong to (null: nothing loaded yet). */
  loadedQuery: string | null;
  results: readonly OrganizationSummary[];
  nextCursor: string | null;
  total: number | null;
  busy: 'search' | 'more' | 'select' | null;
  failure: Failure | null;
  selected: SelectedOrganization | null;
  search: (query: string) => Promise<void>;
  loadMore: () => Promise<void>;
  select: (organization: OrganizationSummary) => Promise<void>;
  restore: (selected: SelectedOrganization | null) => void;
  clear: () => void;
}

// Only the newest search may write results: an older, slower answer is dropped.
let searchSeq = 0;

const NOTHING_LOADED = {
  loadedQuery: null,
  results: [],
  nextCursor: null,
  total: null,
  busy: null,
  failure: null,
  selected: null,
} as const;

/** Searching, paging and choosing the Stytch organization. */
export const useOrganizationStore = create<OrganizationState>()((set, get) => ({
  ...NOTHING_LOADED,
  search: async (query) => {
    const seq = ++searchSeq;
    set({ busy: 'search', failure: null });
    const result = await call('stytch:searchOrganizations', {
      query,
      limit: ORGANIZATION_PAGE_SIZE,
    });
    if (seq !== searchSeq) return;
    if (!result.ok) {
      set({ busy: null, failure: { error: result.error, retry: () => void get().search(query) } });
      return;
    }
    const { organizations, nextCursor, total } = result.data;
    set({ busy: null, loadedQuery: query, results: organizations, nextCursor, total });
  },
  loadMore: async () => {
    const { loadedQuery, nextCursor } = get();
    if (loadedQuery === null || nextCursor === null) return;
    const seq = searchSeq;
    set({ busy: 'more', failure: null });
    const result = await call('stytch:searchOrganizations', {
      query: loadedQuery,
      cursor: nextCursor,
      limit: ORGANIZATION_PAGE_SIZE,
    });
    if (seq !== searchSeq) return;
    if (!result.ok) {
      set({ busy: null, failure: { error: result.error, retry: () => void get().loadMore() } });
      return;
    }
    const seen = new Set(get().results.map((o) => o.organizationId));
    const fresh = result.data.organizations.filter((o) => !seen.has(o.organizationId));
    set({
      busy: null,
      results: [...get().results, ...fresh],
      nextCursor: result.data.nextCursor,
      total: result.data.total,
    });
  },
  select: async (organization) => {
    const previous = get().selected;
    const chosen: SelectedOrganization = {
      organizationId: organization.organizationId,
      name: organization.name,
    };
    if (previous?.organizationId === chosen.organizationId) {
      set({ selected: chosen });
      return;
    }
    set({ busy: 'select', failure: null });
    const saved = await call('settings:update', { organizationId: chosen.organizationId });
    if (!saved.ok) {
      set({
        busy: null,
        failure: { error: saved.error, retry: () => void get().select(organization) },
      });
      return;
    }
    set({ busy: null, selected: chosen });
    forgetAfter('choose-organization');
  },
  restore: (selected) => set({ selected }),
  clear: () => {
    searchSeq++;
    set({ ...NOTHING_LOADED });
  },
}));

import { create } from 'zustand';

import type { OrganizationSummary } from '../../shared/stytch/views';
import { call } from '../lib/api';
import type { Failure } from './failure';
import { forgetAfter } from './forget-after';
import { trackCall } from './track-call';

/** Results per page: small enough to stay quick, since search can take seconds. */
const ORGANIZATION_PAGE_SIZE = 20;

/** Stytch's fuzzy name filters need at least this many characters. */
export const MIN_SEARCH_LENGTH = 3;

/** The chosen organization; `name` as Stytch gave it when chosen (null in settings from before it was kept). */
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
  /** The channel of the call in flight (saving the choice is a settings update). */
  busy: 'stytch:searchOrganizations' | 'settings:update' | null;
  /** True while the search in flight asks for the next page, not a new query. */
  loadingMore: boolean;
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
  loadingMore: false,
  failure: null,
  selected: null,
} as const;

/** Searching, paging and choosing the Stytch organization. */
export const useOrganizationStore = create<OrganizationState>()((set, get) => ({
  ...NOTHING_LOADED,
  search: async (query) => {
    const seq = ++searchSeq;
    await trackCall(
      set,
      () => call('stytch:searchOrganizations', { query, limit: ORGANIZATION_PAGE_SIZE }),
      {
        start: { busy: 'stytch:searchOrganizations', loadingMore: false },
        end: { busy: null },
        retry: () => get().search(query),
        done: ({ organizations, nextCursor, total }) => ({
          loadedQuery: query,
          results: organizations,
          nextCursor,
          total,
        }),
        current: () => seq === searchSeq,
      },
    );
  },
  loadMore: async () => {
    const { loadedQuery, nextCursor } = get();
    if (loadedQuery === null || nextCursor === null) return;
    const seq = searchSeq;
    const request = { query: loadedQuery, cursor: nextCursor, limit: ORGANIZATION_PAGE_SIZE };
    await trackCall(set, () => call('stytch:searchOrganizations', request), {
      start: { busy: 'stytch:searchOrganizations', loadingMore: true },
      end: { busy: null, loadingMore: false },
      retry: () => get().loadMore(),
      done: (page) => {
        const seen = new Set(get().results.map((o) => o.organizationId));
        const fresh = page.organizations.filter((o) => !seen.has(o.organizationId));
        return {
          results: [...get().results, ...fresh],
          nextCursor: page.nextCursor,
          total: page.total,
        };
      },
      current: () => seq === searchSeq,
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
    const request = { organizationId: chosen.organizationId, organizationName: chosen.name };
    const saved = await trackCall(set, () => call('settings:update', request), {
      start: { busy: 'settings:update' },
      end: { busy: null },
      retry: () => get().select(organization),
      done: () => ({ selected: chosen }),
    });
    if (saved?.ok) forgetAfter('choose-organization');
  },
  restore: (selected) => set({ selected }),
  clear: () => {
    searchSeq++;
    set({ ...NOTHING_LOADED });
  },
}));

import { create } from 'zustand';

import type { AppInfo, AppMode, StytchStatus } from '../../shared/ipc';

/** A message main pushed through `app:notice`. */
export interface Notice {
  id: number;
  level: 'info' | 'warning';
  message: string;
}

interface AppState {
  info: AppInfo | null;
  status: StytchStatus | null;
  /** The project ID in the settings file, so a reconnect to the same project keeps progress. */
  savedProjectId: string | null;
  notices: readonly Notice[];
  setInfo: (info: AppInfo) => void;
  setStatus: (status: StytchStatus) => void;
  setSavedProjectId: (projectId: string | null) => void;
  addNotice: (notice: Omit<Notice, 'id'>) => void;
  dismissNotice: (id: number) => void;
}

let nextNoticeId = 1;

/** What main told us about itself and about the Stytch connection. */
export const useAppStore = create<AppState>()((set) => ({
  info: null,
  status: null,
  savedProjectId: null,
  notices: [],
  setInfo: (info) => set({ info }),
  setStatus: (status) => set({ status }),
  setSavedProjectId: (savedProjectId) => set({ savedProjectId }),
  addNotice: (notice) =>
    set((state) => ({ notices: [...state.notices, { ...notice, id: nextNoticeId++ }] })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));

/** Sandbox wins if either source says so: the label must never be missing in sandbox mode. */
export function selectMode(state: Pick<AppState, 'info' | 'status'>): AppMode | null {
  if (state.status?.mode === 'sandbox' || state.info?.mode === 'sandbox') return 'sandbox';
  return state.status?.mode ?? state.info?.mode ?? null;
}

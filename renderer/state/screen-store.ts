import { create } from 'zustand';

/**
 * Which screen the app shows once it has booted: the connections overview (home once a project
 * is connected), the set-up wizard, or one connection's page.
 */
export type Screen =
  { kind: 'overview' } | { kind: 'wizard' } | { kind: 'connection'; organizationId: string };

interface ScreenState {
  screen: Screen;
  show: (screen: Screen) => void;
}

/** Where the admin is between the overview, a connection's page and the wizard. */
export const useScreenStore = create<ScreenState>()((set) => ({
  screen: { kind: 'wizard' },
  show: (screen) => set({ screen }),
}));

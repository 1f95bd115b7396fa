import type { StoreApi } from 'zustand';

import { useAppStore } from './app-store';
import { useBootStore } from './boot';
import { useConnectionStore } from './connection-store';
import { useOrganizationStore } from './organization-store';
import { useProbeStore } from './probe-store';
import { useStytchStore } from './stytch-store';
import { useWizardStore } from './wizard-store';

function resetStore<T>(store: StoreApi<T>): void {
  store.setState(store.getInitialState(), true);
}

/** Puts every store back to its first state (tests call it between cases). */
export function resetStores(): void {
  resetStore(useAppStore);
  resetStore(useBootStore);
  resetStore(useConnectionStore);
  resetStore(useOrganizationStore);
  resetStore(useProbeStore);
  resetStore(useStytchStore);
  resetStore(useWizardStore);
}

import type { StoreApi } from 'zustand';

import { useAppStore } from '../../renderer/state/app-store';
import { useBootStore } from '../../renderer/state/boot';
import { useConnectionStore } from '../../renderer/state/connection-store';
import { useDirectoryStore } from '../../renderer/state/directory-store';
import { useEntraStore } from '../../renderer/state/entra-store';
import { useFleetStore } from '../../renderer/state/fleet-store';
import { useGroupRolesStore } from '../../renderer/state/group-roles-store';
import { useMicrosoftStore } from '../../renderer/state/microsoft-store';
import { useOrganizationStore } from '../../renderer/state/organization-store';
import { useProbeStore } from '../../renderer/state/probe-store';
import { useRotationSelectionStore } from '../../renderer/state/rotation-selection-store';
import { useScreenStore } from '../../renderer/state/screen-store';
import { useStepViewStore } from '../../renderer/state/step-view-store';
import { useStytchStore } from '../../renderer/state/stytch-store';
import { useWatchStore } from '../../renderer/state/watch-store';
import { useWizardStore } from '../../renderer/state/wizard-store';

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
  resetStore(useWatchStore);
  resetStore(useEntraStore);
  resetStore(useMicrosoftStore);
  resetStore(useDirectoryStore);
  resetStore(useFleetStore);
  resetStore(useScreenStore);
  resetStore(useGroupRolesStore);
  resetStore(useStepViewStore);
  resetStore(useRotationSelectionStore);
}

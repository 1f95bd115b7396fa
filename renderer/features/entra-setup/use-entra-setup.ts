import { useEffect } from 'react';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { useEntraStore } from '../../state/entra-store';
import { useOrganizationStore } from '../../state/organization-store';

/**
 * Reads the chosen organization's Entra side (entra:get) once per organization, and gives its
 * view only when it belongs to that organization.
 */
export function useEntraSetup(): { organizationId: string | null; view: EntraSetupView | null } {
  const organizationId = useOrganizationStore((s) => s.selected?.organizationId ?? null);
  const view = useEntraStore((s) =>
    s.view !== null && s.view.organizationId === organizationId ? s.view : null,
  );
  useEffect(() => {
    if (organizationId === null) return;
    const { organizationId: loaded, load } = useEntraStore.getState();
    if (loaded !== organizationId) void load(organizationId);
  }, [organizationId]);
  return { organizationId, view };
}

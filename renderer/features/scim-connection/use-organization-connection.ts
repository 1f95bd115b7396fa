import { useEffect } from 'react';

import { useConnectionStore } from '../../state/connection-store';
import { useOrganizationStore } from '../../state/organization-store';

/**
 * Makes sure the chosen organization's connection has been read from Stytch (once per
 * organization), so a step opened after a restart has what it needs.
 */
export function useOrganizationConnection(): { organizationId: string | null; ready: boolean } {
  const organizationId = useOrganizationStore((s) => s.selected?.organizationId ?? null);
  const loadedFor = useConnectionStore((s) => s.organizationId);

  useEffect(() => {
    if (organizationId === null) return;
    const { organizationId: loaded, busy, load } = useConnectionStore.getState();
    if (loaded !== organizationId && busy === null) void load(organizationId);
  }, [organizationId]);

  return { organizationId, ready: organizationId !== null && loadedFor === organizationId };
}

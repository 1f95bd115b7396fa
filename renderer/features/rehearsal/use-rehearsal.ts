import { useEffect } from 'react';

import { useRehearsalStore } from '../../state/rehearsal-store';
import type { WatchTarget } from '../../state/watch-store';

/** Reads the connection's rehearsal from main while the step is on screen, in sandbox mode only. */
export function useRehearsal(target: WatchTarget | null, sandbox: boolean): void {
  const organizationId = target?.organizationId ?? null;
  const connectionId = target?.connectionId ?? null;
  useEffect(() => {
    if (!sandbox || organizationId === null || connectionId === null) return;
    void useRehearsalStore.getState().load({ organizationId, connectionId });
  }, [sandbox, organizationId, connectionId]);
}

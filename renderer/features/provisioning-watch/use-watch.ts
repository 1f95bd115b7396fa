import { useEffect } from 'react';

import { api } from '../../lib/api';
import { useWatchStore, type WatchTarget } from '../../state/watch-store';

/**
 * Watches the connection while the step is on screen and the window is visible: main stops
 * polling Stytch when the admin looks elsewhere, and looks again as soon as they come back.
 */
export function useWatch(target: WatchTarget | null): void {
  const organizationId = target?.organizationId ?? null;
  const connectionId = target?.connectionId ?? null;
  useEffect(() => {
    if (organizationId === null || connectionId === null) return undefined;
    const store = useWatchStore.getState();
    const off = api.on('watch:update', (snapshot) => useWatchStore.getState().receive(snapshot));
    const follow = () => {
      if (document.visibilityState === 'hidden') void useWatchStore.getState().stop();
      else void useWatchStore.getState().start({ organizationId, connectionId });
    };
    void store.start({ organizationId, connectionId });
    document.addEventListener('visibilitychange', follow);
    return () => {
      document.removeEventListener('visibilitychange', follow);
      off();
      void useWatchStore.getState().stop();
    };
  }, [organizationId, connectionId]);
}

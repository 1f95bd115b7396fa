import { useEffect } from 'react';

import { api } from '../../lib/api';
import { useFleetStore } from '../../state/fleet-store';
import { useScreenStore } from '../../state/screen-store';
import { ConnectionPage } from './ConnectionPage';
import { ConnectionsOverview } from './ConnectionsOverview';

/**
 * The overview or one connection's page. Main's progress (a refresh, a health check) is followed
 * on both, so a check started on the overview keeps landing in the rows while a page is open.
 */
export function FleetHome() {
  const screen = useScreenStore((s) => s.screen);
  useEffect(() => {
    const off = api.on('fleet:progress', (progress) => useFleetStore.getState().receive(progress));
    const { loaded, busy, load, reread } = useFleetStore.getState();
    // Back from the wizard (which may have created a connection): main's list again, quietly.
    if (loaded) void reread();
    else if (busy !== 'fleet:overview') void load();
    return off;
  }, []);
  return screen.kind === 'connection' ? (
    <ConnectionPage organizationId={screen.organizationId} />
  ) : (
    <ConnectionsOverview />
  );
}

import { useEffect, useMemo } from 'react';

import { useConnectionStore } from '../../state/connection-store';
import { useGroupRolesStore } from '../../state/group-roles-store';
import { useWatchStore } from '../../state/watch-store';
import { ConnectionReading } from '../scim-connection/ConnectionReading';
import { useOrganizationConnection } from '../scim-connection/use-organization-connection';
import { GroupRolesPanel } from './GroupRolesPanel';

/** Active members per group name, from the watch's last look at this connection. */
function useMemberCounts(connectionId: string | null): ReadonlyMap<string, number> | null {
  const snapshot = useWatchStore((s) =>
    s.snapshot?.connectionId === connectionId ? s.snapshot : null,
  );
  return useMemo(() => {
    if (!snapshot) return null;
    const counts = new Map<string, number>();
    for (const member of snapshot.members) {
      if (member.status !== 'active') continue;
      for (const group of member.groups) counts.set(group, (counts.get(group) ?? 0) + 1);
    }
    return counts;
  }, [snapshot]);
}

/** The step after provisioning: map the SCIM groups Entra sent to the project's Stytch roles. */
export function GroupRolesStep() {
  const { ready } = useOrganizationConnection();
  const connection = useConnectionStore((s) => s.connection);
  const organizationId = connection?.organizationId ?? null;
  const connectionId = connection?.connectionId ?? null;
  const memberCounts = useMemberCounts(connectionId);
  const reload = () => {
    if (organizationId && connectionId)
      void useGroupRolesStore.getState().load({ organizationId, connectionId });
  };

  useEffect(() => {
    if (organizationId && connectionId)
      void useGroupRolesStore.getState().load({ organizationId, connectionId });
  }, [organizationId, connectionId]);

  if (!ready) return <ConnectionReading />;
  if (!connection) {
    return (
      <div className="notice notice-info">
        <p>This organization has no SCIM connection yet, so Entra cannot have sent any groups.</p>
      </div>
    );
  }
  return <GroupRolesPanel reload={reload} memberCounts={memberCounts} />;
}

import { useEffect } from 'react';

import { checklistKey } from '../../../shared/wizard/content';
import { useConnectionStore } from '../../state/connection-store';
import { useWatchStore } from '../../state/watch-store';
import { useWizardStore } from '../../state/wizard-store';
import { ConnectionReading } from '../scim-connection/ConnectionReading';
import { useOrganizationConnection } from '../scim-connection/use-organization-connection';
import { useWatch } from './use-watch';
import { WatchPanel } from './WatchPanel';

/** The checklist items the watch ticks itself, from what it sees in Stytch. */
export const ARRIVED_KEY = checklistKey('provision-users', 'member-arrived');
export const DEACTIVATED_KEY = checklistKey('provision-users', 'member-deactivated');

/** Ticks "a member arrived" and "a member was deactivated" once the watch has seen them. */
function useAutoTicks(): void {
  const seenMember = useWatchStore((s) => (s.snapshot?.counts.total ?? 0) > 0);
  const seenDeactivated = useWatchStore(
    (s) =>
      (s.snapshot?.counts.deactivated ?? 0) > 0 ||
      (s.snapshot?.timeline.some((change) => change.kind === 'deactivated') ?? false),
  );
  useEffect(() => {
    const { checklist, setChecked } = useWizardStore.getState();
    if (seenMember && !checklist[ARRIVED_KEY]) setChecked(ARRIVED_KEY, true);
    if (seenDeactivated && !checklist[DEACTIVATED_KEY]) setChecked(DEACTIVATED_KEY, true);
  }, [seenMember, seenDeactivated]);
}

/** Step 7: watch this connection's members arrive (and leave) in Stytch while Entra provisions. */
export function WatchStep() {
  const { ready } = useOrganizationConnection();
  const connection = useConnectionStore((s) => s.connection);
  useWatch(
    connection
      ? { organizationId: connection.organizationId, connectionId: connection.connectionId }
      : null,
  );
  useAutoTicks();

  if (!ready) return <ConnectionReading />;
  if (!connection) {
    return (
      <div className="notice notice-info">
        <p>This organization has no SCIM connection yet, so there is nothing to watch.</p>
      </div>
    );
  }
  return <WatchPanel />;
}

import { useEffect } from 'react';

import type { WatchSnapshot } from '../../../shared/provisioning/watch';
import { checklistKey } from '../../../shared/wizard/content';
import { selectMode, useAppStore } from '../../state/app-store';
import { useConnectionStore } from '../../state/connection-store';
import { useEntraStore } from '../../state/entra-store';
import { useWatchStore } from '../../state/watch-store';
import { useWizardStore } from '../../state/wizard-store';
import { ConnectionReading } from '../scim-connection/ConnectionReading';
import { RehearsalLog } from '../rehearsal/RehearsalLog';
import { RehearsalPanel } from '../rehearsal/RehearsalPanel';
import { useRehearsal } from '../rehearsal/use-rehearsal';
import { useOrganizationConnection } from '../scim-connection/use-organization-connection';
import { useWatch } from './use-watch';
import { WatchPanel } from './WatchPanel';

/** The checklist items the watch ticks itself, from what it sees in Stytch. */
export const ARRIVED_KEY = checklistKey('provision-users', 'member-arrived');
export const DEACTIVATED_KEY = checklistKey('provision-users', 'member-deactivated');

/**
 * Ticks "a member arrived" and "a member was deactivated" once the watch has seen them on the
 * connection on screen (a snapshot of the previous organization's connection ticks nothing).
 */
function useAutoTicks(connectionId: string | null): void {
  const snapshotOf = (snapshot: WatchSnapshot | null) =>
    snapshot !== null && snapshot.connectionId === connectionId ? snapshot : null;
  const seenMember = useWatchStore((s) => (snapshotOf(s.snapshot)?.counts.total ?? 0) > 0);
  const seenDeactivated = useWatchStore((s) => {
    const snapshot = snapshotOf(s.snapshot);
    return (
      (snapshot?.counts.deactivated ?? 0) > 0 ||
      (snapshot?.timeline.some((change) => change.kind === 'deactivated') ?? false)
    );
  });
  useEffect(() => {
    const { checklist, setChecked } = useWizardStore.getState();
    if (seenMember && !checklist[ARRIVED_KEY]) setChecked(ARRIVED_KEY, true);
    if (seenDeactivated && !checklist[DEACTIVATED_KEY]) setChecked(DEACTIVATED_KEY, true);
  }, [seenMember, seenDeactivated]);
}

/**
 * Step 7: watch this connection's members arrive (and leave) in Stytch while Entra provisions; in
 * sandbox mode, with a simulated Entra to provision from and its log.
 */
export function WatchStep() {
  const { ready } = useOrganizationConnection();
  const connection = useConnectionStore((s) => s.connection);
  // Only the sandbox is rehearsed: main refuses anything else, and the buttons are not offered.
  // When the assistant does the Entra steps, the sandbox tenant's own job provisions (its log is
  // in the job health panel), so a second simulated Entra beside it would only confuse.
  const assistant = useEntraStore((s) => s.choice === 'assistant');
  const sandbox = useAppStore((s) => selectMode(s) === 'sandbox') && !assistant;
  const target = connection
    ? { organizationId: connection.organizationId, connectionId: connection.connectionId }
    : null;
  useWatch(target);
  useRehearsal(target, sandbox);
  useAutoTicks(connection?.connectionId ?? null);

  if (!ready) return <ConnectionReading />;
  if (!connection) {
    return (
      <div className="notice notice-info">
        <p>This organization has no SCIM connection yet, so there is nothing to watch.</p>
      </div>
    );
  }
  if (!sandbox) return <WatchPanel />;
  return (
    <>
      <RehearsalPanel />
      <WatchPanel />
      <RehearsalLog />
    </>
  );
}

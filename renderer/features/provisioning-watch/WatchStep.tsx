import { selectMode, useAppStore } from '../../state/app-store';
import { useConnectionStore } from '../../state/connection-store';
import { useEntraStore } from '../../state/entra-store';
import { ConnectionReading } from '../scim-connection/ConnectionReading';
import { RehearsalLog } from '../rehearsal/RehearsalLog';
import { RehearsalPanel } from '../rehearsal/RehearsalPanel';
import { useRehearsal } from '../rehearsal/use-rehearsal';
import { useOrganizationConnection } from '../scim-connection/use-organization-connection';
import { useWatch } from './use-watch';
import { WatchPanel } from './WatchPanel';

/**
 * Watches the connection on screen (and, by hand in the sandbox, reads its rehearsal) while step
 * 7 is open. Answers whether the connection is read, and whether the rehearsal is offered.
 */
function useStepWatch(): { ready: boolean; rehearse: boolean } {
  const { ready } = useOrganizationConnection();
  const connection = useConnectionStore((s) => s.connection);
  // Only the sandbox is rehearsed: main refuses anything else, and the buttons are not offered.
  // When the assistant does the Entra steps, the sandbox tenant's own job provisions (its log is
  // in the job health panel), so a second simulated Entra beside it would only confuse.
  const assistant = useEntraStore((s) => s.choice === 'assistant');
  const rehearse = useAppStore((s) => selectMode(s) === 'sandbox') && !assistant;
  const target = connection
    ? { organizationId: connection.organizationId, connectionId: connection.connectionId }
    : null;
  useWatch(target);
  useRehearsal(target, rehearse);
  return { ready, rehearse };
}

/** The members in Stytch (with the rehearsal around them when offered), once the connection is read. */
function WatchView({ ready, rehearse }: { ready: boolean; rehearse: boolean }) {
  const connection = useConnectionStore((s) => s.connection);
  if (!ready) return <ConnectionReading />;
  if (!connection) {
    return (
      <div className="notice notice-info">
        <p>This organization has no SCIM connection yet, so there is nothing to watch.</p>
      </div>
    );
  }
  if (!rehearse) return <WatchPanel />;
  return (
    <>
      <RehearsalPanel />
      <WatchPanel />
      <RehearsalLog />
    </>
  );
}

/**
 * Step 7: watch this connection's members arrive (and leave) in Stytch while Entra provisions; in
 * sandbox mode, with a simulated Entra to provision from and its log.
 */
export function WatchStep() {
  return <WatchView {...useStepWatch()} />;
}

/**
 * Step 7 in parts (assistant mode): keeps the watch going whichever part is open, so the
 * checklist and Next follow Stytch on every part. Shows nothing.
 */
export function KeepWatching() {
  useStepWatch();
  return null;
}

/** Step 7's watch part (assistant mode): the members in Stytch, watched by {@link KeepWatching}. */
export function WatchMembers() {
  const { ready } = useOrganizationConnection();
  return <WatchView ready={ready} rehearse={false} />;
}

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

import { useConnectionStore } from '../../state/connection-store';
import { ConnectionReading } from '../scim-connection/ConnectionReading';
import { useOrganizationConnection } from '../scim-connection/use-organization-connection';
import { GroupRolesPanel } from './GroupRolesPanel';

/** The step after provisioning: map the SCIM groups Entra sent to the project's Stytch roles. */
export function GroupRolesStep() {
  const { ready } = useOrganizationConnection();
  const connection = useConnectionStore((s) => s.connection);
  if (!ready) return <ConnectionReading />;
  if (!connection) {
    return (
      <div className="notice notice-info">
        <p>This organization has no SCIM connection yet, so Entra cannot have sent any groups.</p>
      </div>
    );
  }
  return (
    <GroupRolesPanel
      organizationId={connection.organizationId}
      connectionId={connection.connectionId}
    />
  );
}

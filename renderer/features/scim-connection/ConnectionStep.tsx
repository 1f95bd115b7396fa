import type { ComponentType } from 'react';

import type { ScimConnectionView, SecretHandle } from '../../../shared/stytch/views';
import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useConnectionStore } from '../../state/connection-store';
import { CreateConnectionForm } from './CreateConnectionForm';
import { ExistingConnection } from './ExistingConnection';
import { KeychainWarning } from './KeychainWarning';
import { TokenExpiryLine } from './TokenExpiry';
import { useOrganizationConnection } from './use-organization-connection';

function Created() {
  const connection = useConnectionStore((s) => s.connection);
  const keychainWarning = useConnectionStore((s) => s.keychainWarning);
  if (!connection) return null;
  const handle: SecretHandle = { kind: 'scim-token', connectionId: connection.connectionId };
  return (
    <div className="created">
      <p className="notice notice-success" role="status">
        Created “{connection.displayName}”.{' '}
        {keychainWarning ? '' : 'Its token is saved in your system keychain.'} Choose Next to paste
        the credentials into Entra.
      </p>
      <TokenExpiryLine subject="Its token" expiresAt={connection.bearerTokenExpiresAt} />
      {keychainWarning && <KeychainWarning warning={keychainWarning} handle={handle} />}
    </div>
  );
}

/**
 * What a rotation in progress shows instead (the rotation feature's panel, handed in by the wizard
 * so this folder does not depend on the credentials it hands over).
 */
export type RotationView = ComponentType<{ connection: ScimConnectionView }>;

function Body({ organizationId, Rotation }: { organizationId: string; Rotation: RotationView }) {
  const connection = useConnectionStore((s) => s.connection);
  const createdThisRun = useConnectionStore((s) => s.createdThisRun);
  // A rotation across Stytch and Entra that just finished keeps its panel (its steps and gap).
  const rotationShown = useConnectionStore(
    (s) =>
      s.rotation.outcome !== null &&
      !s.rotation.dismissed &&
      s.rotation.connectionId === s.connection?.connectionId,
  );
  if (!connection) return <CreateConnectionForm organizationId={organizationId} />;
  if (connection.rotating || rotationShown) return <Rotation connection={connection} />;
  if (createdThisRun) return <Created />;
  return <ExistingConnection connection={connection} />;
}

/** Creates the organization's SCIM connection, or deals with the one it already has. */
export function ConnectionStep({ Rotation }: { Rotation: RotationView }) {
  const { organizationId, ready } = useOrganizationConnection();
  const busy = useConnectionStore((s) => s.busy);
  const failure = useConnectionStore((s) => s.failure);
  const outcome = useConnectionStore((s) => s.outcome);
  if (organizationId === null) return <p>Choose an organization first.</p>;
  return (
    <div className="connection" aria-busy={busy !== null}>
      {busy === 'scim:getConnection' && <Busy label="Looking for an existing SCIM connection…" />}
      <p className="outcome" role="status">
        {outcome}
      </p>
      {failure && <ErrorNotice failure={failure} title="The SCIM connection call failed." />}
      {ready && <Body organizationId={organizationId} Rotation={Rotation} />}
    </div>
  );
}

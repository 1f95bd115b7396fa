import type { SecretHandle } from '../../../shared/stytch/views';
import { PASTED_KEY } from '../../../shared/wizard/content';
import { useConnectionStore } from '../../state/connection-store';
import { useEntraStore } from '../../state/entra-store';
import { useWizardStore } from '../../state/wizard-store';
import { ProbePanel } from '../probe/ProbePanel';
import { KeychainWarning } from '../scim-connection/KeychainWarning';
import { TokenExpiryWarning } from '../scim-connection/TokenExpiry';
import { ConnectionReading } from '../scim-connection/ConnectionReading';
import { useOrganizationConnection } from '../scim-connection/use-organization-connection';
import { CredentialsPanel } from './CredentialsPanel';

function BackToConnection({ text }: { text: string }) {
  const goTo = useWizardStore((s) => s.goTo);
  return (
    <div className="notice notice-info">
      <p>{text}</p>
      <button type="button" className="button" onClick={() => goTo('create-scim-connection')}>
        Go to Create the SCIM connection
      </button>
    </div>
  );
}

/**
 * Tenant URL and Secret Token for Entra, then the assistant's connection check. When the
 * assistant does the Entra steps, the values to paste fold away (it saves them in Entra itself)
 * and the check is a part of its own ({@link ConnectionCheck}).
 */
export function CredentialsStep() {
  const { ready } = useOrganizationConnection();
  const connection = useConnectionStore((s) => s.connection);
  const keychainWarning = useConnectionStore((s) => s.keychainWarning);
  const rotateStart = useConnectionStore((s) => s.rotateStart);
  const assistant = useEntraStore((s) => s.choice === 'assistant');
  const goTo = useWizardStore((s) => s.goTo);
  const pasted = useWizardStore((s) => Boolean(s.checklist[PASTED_KEY]));
  const setChecked = useWizardStore((s) => s.setChecked);

  if (!ready) return <ConnectionReading />;
  if (!connection) return <BackToConnection text="This organization has no SCIM connection yet." />;
  if (connection.rotating) {
    return <BackToConnection text="A token rotation is in progress. Finish or cancel it first." />;
  }
  const handle: SecretHandle = { kind: 'scim-token', connectionId: connection.connectionId };
  // The rotation itself happens on the connection step, which shows its progress and outcome.
  const rotateFromConnectionStep = () => {
    goTo('create-scim-connection');
    void rotateStart();
  };
  const panel = (
    <CredentialsPanel
      tenantUrl={connection.tenantUrl}
      handle={handle}
      token={connection.token}
      tokenExpiresAt={connection.bearerTokenExpiresAt}
      pasted={pasted}
      onPastedChange={(value) => setChecked(PASTED_KEY, value)}
    />
  );
  return (
    <div className="credentials-step">
      <TokenExpiryWarning
        expiresAt={connection.bearerTokenExpiresAt}
        onRotate={rotateFromConnectionStep}
      />
      {keychainWarning && <KeychainWarning warning={keychainWarning} handle={handle} />}
      {assistant ? (
        <details className="by-hand">
          <summary>How to do this by hand: the values to paste into Entra</summary>
          {panel}
        </details>
      ) : (
        <>
          {panel}
          <ConnectionCheck />
        </>
      )}
    </div>
  );
}

/** The assistant's connection check for the organization's connection, once there is one. */
export function ConnectionCheck() {
  const connection = useConnectionStore((s) => s.connection);
  if (connection === null || connection.rotating) return null;
  return (
    <ProbePanel
      target={{
        organizationId: connection.organizationId,
        tenantUrl: connection.tenantUrl,
        token: { kind: 'scim-token', connectionId: connection.connectionId },
      }}
    />
  );
}

import { useState } from 'react';

import type { ScimConnectionView, SecretHandle } from '../../../shared/stytch/views';
import { Busy } from '../../components/Busy';
import { useConnectionStore } from '../../state/connection-store';
import { probeTargetKey, useProbeStore } from '../../state/probe-store';
import { CredentialsPanel } from '../credentials/CredentialsPanel';
import { ProbePanel } from '../probe/ProbePanel';
import { KeychainWarning } from '../scim-connection/KeychainWarning';
import { TokenExpiryLine } from '../scim-connection/TokenExpiry';

/** Drops the new token and keeps the old one. */
function CancelRotation({ primary = false }: { primary?: boolean }) {
  const busy = useConnectionStore((s) => s.busy);
  const rotateCancel = useConnectionStore((s) => s.rotateCancel);
  return (
    <>
      <button
        type="button"
        className={primary ? 'button button-primary' : 'button'}
        onClick={() => void rotateCancel()}
        disabled={busy !== null}
      >
        Cancel rotation
      </button>
      {busy === 'scim:rotateCancel' && <Busy label="Keeping the old token…" />}
    </>
  );
}

/** A rotation in progress: new token into Entra, test it, then finish (or cancel). */
export function RotationPanel({ connection }: { connection: ScimConnectionView }) {
  const [pasted, setPasted] = useState(false);
  const busy = useConnectionStore((s) => s.busy);
  const keychainWarning = useConnectionStore((s) => s.keychainWarning);
  const rotateComplete = useConnectionStore((s) => s.rotateComplete);
  const handle: SecretHandle = { kind: 'scim-next-token', connectionId: connection.connectionId };
  const target = {
    organizationId: connection.organizationId,
    tenantUrl: connection.tenantUrl,
    token: handle,
  };
  // A warning, not a gate: the SCIM endpoint may be unreachable from this computer and still
  // fine for Entra, which calls it from Microsoft's cloud.
  const newTokenPassed = useProbeStore(
    (s) =>
      s.targetKey === probeTargetKey(target) &&
      s.report?.checks.some((c) => c.id === 'test-connection' && c.status === 'pass') === true,
  );
  // Stytch shows the new token once; if its answer was lost, finishing would lock Entra out.
  const nextTokenLost = connection.nextToken === null || connection.nextToken.storage === 'none';

  if (nextTokenLost) {
    return (
      <div className="rotation" aria-busy={busy !== null}>
        <h3>A rotation is in progress, but this computer does not have its new token</h3>
        <p>
          Stytch shows a new token only once, and this one never reached the app. The current token
          still works. Cancel this rotation, then rotate again to get a new token you can use.
        </p>
        <div className="actions">
          <CancelRotation primary />
        </div>
      </div>
    );
  }

  return (
    <div className="rotation" aria-busy={busy !== null}>
      <h3>Rotating the token</h3>
      <p>
        Both tokens work until you finish. Put the new one in Entra’s Secret Token field (the Tenant
        URL stays the same), save, test it here, then finish the rotation.
      </p>
      <TokenExpiryLine subject="The current token" expiresAt={connection.bearerTokenExpiresAt} />
      {keychainWarning && <KeychainWarning warning={keychainWarning} handle={handle} />}
      <CredentialsPanel
        tenantUrl={connection.tenantUrl}
        handle={handle}
        token={connection.nextToken}
        tokenLabel="New Secret Token"
        tokenExpiresAt={connection.nextBearerTokenExpiresAt}
        pasted={pasted}
        onPastedChange={setPasted}
      />
      <ProbePanel target={target} />
      {pasted && !newTokenPassed && (
        <p className="notice notice-warning">
          The new token has not passed the assistant’s connection check yet. Finish only once
          Entra’s own Test Connection succeeds with it, or Entra’s provisioning stops when the old
          token does.
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void rotateComplete()}
          disabled={busy !== null || !pasted}
        >
          Finish rotation
        </button>
        <CancelRotation />
        {busy === 'scim:rotateComplete' && <Busy label="Making the new token the only one…" />}
      </div>
      <p className="field-hint">
        Finishing stops the old token from working. Cancelling keeps the old token and discards the
        new one.
      </p>
    </div>
  );
}

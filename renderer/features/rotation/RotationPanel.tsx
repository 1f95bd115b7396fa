import { useEffect, useState } from 'react';

import type { RotationInfo } from '../../../shared/rotation/rotation';
import type { ScimConnectionView, SecretHandle } from '../../../shared/stytch/views';
import { Busy } from '../../components/Busy';
import { api } from '../../lib/api';
import { useConnectionStore } from '../../state/connection-store';
import { probeTargetKey, useProbeStore } from '../../state/probe-store';
import { CredentialsPanel } from '../credentials/CredentialsPanel';
import { ProbePanel } from '../probe/ProbePanel';
import { KeychainWarning } from '../scim-connection/KeychainWarning';
import { TokenExpiryLine } from '../scim-connection/TokenExpiry';
import { RotationDone, RotationRun, RotationStopped } from './RotationRun';

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

/** Why the assistant cannot do both sides here, and how it could. */
const WHY_BY_HAND: Readonly<Record<NonNullable<RotationInfo['across']['reason']>, string>> = {
  'not-signed-in':
    'To let the assistant save the token in Entra too, sign in to Microsoft and link this organization’s Entra app (step 3).',
  'no-app':
    'No Entra app is linked to this organization for the tenant you are signed in to, so the token goes into Entra by hand.',
  'other-account':
    'Another Microsoft account linked this organization’s Entra app; sign in as that account to let the assistant save the token in Entra.',
};

/**
 * The hand-over by hand, in the order Stytch allows. Pending token accepted: Entra first, then
 * finish. Otherwise (Stytch's documented reading, or no answer): Stytch accepts the new token
 * only once the rotation is finished, and from then on refuses the old one, so Entra gets it
 * straight after finishing. Both orders keep the current token working until the finish.
 */
function HandOver({ connection }: { connection: ScimConnectionView }) {
  const [ready, setReady] = useState(false);
  const busy = useConnectionStore((s) => s.busy);
  const rotation = useConnectionStore((s) => s.rotation);
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
  const accepted = rotation.check?.accepted === true;
  const reason = rotation.info?.across.reason ?? null;
  const credentials = (
    <CredentialsPanel
      tenantUrl={connection.tenantUrl}
      handle={handle}
      token={connection.nextToken}
      tokenLabel="New Secret Token"
      tokenExpiresAt={connection.nextBearerTokenExpiresAt}
      pasted={ready}
      onPastedChange={setReady}
      pastedLabel={
        accepted
          ? "I've pasted both into Entra"
          : 'I have copied the new token, and Entra’s Admin Credentials are open'
      }
    />
  );
  return (
    <section className="rotation-hand-over" aria-labelledby="hand-over-title">
      <h4 id="hand-over-title">Hand the new token to Entra yourself</h4>
      {reason !== null && <p className="field-hint">{WHY_BY_HAND[reason]}</p>}
      {rotation.check === null && rotation.checkError === null && (
        <Busy label="Asking Stytch whether it accepts the new token yet…" />
      )}
      {rotation.checkError !== null && (
        <p className="notice notice-warning" role="status">
          The assistant could not find out whether Stytch accepts the new token before you finish (
          {rotation.checkError.message.replace(/\.$/, '')}), so follow the order that works either
          way.
        </p>
      )}
      {accepted ? (
        <>
          <p>
            Stytch already accepts the new token (the assistant just asked it), and the current one
            keeps working until you finish. So Entra can switch first:
          </p>
          <ol>
            <li>
              Paste the new token into Entra’s Secret Token field (the Tenant URL stays the same),
              and save.
            </li>
            <li>Run Test Connection in Entra, or check the connection here.</li>
            <li>Finish the rotation here: the old token then stops working.</li>
          </ol>
          {credentials}
          <ProbePanel target={target} />
          {ready && !newTokenPassed && (
            <p className="notice notice-warning">
              The new token has not passed the assistant’s connection check yet. Finish only once
              Entra’s own Test Connection succeeds with it, or Entra’s provisioning stops when the
              old token does.
            </p>
          )}
        </>
      ) : (
        <>
          <p>
            Stytch accepts the new token only once you finish the rotation, and from then on it
            refuses the current one. Until Entra has the new token, its provisioning fails, so keep
            that gap short:
          </p>
          <ol>
            <li>
              Open Entra’s provisioning page at Admin Credentials, and copy the new token below.
            </li>
            <li>Finish the rotation here.</li>
            <li>
              Straight away paste the new token into Entra’s Secret Token field (the Tenant URL
              stays the same), save, and run Test Connection. If the clipboard was cleared
              meanwhile, copy it again from this step: it is now the connection’s token.
            </li>
          </ol>
          {credentials}
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void rotateComplete()}
          disabled={busy !== null || !ready}
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
    </section>
  );
}

/**
 * A rotation in progress: the assistant does both sides when it can (signed in to the tenant
 * with this organization's Entra app linked), else the hand-over by hand in the right order.
 */
export function RotationPanel({ connection }: { connection: ScimConnectionView }) {
  const busy = useConnectionStore((s) => s.busy);
  const keychainWarning = useConnectionStore((s) => s.keychainWarning);
  const rotation = useConnectionStore((s) => s.rotation);
  const loadRotation = useConnectionStore((s) => s.loadRotation);
  const { connectionId } = connection;
  // Stytch shows the new token once; if its answer was lost, finishing would lock Entra out.
  const nextTokenLost = connection.nextToken === null || connection.nextToken.storage === 'none';
  const finishedHere = !connection.rotating;
  useEffect(() => {
    // Nothing to hand over without the new token, or once the rotation is over.
    if (!nextTokenLost && !finishedHere) void loadRotation();
  }, [connectionId, nextTokenLost, finishedHere, loadRotation]);
  useEffect(
    () =>
      api.on('rotation:progress', (p) => useConnectionStore.getState().receiveRotationProgress(p)),
    [],
  );
  const mine = rotation.connectionId === connectionId;
  const finished = mine && !rotation.dismissed && !connection.rotating ? rotation.outcome : null;
  if (finished?.outcome === 'rotated') return <RotationDone outcome={finished} />;
  if (finished?.outcome === 'failed') return <RotationStopped outcome={finished} />;
  const handle: SecretHandle = { kind: 'scim-next-token', connectionId };

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

  const across = mine ? rotation.info?.across : undefined;
  return (
    <div className="rotation" aria-busy={busy !== null}>
      <h3>Rotating the token</h3>
      <p>
        Stytch has issued a new token. The current token keeps working in Stytch and Entra until the
        rotation is finished.
      </p>
      <TokenExpiryLine subject="The current token" expiresAt={connection.bearerTokenExpiresAt} />
      {keychainWarning && <KeychainWarning warning={keychainWarning} handle={handle} />}
      {across === undefined && <Busy label="Looking at Entra…" />}
      {across?.available === true && (
        <>
          <RotationRun />
          <div className="actions">
            <CancelRotation />
          </div>
        </>
      )}
      {across?.available === false && <HandOver connection={connection} />}
    </div>
  );
}

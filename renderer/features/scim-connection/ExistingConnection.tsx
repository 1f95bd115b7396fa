import { useState } from 'react';

import type { ScimConnectionView } from '../../../shared/stytch/views';
import { Busy } from '../../components/Busy';
import { useConnectionStore } from '../../state/connection-store';
import { useWizardStore } from '../../state/wizard-store';
import { tokenExpiryWarning } from '../../../shared/wizard/token-expiry';
import { ConnectionDetails, tokenSentence } from './ConnectionDetails';
import { DeleteConnection } from './DeleteConnection';
import { expiryNow, TokenExpiryWarning } from './TokenExpiry';

/**
 * The organization already has a connection: reuse its token or rotate it (the ways forward),
 * inspect it, or delete it in the danger zone at the end.
 */
export function ExistingConnection({ connection }: { connection: ScimConnectionView }) {
  const [showDetails, setShowDetails] = useState(false);
  const busy = useConnectionStore((s) => s.busy);
  const rotateStart = useConnectionStore((s) => s.rotateStart);
  const next = useWizardStore((s) => s.next);
  const tokenSaved = connection.token.storage !== 'none';
  // One primary action: rotating, when the token is about to expire, else using the saved one.
  const expiring = tokenExpiryWarning(expiryNow(connection.bearerTokenExpiresAt)) !== null;

  return (
    <div className="existing" aria-busy={busy !== null}>
      <p className="notice notice-info">
        This organization already has a SCIM connection, “{connection.displayName}”. Stytch allows
        one per organization, so the assistant will not create another.
      </p>
      <TokenExpiryWarning
        expiresAt={connection.bearerTokenExpiresAt}
        onRotate={() => void rotateStart()}
      />
      <p>
        {tokenSentence(connection.token)} It {expiryNow(connection.bearerTokenExpiresAt).phrase}.
      </p>
      <div className="choices">
        {tokenSaved ? (
          <div className="choice">
            <button
              type="button"
              className={expiring ? 'button' : 'button button-primary'}
              onClick={next}
            >
              Use the saved token
            </button>
            <p className="field-hint">Continue with the token this computer already has.</p>
          </div>
        ) : (
          <p className="note">
            Stytch shows a token only when it is created, so without a saved copy the way forward is
            a new token.
          </p>
        )}
        <div className="choice">
          <button
            type="button"
            // Without a saved token, rotating is the way forward (unless the expiry warning offers it).
            className={!tokenSaved && !expiring ? 'button button-primary' : 'button'}
            onClick={() => void rotateStart()}
            disabled={busy !== null}
          >
            Rotate the token
          </button>
          <p className="field-hint">
            Stytch issues a new token; the current one keeps working until you finish.
          </p>
          {busy === 'scim:rotateStart' && <Busy label="Asking Stytch for a new token…" />}
        </div>
      </div>
      <button
        type="button"
        className="button button-link"
        aria-expanded={showDetails}
        onClick={() => setShowDetails(!showDetails)}
      >
        {showDetails ? 'Hide connection details' : 'Show connection details'}
      </button>
      {showDetails && <ConnectionDetails connection={connection} />}
      <DeleteConnection />
    </div>
  );
}

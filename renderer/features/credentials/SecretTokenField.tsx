import { useState } from 'react';

import type { SecretHandle, TokenStatus } from '../../../shared/stytch/views';
import { Busy } from '../../components/Busy';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../lib/api';
import type { Failure } from '../../state/failure';
import { CredentialField } from './CredentialField';

interface SecretTokenFieldProps {
  label: string;
  handle: SecretHandle;
  token: TokenStatus | null;
}

/** Masks everything but the last four characters, which the admin can match in Entra. */
function maskToken(token: TokenStatus | null): string {
  return token?.last4 ? `••••••••••••${token.last4}` : '••••••••••••';
}

/**
 * The token, masked, with Copy (done by main) and a one-time Reveal. A revealed value lives in
 * this component's state only: it is gone when the user leaves the step, and never reaches a
 * store.
 */
export function SecretTokenField({ label, handle, token }: SecretTokenFieldProps) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const available = token !== null && token.storage !== 'none';

  const reveal = async () => {
    setRevealing(true);
    setFailure(null);
    const result = await call('secrets:reveal', { handle });
    setRevealing(false);
    if (result.ok) setRevealed(result.data.value);
    else setFailure({ error: result.error, retry: () => void reveal() });
  };

  return (
    <CredentialField
      id={`token-${handle.kind}`}
      label={label}
      value={revealed ?? maskToken(token)}
      actions={
        <>
          <CopyButton
            label={`Copy ${label}`}
            request={{ kind: 'secret', handle }}
            disabled={!available}
          />
          {revealed === null && (
            <button
              type="button"
              className="button"
              onClick={() => void reveal()}
              disabled={!available || revealing}
              aria-busy={revealing}
            >
              Reveal {label}
            </button>
          )}
        </>
      }
      hint={
        !available
          ? 'This token is not saved on this computer, so it cannot be copied or shown.'
          : revealed === null
            ? 'Masked. Reveal shows it once, until you leave this step.'
            : 'Shown until you leave this step.'
      }
    >
      {revealing && <Busy label="Reading the token from the keychain…" />}
      {failure && <ErrorNotice failure={failure} title="Couldn’t show the token." />}
    </CredentialField>
  );
}

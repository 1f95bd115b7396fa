import {
  tokenExpiry,
  tokenExpiryWarning,
  type TokenExpiry,
} from '../../../shared/wizard/token-expiry';
import { TitledNotice } from '../../components/TitledNotice';
import { useConnectionStore } from '../../state/connection-store';

/**
 * A token's expiry as of this render. Read on each render rather than kept: a step is not on
 * screen for long, and every change of step renders it again.
 */
export function expiryNow(expiresAt: string | null): TokenExpiry {
  return tokenExpiry(expiresAt, new Date());
}

/** One line naming a token and its expiry: "Secret Token expires in 11 months (2029-03-20)." */
export function TokenExpiryLine({
  subject,
  expiresAt,
}: {
  subject: string;
  expiresAt: string | null;
}) {
  return (
    <p className="field-hint token-expiry">
      {subject} {expiryNow(expiresAt).phrase}.
    </p>
  );
}

/**
 * Shown once the token is inside the warning window or has expired: why it matters, and a
 * button that starts the rotation (`onRotate`, which may also take the user to the rotation).
 */
export function TokenExpiryWarning({
  expiresAt,
  onRotate,
}: {
  expiresAt: string | null;
  onRotate: () => void;
}) {
  const busy = useConnectionStore((s) => s.busy);
  const warning = tokenExpiryWarning(expiryNow(expiresAt));
  if (!warning) return null;
  return (
    <TitledNotice
      tone="warning"
      className="token-expiry-warning"
      title={warning.title}
      message={warning.message}
    >
      <button
        type="button"
        className="button button-primary"
        onClick={onRotate}
        disabled={busy !== null}
      >
        Rotate the token now
      </button>
    </TitledNotice>
  );
}

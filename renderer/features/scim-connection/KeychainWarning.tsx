import type { SecretHandle } from '../../../shared/stytch/views';
import { CopyButton } from '../../components/CopyButton';

/** Main could not save the token in the keychain: it lives in memory until the app quits. */
export function KeychainWarning({ warning, handle }: { warning: string; handle: SecretHandle }) {
  return (
    <div className="notice notice-warning keychain-warning" role="alert">
      <p className="notice-title">The token is not saved on this computer.</p>
      <p className="notice-message">{warning}</p>
      <p className="notice-hint">
        Copy it into Entra now: once you quit the app, the only way to get a token is to rotate.
      </p>
      <CopyButton label="Copy the token now" request={{ kind: 'secret', handle }} />
    </div>
  );
}

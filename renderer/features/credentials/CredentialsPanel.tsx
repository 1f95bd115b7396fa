import { AAD_OPT_FLAG_NOTE } from '../../../shared/wizard/content';
import type { SecretHandle, TokenStatus } from '../../../shared/stytch/views';
import { CopyButton } from '../../components/CopyButton';
import { TokenExpiryLine } from '../scim-connection/TokenExpiry';
import { CredentialField } from './CredentialField';
import { SecretTokenField } from './SecretTokenField';

interface CredentialsPanelProps {
  tenantUrl: string;
  handle: SecretHandle;
  token: TokenStatus | null;
  /** "Secret Token", or "New Secret Token" during a rotation. */
  tokenLabel?: string;
  /** When Stytch says this token expires (ISO 8601), or null when it gave no date. */
  tokenExpiresAt: string | null;
  pasted: boolean;
  onPastedChange: (pasted: boolean) => void;
  /** The checkbox's words, when the step asks for something else than pasting both (a rotation). */
  pastedLabel?: string;
}

/** Exactly what Entra's Admin Credentials asks for, each with a Copy button. */
export function CredentialsPanel({
  tenantUrl,
  handle,
  token,
  tokenLabel = 'Secret Token',
  tokenExpiresAt,
  pasted,
  onPastedChange,
  pastedLabel = "I've pasted both into Entra",
}: CredentialsPanelProps) {
  const pastedId = `pasted-${handle.kind}`;
  return (
    <fieldset className="credentials">
      <legend>Admin Credentials for Entra</legend>
      <CredentialField
        id={`tenant-url-${handle.kind}`}
        label="Tenant URL"
        value={tenantUrl}
        actions={<CopyButton label="Copy Tenant URL" request={{ kind: 'text', text: tenantUrl }} />}
        hint={AAD_OPT_FLAG_NOTE}
        wrap
      />
      <SecretTokenField
        key={`${handle.kind}:${handle.connectionId}`}
        label={tokenLabel}
        handle={handle}
        token={token}
      />
      <TokenExpiryLine subject={tokenLabel} expiresAt={tokenExpiresAt} />
      <div className="check">
        <input
          id={pastedId}
          type="checkbox"
          checked={pasted}
          onChange={(e) => onPastedChange(e.target.checked)}
        />
        <label htmlFor={pastedId}>{pastedLabel}</label>
      </div>
    </fieldset>
  );
}

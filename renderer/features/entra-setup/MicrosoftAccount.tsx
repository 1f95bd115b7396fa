import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useMicrosoftStore } from '../../state/microsoft-store';
import { SignInButton } from './SignInButton';

/** Who is signed in to Microsoft (name, tenant) with Sign out, or Sign in to Microsoft. */
export function MicrosoftAccount() {
  const status = useMicrosoftStore((s) => s.status);
  const busy = useMicrosoftStore((s) => s.busy);
  const cancelled = useMicrosoftStore((s) => s.cancelled);
  const failure = useMicrosoftStore((s) => s.failure);
  const signOut = useMicrosoftStore((s) => s.signOut);
  const account = status?.account ?? null;
  return (
    <div className="microsoft-account" aria-busy={busy !== null}>
      {status?.sandbox && (
        <p className="notice notice-info">
          Sandbox: signing in goes to “Contoso (sandbox)”, a tenant simulated on this computer, not
          to Microsoft. No real tenant is touched.
        </p>
      )}
      {account ? (
        <>
          <p role="status">
            Signed in to Microsoft as <strong>{account.name ?? account.username}</strong> (
            {account.username}), tenant <strong>{account.tenant}</strong>
            {account.tenant !== account.tenantId && (
              <>
                {' '}
                (<span className="mono">{account.tenantId}</span>)
              </>
            )}
            .
          </p>
          {account.renewalLost === true && (
            <>
              <p className="notice notice-warning">
                Microsoft no longer renews this sign-in (it was revoked, or has not been used for
                too long): sign in again to go on.
              </p>
              <SignInButton action="read-apps" />
            </>
          )}
          <button
            type="button"
            className="button"
            onClick={() => void signOut()}
            disabled={busy !== null}
          >
            Sign out of Microsoft
          </button>
        </>
      ) : (
        <>
          <p>Not signed in to Microsoft.</p>
          <SignInButton action="read-apps" />
        </>
      )}
      {busy === 'microsoft:signOut' && <Busy label="Signing out…" />}
      {cancelled && busy === null && !account && <p role="status">Sign-in cancelled.</p>}
      {failure && <ErrorNotice failure={failure} title="Microsoft sign-in did not finish." />}
    </div>
  );
}

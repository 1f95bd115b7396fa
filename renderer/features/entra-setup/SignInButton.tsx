import type { GraphActionName } from '../../../shared/entra/graph-permissions';
import { Busy } from '../../components/Busy';
import { useMicrosoftStore } from '../../state/microsoft-store';

interface SignInButtonProps {
  action: GraphActionName;
  /** Runs once the admin is signed in (e.g. the call that asked for it, again). */
  onSignedIn?: () => void;
}

/**
 * "Sign in to Microsoft" for one action's permissions; while the admin finishes in the browser,
 * a waiting line and Cancel take its place.
 */
export function SignInButton({ action, onSignedIn }: SignInButtonProps) {
  const busy = useMicrosoftStore((s) => s.busy);
  const signIn = useMicrosoftStore((s) => s.signIn);
  const cancelSignIn = useMicrosoftStore((s) => s.cancelSignIn);
  if (busy === 'microsoft:signIn') {
    return (
      <div className="actions">
        <Busy label="Waiting for you to finish signing in in your browser…" />
        <button type="button" className="button" onClick={() => void cancelSignIn()}>
          Cancel sign-in
        </button>
      </div>
    );
  }
  const start = async () => {
    if ((await signIn(action)) && onSignedIn) onSignedIn();
  };
  return (
    <button
      type="button"
      className="button button-primary"
      onClick={() => void start()}
      disabled={busy !== null}
    >
      Sign in to Microsoft
    </button>
  );
}

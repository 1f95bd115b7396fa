import { useEffect } from 'react';

import type { GraphActionName } from '../../shared/entra/graph-permissions';
import type { AppError } from '../../shared/errors';
import { useMicrosoftStore } from '../state/microsoft-store';
import { buildAdminRequest } from './admin-request';
import { Busy } from './Busy';
import { CopyButton } from './CopyButton';

interface PermissionDeniedActionsProps {
  error: AppError;
  /** The step's permissions (shared/entra/graph-permissions.ts): what the other account signs in for. */
  action: GraphActionName;
  /** The step again, once signed in. */
  retry: () => void;
}

/**
 * The ways out when the signed-in Microsoft account lacks the step's Entra role: sign in with an
 * account that has it (Microsoft's account picker opens), or forward a request to an admin.
 */
export function PermissionDeniedActions({ error, action, retry }: PermissionDeniedActionsProps) {
  const busy = useMicrosoftStore((s) => s.busy);
  const account = useMicrosoftStore((s) => s.status?.account ?? null);
  const signIn = useMicrosoftStore((s) => s.signIn);
  const cancelSignIn = useMicrosoftStore((s) => s.cancelSignIn);
  // The request names who is asking; a panel may not have read it yet.
  useEffect(() => useMicrosoftStore.getState().ensureLoaded(), []);
  const signInAgain = async () => {
    if (await signIn(action)) retry();
  };
  return (
    <div className="actions">
      {busy === 'microsoft:signIn' ? (
        <>
          <Busy label="Waiting for you to finish signing in in your browser…" />
          <button type="button" className="button" onClick={() => void cancelSignIn()}>
            Cancel sign-in
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button-primary"
          onClick={() => void signInAgain()}
          disabled={busy !== null}
        >
          Sign in with another account
        </button>
      )}
      <CopyButton
        label="Copy a request for your admin"
        request={{ kind: 'text', text: buildAdminRequest(error, action, account) }}
      />
    </div>
  );
}

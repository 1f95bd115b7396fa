import { Busy } from '../../components/Busy';
import { useAppStore } from '../../state/app-store';
import { useStytchStore } from '../../state/stytch-store';

/** The project the app is connected to, if any, with the way to forget its secret. */
export function ConnectedProject() {
  const status = useAppStore((s) => s.status);
  const busy = useStytchStore((s) => s.busy);
  const forget = useStytchStore((s) => s.forget);
  if (!status?.connected || status.projectId === null) return null;
  const { projectId, environment, mode } = status;
  return (
    <div className="connected" role="status">
      <p>
        Connected to <code>{projectId}</code>
        {environment && ` (${environment} environment)`}
        {mode === 'sandbox' && ' in the local sandbox'}. Choose Next to continue, or connect a
        different project below.
      </p>
      {mode === 'real' && (
        <button
          type="button"
          className="button"
          onClick={() => void forget(projectId)}
          disabled={busy !== null}
        >
          Forget this project
        </button>
      )}
      {busy === 'stytch:forgetProject' && <Busy label="Removing the saved secret…" />}
    </div>
  );
}

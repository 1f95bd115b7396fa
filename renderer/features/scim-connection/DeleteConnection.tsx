import { DELETE_CONNECTION_CONSEQUENCES } from '../../../shared/wizard/content';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useConnectionStore } from '../../state/connection-store';

/** Deletion behind a confirmation that says exactly what it removes and what it leaves. */
export function DeleteConnection() {
  const busy = useConnectionStore((s) => s.busy);
  const remove = useConnectionStore((s) => s.remove);
  return (
    <ConfirmAction
      tone="danger"
      trigger="Delete this connection…"
      question="Delete the SCIM connection?"
      confirm="Yes, delete the connection"
      cancel="Keep the connection"
      disabled={busy !== null}
      onConfirm={() => void remove()}
      progress={busy === 'delete' ? 'Deleting the connection…' : null}
    >
      <ul>
        {DELETE_CONNECTION_CONSEQUENCES.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </ConfirmAction>
  );
}

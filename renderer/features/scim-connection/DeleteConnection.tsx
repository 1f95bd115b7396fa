import { useId } from 'react';

import { DELETE_CONNECTION_CONSEQUENCES } from '../../../shared/wizard/content';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useConnectionStore } from '../../state/connection-store';

/**
 * Deletion, in a danger zone of its own below the ways forward: a neutral button, then a
 * confirmation that says exactly what it removes and what it leaves, whose yes is the red one.
 */
export function DeleteConnection() {
  const busy = useConnectionStore((s) => s.busy);
  const remove = useConnectionStore((s) => s.remove);
  const headingId = useId();
  return (
    <section className="danger-zone" aria-labelledby={headingId}>
      <h3 id={headingId}>Danger zone</h3>
      <p className="field-hint">
        Deleting cannot be undone: a new connection means a new Tenant URL and token in Entra.
      </p>
      <ConfirmAction
        tone="danger"
        trigger="Delete this connection…"
        question="Delete the SCIM connection?"
        confirm="Yes, delete the connection"
        cancel="Keep the connection"
        disabled={busy !== null}
        onConfirm={() => void remove()}
        progress={busy === 'scim:deleteConnection' ? 'Deleting the connection…' : null}
      >
        <ul>
          {DELETE_CONNECTION_CONSEQUENCES.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </ConfirmAction>
    </section>
  );
}

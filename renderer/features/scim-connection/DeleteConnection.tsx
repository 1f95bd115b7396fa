import { useEffect, useRef, useState } from 'react';

import { DELETE_CONNECTION_CONSEQUENCES } from '../../../shared/wizard/content';
import { Busy } from '../../components/Busy';
import { useConnectionStore } from '../../state/connection-store';

/** Deletion behind a confirmation that says exactly what it removes and what it leaves. */
export function DeleteConnection() {
  const [confirming, setConfirming] = useState(false);
  const busy = useConnectionStore((s) => s.busy);
  const remove = useConnectionStore((s) => s.remove);
  const title = useRef<HTMLParagraphElement>(null);

  // The confirmation replaces the button that had focus; move focus to what it asks.
  useEffect(() => {
    if (confirming) title.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button-danger"
        onClick={() => setConfirming(true)}
        disabled={busy !== null}
      >
        Delete this connection…
      </button>
    );
  }
  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby="delete-title"
      aria-busy={busy === 'delete'}
    >
      <p id="delete-title" className="notice-title" ref={title} tabIndex={-1}>
        Delete the SCIM connection?
      </p>
      <ul>
        {DELETE_CONNECTION_CONSEQUENCES.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          className="button button-danger"
          onClick={() => void remove()}
          disabled={busy !== null}
        >
          Yes, delete the connection
        </button>
        <button type="button" className="button" onClick={() => setConfirming(false)}>
          Keep the connection
        </button>
        {busy === 'delete' && <Busy label="Deleting the connection…" />}
      </div>
    </div>
  );
}

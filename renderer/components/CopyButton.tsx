import { useEffect, useState } from 'react';

import type { Req } from '../../shared/ipc';
import { call } from '../lib/api';
import type { Failure } from '../state/failure';
import { PlainErrorNotice } from './PlainErrorNotice';

interface CopyButtonProps {
  /** The button's accessible name, e.g. "Copy Tenant URL". */
  label: string;
  request: Req<'clipboard:copy'>;
  disabled?: boolean;
}

/** How long "Copied" stays on screen when main does not clear the clipboard. */
const CONFIRMATION_MS = 4_000;

/** The confirmation text for a copy: main clears secrets from the clipboard after a while. */
function copiedMessage(clearsInMs: number | null): string {
  if (clearsInMs === null) return 'Copied';
  return `Copied — clears in ${Math.round(clearsInMs / 1000)} s`;
}

/** Copies through main (which writes the clipboard) and confirms in a live region. */
export function CopyButton({ label, request, disabled = false }: CopyButtonProps) {
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<{ text: string; ms: number } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    if (!confirmation) return;
    const timer = setTimeout(() => setConfirmation(null), confirmation.ms);
    return () => clearTimeout(timer);
  }, [confirmation]);

  const copy = async () => {
    setBusy(true);
    setFailure(null);
    const result = await call('clipboard:copy', request);
    setBusy(false);
    if (!result.ok) {
      setFailure({ error: result.error, retry: () => void copy() });
      return;
    }
    const { clearsInMs } = result.data;
    setConfirmation({ text: copiedMessage(clearsInMs), ms: clearsInMs ?? CONFIRMATION_MS });
  };

  return (
    <div className="copy">
      <button
        type="button"
        className="button"
        onClick={() => void copy()}
        disabled={disabled || busy}
        aria-busy={busy}
      >
        {label}
      </button>
      <span className="copy-status" aria-live="polite">
        {confirmation?.text}
      </span>
      {failure && <PlainErrorNotice failure={failure} />}
    </div>
  );
}

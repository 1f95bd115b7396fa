import type { RotationOutcome, RotationProgress } from '../../../shared/rotation/rotation';
import { Busy } from '../../components/Busy';
import { useConnectionStore } from '../../state/connection-store';
import { gapWords, latestPerStep, STATE_WORDS, STEP_WORDS } from './rotation-words';

/** Each step of the run so far, with what it found. */
export function RotationSteps({ progress }: { progress: readonly RotationProgress[] }) {
  const rows = latestPerStep(progress);
  if (rows.length === 0) return null;
  return (
    <ol className="rotation-steps" aria-label="Rotation steps">
      {rows.map((row) => (
        <li key={row.step} data-step={row.step} data-state={row.state}>
          <span className="rotation-step-name">{STEP_WORDS[row.step]}</span>:{' '}
          <span className="rotation-step-state">{STATE_WORDS[row.state]}</span>
          {row.detail !== null && <span className="rotation-step-detail"> — {row.detail}</span>}
        </li>
      ))}
    </ol>
  );
}

/** The measured gap, as a number. */
export function RotationGap({ outcome }: { outcome: RotationOutcome }) {
  const { gap } = outcome;
  if (gap === null) return null;
  if (outcome.outcome === 'rotated' && outcome.order === 'entra-first') {
    return (
      <p className="rotation-gap">
        Gap: <strong>{gapWords(0)}</strong>. Stytch already accepted the new token, so Entra had it
        before Stytch finished the rotation.
      </p>
    );
  }
  return (
    <p className="rotation-gap">
      Gap: <strong>{gapWords(gap.seconds)}</strong>{' '}
      {gap.open
        ? 'so far: Entra still holds the old token, which Stytch no longer accepts.'
        : 'in which Entra held a token Stytch refused (from finishing in Stytch until Entra saved the new one).'}
    </p>
  );
}

/** Starts (or takes up) the run across both, with its busy line. */
function RotateAcrossButton({ label }: { label: string }) {
  const busy = useConnectionStore((s) => s.busy);
  const rotateAcross = useConnectionStore((s) => s.rotateAcross);
  return (
    <>
      <button
        type="button"
        className="button button-primary"
        onClick={() => void rotateAcross()}
        disabled={busy !== null}
      >
        {label}
      </button>
      {busy === 'rotation:run' && <Busy label="Rotating in Stytch and Entra…" />}
    </>
  );
}

/** The run across both: what it does, its button, its steps and its answer. */
export function RotationRun() {
  const rotation = useConnectionStore((s) => s.rotation);
  const outcome = rotation.outcome;
  return (
    <section className="rotation-run" aria-labelledby="rotation-run-title">
      <h4 id="rotation-run-title">Let the assistant do both sides</h4>
      <p>
        It first asks Stytch whether it already accepts the new token. If it does, the assistant
        saves the token in Entra (keeping the job’s other settings), runs Entra’s Test Connection,
        then finishes the rotation in Stytch. If not, it finishes in Stytch first and saves the
        token in Entra straight after, then tests it. If a step fails, it puts back a pair of tokens
        that works.
      </p>
      <div className="actions">
        <RotateAcrossButton label="Rotate in Stytch and Entra" />
      </div>
      <RotationSteps progress={rotation.progress} />
      {outcome?.outcome === 'failed' && <RotationFailed outcome={outcome} />}
    </section>
  );
}

/** Where a failed run stopped, what it left working, and what to do next. */
function RotationFailed({ outcome }: { outcome: Extract<RotationOutcome, { outcome: 'failed' }> }) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">The rotation stopped at “{STEP_WORDS[outcome.failedStep]}”.</p>
      <p className="notice-message">{outcome.error.message}</p>
      <p className="notice-hint">{outcome.error.hint}</p>
      <RotationGap outcome={outcome} />
    </div>
  );
}

/** A failed run that left no rotation pending (cancelled, or completed in Stytch). */
export function RotationStopped({
  outcome,
}: {
  outcome: Extract<RotationOutcome, { outcome: 'failed' }>;
}) {
  const busy = useConnectionStore((s) => s.busy);
  const progress = useConnectionStore((s) => s.rotation.progress);
  const dismiss = useConnectionStore((s) => s.dismissRotation);
  return (
    <div className="rotation" aria-busy={busy !== null}>
      <h3>The token rotation did not finish</h3>
      <RotationFailed outcome={outcome} />
      <RotationSteps progress={progress} />
      <div className="actions">
        {outcome.left.completed !== true && (
          <RotateAcrossButton label="Rotate in Stytch and Entra again" />
        )}
        <button type="button" className="button" onClick={dismiss} disabled={busy !== null}>
          Done
        </button>
      </div>
    </div>
  );
}

/** A finished run: what happened, the gap, and a way back to the connection. */
export function RotationDone({
  outcome,
}: {
  outcome: Extract<RotationOutcome, { outcome: 'rotated' }>;
}) {
  const progress = useConnectionStore((s) => s.rotation.progress);
  const dismiss = useConnectionStore((s) => s.dismissRotation);
  return (
    <div className="rotation">
      <h3>Token rotated in Stytch and Entra</h3>
      <div className="notice notice-success">
        <p className="notice-title">
          Only the new token works now, and Entra holds it (ends in{' '}
          {outcome.connection.token.last4 ?? 'an unknown ending'}); Entra’s Test Connection passed.
        </p>
        <RotationGap outcome={outcome} />
      </div>
      <RotationSteps progress={progress} />
      <div className="actions">
        <button type="button" className="button" onClick={dismiss}>
          Done
        </button>
      </div>
    </div>
  );
}

import { WIZARD_STEP_IDS, stepIndex, type WizardStepId } from '../../../shared/wizard/steps';
import { useWizardStore } from '../../state/wizard-store';
import { useStepGate } from './step-gate';

/** Back and Next (Finish on the last step), with the reason when Next is not yet allowed. */
export function StepNav({ step }: { step: WizardStepId }) {
  const { canAdvance, reason } = useStepGate(step);
  const back = useWizardStore((s) => s.back);
  const next = useWizardStore((s) => s.next);
  const finished = useWizardStore((s) => s.completed.includes(step));
  const index = stepIndex(step);
  const last = index === WIZARD_STEP_IDS.length - 1;
  const reasonId = `next-reason-${step}`;
  return (
    <div className="step-nav">
      <button type="button" className="button" onClick={back} disabled={index === 0}>
        Back
      </button>
      <button
        type="button"
        // Primary only once it is the way on: while it waits, the step's own action is the one.
        className={canAdvance ? 'button button-primary' : 'button'}
        onClick={next}
        disabled={!canAdvance}
        aria-describedby={reason ? reasonId : undefined}
      >
        {last ? 'Finish' : 'Next'}
      </button>
      {reason && (
        <p id={reasonId} className="step-nav-reason">
          {reason}
        </p>
      )}
      {last && finished && (
        <p className="done-message" role="status">
          Set-up complete. Entra will keep this organization’s members in sync.
        </p>
      )}
    </div>
  );
}

import { STEP_CONTENT } from '../../../shared/wizard/content';
import { WIZARD_STEP_IDS, type WizardStepId } from '../../../shared/wizard/steps';
import { isReachable, useWizardStore } from '../../state/wizard-store';

type StepStatus = 'done' | 'current' | 'todo';

const STATUS_TEXT: Record<StepStatus, string> = {
  done: 'Done',
  current: 'Current step',
  todo: 'Not started',
};

function statusOf(
  step: WizardStepId,
  current: WizardStepId,
  completed: readonly WizardStepId[],
): StepStatus {
  if (step === current) return 'current';
  return completed.includes(step) ? 'done' : 'todo';
}

/** Every step with its status; steps whose predecessors are done can be opened directly. */
export function StepList() {
  const current = useWizardStore((s) => s.current);
  const completed = useWizardStore((s) => s.completed);
  const goTo = useWizardStore((s) => s.goTo);
  return (
    <nav className="step-list" aria-label="Setup steps">
      <ol>
        {WIZARD_STEP_IDS.map((step, index) => {
          const status = statusOf(step, current, completed);
          return (
            <li key={step} className={`step-item step-${status}`}>
              <button
                type="button"
                className="step-button"
                aria-current={status === 'current' ? 'step' : undefined}
                disabled={!isReachable(step, completed)}
                onClick={() => goTo(step)}
              >
                <span className="step-number" aria-hidden="true">
                  {status === 'done' ? '✓' : index + 1}
                </span>
                <span className="step-title">{STEP_CONTENT[step].title}</span>
                <span className="step-status">{STATUS_TEXT[status]}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';

import type { WizardStepId } from '../../../shared/wizard/steps';
import { useStepViewStore } from '../../state/step-view-store';
import { useStepGate } from './step-gate';

/** One part of a step split into parts. */
export interface SubStep {
  id: string;
  title: string;
  body: ReactNode;
  /** Whether its outcome is reached (a ✓ in the parts list). */
  done: boolean;
}

/**
 * A long step one part at a time: the parts as a short list (each can be opened), "Part 2 of 3",
 * the part itself, and a way on to the next part. The wizard's own Back and Next stay for steps.
 */
export function SubSteps({ step, parts }: { step: WizardStepId; parts: readonly SubStep[] }) {
  const chosen = useStepViewStore((s) => s.parts[step]);
  const showPart = useStepViewStore((s) => s.showPart);
  const index = Math.max(
    0,
    parts.findIndex((part) => part.id === chosen),
  );
  const current = parts[index];
  const next = parts[index + 1];
  // Once this part is done, going on is the admin's next step: Continue is the primary action,
  // unless the whole step is done, when the wizard's Next is (one primary button on screen).
  const { canAdvance } = useStepGate(step);
  const goOn = current?.done === true && !canAdvance;
  // Each visit to the step (another organization's, say) starts again at the first part.
  useEffect(() => () => useStepViewStore.getState().showPart(step, ''), [step]);
  const progress = useRef<HTMLParagraphElement>(null);
  const opened = useRef(chosen);
  useEffect(() => {
    // Focus moves to the new part's progress line when the admin changes part (not on first
    // paint, nor when the part is reset on leaving the step).
    if (opened.current === chosen || !chosen) return;
    opened.current = chosen;
    progress.current?.focus();
  }, [chosen]);
  if (current === undefined) return null;
  return (
    <div className="sub-steps">
      <nav aria-label="Parts of this step">
        <ol className="sub-step-list">
          {parts.map((part, i) => (
            <li key={part.id}>
              <button
                type="button"
                className="sub-step-button"
                aria-current={i === index ? 'step' : undefined}
                onClick={() => showPart(step, part.id)}
              >
                <span className="sub-step-number" aria-hidden="true">
                  {part.done ? '✓' : i + 1}
                </span>
                {part.title}
                {part.done && <span className="visually-hidden"> (done)</span>}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <p className="sub-step-progress" ref={progress} tabIndex={-1}>
        Part {index + 1} of {parts.length}: {current.title}
      </p>
      <div className="sub-step-body">{current.body}</div>
      {next && (
        <div className="sub-step-next">
          <button
            type="button"
            className={goOn ? 'button button-primary' : 'button'}
            onClick={() => showPart(step, next.id)}
          >
            Continue to part {index + 2}: {next.title}
          </button>
        </div>
      )}
    </div>
  );
}

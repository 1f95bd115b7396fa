import { STEP_CONTENT, checklistKey } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { useStepViewStore } from '../../state/step-view-store';
import { useWatchFacts } from '../../state/watch-store';
import { useWizardStore } from '../../state/wizard-store';
import { itemDone } from './step-gate';

/**
 * The step's checklist: outcomes, ticked by the admin or by the assistant once it has seen them
 * in Entra; each tick says which. Ticks are saved with the wizard's progress, except the watched
 * items, which show what the watch sees now and cannot be ticked by hand.
 */
export function Checklist({ step }: { step: WizardStepId }) {
  const items = STEP_CONTENT[step].checklist;
  const checklist = useWizardStore((s) => s.checklist);
  const setChecked = useWizardStore((s) => s.setChecked);
  const watched = useWatchFacts();
  const seen = useStepViewStore((s) => s.seen);
  const forgetSeen = useStepViewStore((s) => s.forgetSeen);
  if (items.length === 0) return null;
  return (
    <fieldset className="checklist">
      <legend>Checklist</legend>
      {items.map((item) => {
        const key = checklistKey(step, item.id);
        const id = `check-${key.replace(/\W/g, '-')}`;
        const watchedFact = item.seenByWatch;
        const checked = itemDone(step, item, checklist, watched);
        const byAssistant = watchedFact ? checked : Boolean(seen[key]);
        const note = checked
          ? byAssistant
            ? 'checked by the assistant'
            : 'you confirmed'
          : watchedFact
            ? 'Ticked by the app when it sees this in Stytch.'
            : null;
        return (
          <div className="check" key={key}>
            <input
              id={id}
              type="checkbox"
              checked={checked}
              disabled={watchedFact !== undefined}
              readOnly={watchedFact !== undefined}
              onChange={(event) => {
                if (watchedFact) return;
                forgetSeen(key);
                setChecked(key, event.target.checked);
              }}
              aria-describedby={note === null ? undefined : `${id}-by`}
            />
            <label htmlFor={id}>{item.label}</label>
            {note !== null && (
              <span id={`${id}-by`} className={`checked-by${byAssistant ? ' by-assistant' : ''}`}>
                {note}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

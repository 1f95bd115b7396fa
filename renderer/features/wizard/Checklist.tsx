import { STEP_CONTENT, checklistKey } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { useWatchFacts } from '../../state/watch-store';
import { useWizardStore } from '../../state/wizard-store';

/**
 * The step's checklist: ticks are saved with the wizard's progress, except the watched items,
 * which show what the watch sees now and cannot be ticked by hand.
 */
export function Checklist({ step }: { step: WizardStepId }) {
  const items = STEP_CONTENT[step].checklist;
  const checklist = useWizardStore((s) => s.checklist);
  const setChecked = useWizardStore((s) => s.setChecked);
  const seen = useWatchFacts();
  if (items.length === 0) return null;
  return (
    <fieldset className="checklist">
      <legend>Checklist</legend>
      {items.map((item) => {
        const key = checklistKey(step, item.id);
        const id = `check-${key.replace(/\W/g, '-')}`;
        return (
          <div className="check" key={key}>
            {item.seenByWatch ? (
              <input id={id} type="checkbox" checked={seen[item.seenByWatch]} disabled readOnly />
            ) : (
              <input
                id={id}
                type="checkbox"
                checked={Boolean(checklist[key])}
                onChange={(event) => setChecked(key, event.target.checked)}
              />
            )}
            <label htmlFor={id}>{item.label}</label>
            {item.seenByWatch && (
              <p className="field-hint">Ticked by the app when it sees this in Stytch.</p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

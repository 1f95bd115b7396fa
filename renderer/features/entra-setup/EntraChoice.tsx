import type { EntraStepsChoice } from '../../../shared/settings/settings';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useEntraStore } from '../../state/entra-store';

const OPTIONS: readonly { value: EntraStepsChoice; label: string; hint: string }[] = [
  {
    value: 'assistant',
    label: 'Do the Entra steps for me (sign in to Microsoft)',
    hint: 'The assistant creates the app, sets up provisioning and checks each step through Microsoft Graph, and shows what it saw.',
  },
  {
    value: 'by-hand',
    label: 'I’ll do them by hand in the Entra admin center',
    hint: 'Follow the guide below and tick each item yourself.',
  },
];

/** Step 3's choice: the assistant does the Entra steps, or the admin does them by hand. */
export function EntraChoice() {
  const choice = useEntraStore((s) => s.choice);
  const busy = useEntraStore((s) => s.busy);
  const failure = useEntraStore((s) => (s.failedOp === 'settings:update' ? s.failure : null));
  const choose = useEntraStore((s) => s.choose);
  return (
    <fieldset className="choices entra-choice">
      <legend>Who does the Entra steps?</legend>
      {OPTIONS.map((option) => (
        <div className="choice check" key={option.value}>
          <input
            id={`entra-steps-${option.value}`}
            type="radio"
            name="entra-steps"
            value={option.value}
            checked={choice === option.value}
            disabled={busy === 'settings:update'}
            onChange={() => void choose(option.value)}
            aria-describedby={`entra-steps-${option.value}-hint`}
          />
          <label htmlFor={`entra-steps-${option.value}`}>{option.label}</label>
          <p id={`entra-steps-${option.value}-hint`} className="field-hint">
            {option.hint}
          </p>
        </div>
      ))}
      <p className="field-hint">You can mix the two: every step can still be done either way.</p>
      {failure && <ErrorNotice failure={failure} title="Your choice could not be saved." />}
    </fieldset>
  );
}

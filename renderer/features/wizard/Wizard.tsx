import { ErrorNotice } from '../../components/ErrorNotice';
import { useWizardStore } from '../../state/wizard-store';
import { StepList } from './StepList';
import { StepView } from './StepView';

/** The guided set-up: the step list beside the current step. */
export function Wizard() {
  const saveFailure = useWizardStore((s) => s.saveFailure);
  return (
    <div className="wizard">
      <StepList />
      <div className="wizard-main">
        {saveFailure && (
          <ErrorNotice failure={saveFailure} title="Your progress could not be saved." />
        )}
        <StepView />
      </div>
    </div>
  );
}

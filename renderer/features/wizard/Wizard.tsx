import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../state/app-store';
import { useScreenStore } from '../../state/screen-store';
import { useWizardStore } from '../../state/wizard-store';
import { StepList } from './StepList';
import { StepView } from './StepView';

/** The guided set-up: the step list beside the current step. */
export function Wizard() {
  const saveFailure = useWizardStore((s) => s.saveFailure);
  const connected = useAppStore((s) => s.status?.connected ?? false);
  const show = useScreenStore((s) => s.show);
  return (
    <>
      {connected && (
        <button
          type="button"
          className="button button-link wizard-home"
          onClick={() => show({ kind: 'overview' })}
        >
          ← All connections
        </button>
      )}
      <div className="wizard">
        <StepList />
        <div className="wizard-main">
          {saveFailure && (
            <ErrorNotice failure={saveFailure} title="Your progress could not be saved." />
          )}
          <StepView />
        </div>
      </div>
    </>
  );
}

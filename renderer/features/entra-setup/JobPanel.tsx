import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { Busy } from '../../components/Busy';
import { useEntraStore } from '../../state/entra-store';
import { JobSummary } from './JobSummary';
import { EntraPanel } from './EntraPanel';
import { OpFailure } from './OpFailure';

/** Creates the app's provisioning job (SCIM template) if it has none, and shows it. */
export function JobPanel({ view }: { view: EntraSetupView }) {
  const busy = useEntraStore((s) => s.busy);
  const ensureJob = useEntraStore((s) => s.ensureJob);
  return (
    <EntraPanel name="job" title="The provisioning job" channel="entra:ensureJob">
      {view.job ? (
        <JobSummary job={view.job} />
      ) : (
        <p>
          The app has no provisioning job yet: the assistant creates one from the SCIM template.
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className={view.job ? 'button' : 'button button-primary'}
          onClick={() => void ensureJob()}
          disabled={busy !== null}
        >
          Set up the provisioning job
        </button>
        {busy === 'entra:ensureJob' && <Busy label="Setting up the provisioning job…" />}
      </div>
      <OpFailure ops={['entra:ensureJob']} title="The provisioning job could not be set up." />
    </EntraPanel>
  );
}

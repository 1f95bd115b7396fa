import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { Busy } from '../../components/Busy';
import { useEntraStore } from '../../state/entra-store';
import { JobSummary } from './JobSummary';
import { OpFailure } from './OpFailure';

/** Starts the provisioning job's schedule and shows its status and cycle interval. */
export function StartPanel({ view }: { view: EntraSetupView }) {
  const busy = useEntraStore((s) => s.busy);
  const start = useEntraStore((s) => s.start);
  return (
    <section
      className="entra-start"
      aria-labelledby="entra-start-heading"
      aria-busy={busy === 'start'}
    >
      <h3 id="entra-start-heading">Start provisioning</h3>
      {view.job && <JobSummary job={view.job} />}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void start()}
          disabled={busy !== null}
        >
          Start provisioning
        </button>
        {busy === 'start' && <Busy label="Starting provisioning…" />}
      </div>
      <OpFailure ops={['start']} title="Provisioning could not be started." />
    </section>
  );
}

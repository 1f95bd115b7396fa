import type { FleetSweepStatus } from '../../../shared/fleet/fleet';
import { spanInWords } from '../../../shared/wizard/token-expiry';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatTimestamp } from '../../../shared/timestamp';
import { useFleetStore } from '../../state/fleet-store';
import { countWords } from './row-words';

/** "about 3 minutes left", or nothing before the first result gives a pace. */
function timeLeft(etaSeconds: number | null): string {
  if (etaSeconds === null) return 'working out the time left';
  return `about ${spanInWords(etaSeconds * 1000)} left`;
}

/** What the sweep found, in words: "4,800 passed, 120 failed, 80 with warnings, …". */
function countsInWords(sweep: FleetSweepStatus): string {
  const { passed, failed, warnings, metadataOnly } = sweep.counts;
  return [
    `${countWords(passed)} passed`,
    `${countWords(failed)} failed`,
    `${countWords(warnings)} with warnings`,
    `${countWords(metadataOnly)} checked from Stytch’s details only`,
  ].join(', ');
}

function SweepState({ sweep }: { sweep: FleetSweepStatus }) {
  switch (sweep.state) {
    case 'running':
      return (
        <div className="sweep-progress">
          <progress
            value={sweep.done}
            max={Math.max(1, sweep.total)}
            aria-label="Health check progress"
          />
          <span>
            {countWords(sweep.done)} of {countWords(sweep.total)} checked ·{' '}
            {timeLeft(sweep.etaSeconds)}
          </span>
        </div>
      );
    case 'finished':
      return (
        <p>
          Checked {countWords(sweep.done)} connections
          {sweep.finishedAt && ` at ${formatTimestamp(sweep.finishedAt)}`}: {countsInWords(sweep)}.
        </p>
      );
    case 'cancelled':
      return (
        <p>
          Check cancelled after {countWords(sweep.done)} of {countWords(sweep.total)}; the results
          so far are in the list.
        </p>
      );
    case 'interrupted':
      return (
        <p>
          A check stopped when the app closed, after {countWords(sweep.done)} of{' '}
          {countWords(sweep.total)}.
        </p>
      );
    case 'idle':
      return null;
  }
}

/**
 * The health sweep, one group of the overview's toolbar: check every connection or the selected
 * ones, with its progress (count and time left), Cancel, and what it found. Results land in the
 * rows as they come; what a check sends is in the overview's "What do these actions do?".
 */
export function SweepBar() {
  const sweep = useFleetStore((s) => s.sweep);
  const selectedCount = useFleetStore((s) => s.selected.size);
  const busy = useFleetStore((s) => s.busy);
  const failure = useFleetStore((s) => s.failure);
  const failedOp = useFleetStore((s) => s.failedOp);
  const sweepStart = useFleetStore((s) => s.sweepStart);
  const sweepCancel = useFleetStore((s) => s.sweepCancel);
  const running = sweep?.state === 'running';
  // Without a selection main resumes a check the app was closed during; "Check all" means a
  // new one, so then it names every connection.
  const checkAll = () => {
    const { rows } = useFleetStore.getState();
    const interrupted = sweep?.state === 'interrupted';
    void sweepStart(interrupted ? rows.map((row) => row.organizationId) : undefined);
  };
  const starting = busy === 'fleet:sweepStart';
  return (
    <section className="fleet-tool sweep" aria-labelledby="sweep-heading" aria-busy={running}>
      <h3 id="sweep-heading">Health check</h3>
      <div className="actions">
        {sweep?.state === 'interrupted' && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => void sweepStart()}
            disabled={starting}
          >
            Resume the check
          </button>
        )}
        <button
          type="button"
          className={sweep?.state === 'interrupted' ? 'button' : 'button button-primary'}
          onClick={checkAll}
          disabled={running || starting}
        >
          Check all
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void sweepStart([...useFleetStore.getState().selected])}
          disabled={running || starting || selectedCount === 0}
        >
          Check selected ({countWords(selectedCount)})
        </button>
        {running && (
          <button
            type="button"
            className="button"
            onClick={() => void sweepCancel()}
            disabled={busy === 'fleet:sweepCancel'}
          >
            Cancel
          </button>
        )}
      </div>
      <div className="fleet-tool-status" aria-live="polite">
        {sweep && <SweepState sweep={sweep} />}
      </div>
      {failure && (failedOp === 'fleet:sweepStart' || failedOp === 'fleet:sweepCancel') && (
        <ErrorNotice failure={failure} title="The health check could not start or stop." />
      )}
    </section>
  );
}

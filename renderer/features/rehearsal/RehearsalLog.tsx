import type { RehearsalView } from '../../../shared/provisioning/rehearsal';
import { useRehearsalStore } from '../../state/rehearsal-store';
import { LogEntry } from '../../components/LogEntry';
import { formatTimestamp } from '../../../shared/timestamp';
import { runHeadline } from './run-words';

function Quarantine({ job }: { job: RehearsalView['job'] }) {
  if (job.quarantine === null) return null;
  return (
    <div className="notice notice-warning">
      <p className="notice-title">The simulated provisioning job is in quarantine</p>
      <p>
        {job.quarantine.reason} ({job.quarantine.code}): {job.quarantine.message}
      </p>
      <p className="notice-hint">
        Entra then runs cycles far less often, until a cycle ends without failures.
      </p>
    </div>
  );
}

/**
 * The simulator's provisioning log, labelled as simulated: it is what this app's Entra stand-in
 * wrote, in the shape of Entra's provisioning logs, never Entra's own.
 */
export function RehearsalLog() {
  const view = useRehearsalStore((s) => s.view);
  if (view === null) return null;
  return (
    <section className="rehearsal-log" aria-labelledby="rehearsal-log-heading">
      <h3 id="rehearsal-log-heading">Simulated Entra provisioning log</h3>
      <p className="field-hint">
        Written by this app’s Entra simulator in the shape of Entra’s provisioning logs
        (Provisioning logs in the Entra admin center). It is a simulation, not Entra’s own log.
      </p>
      <Quarantine job={view.job} />
      {view.runs.length === 0 ? (
        <p>Nothing has been sent yet.</p>
      ) : (
        <>
          <h4>Runs, newest first</h4>
          <ol>
            {view.runs.map((run, index) => (
              // Counted from the oldest, so a run keeps its key as newer ones come in on top.
              <li key={view.runs.length - index}>
                {formatTimestamp(run.at)} {runHeadline(run)}
                {run.error && ` ${run.error.message}`}
              </li>
            ))}
          </ol>
          <h4>Entries, newest first</h4>
          {view.log.length === 0 ? (
            <p>No object was processed.</p>
          ) : (
            <ol>
              {view.log.map((entry) => (
                <LogEntry key={entry.changeId} entry={entry} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

import type { EntraSetupView, JobScope } from '../../../shared/entra/entra-views';
import { Busy } from '../../components/Busy';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useConnectionStore } from '../../state/connection-store';
import { useEntraStore } from '../../state/entra-store';
import { JobSummary } from './JobSummary';
import { OpFailure } from './OpFailure';
import { SCOPE_WORDS, ScopeSummary, usersWords } from './ScopeSummary';

/**
 * Start behind the admin's yes when the scope is "Sync all users and groups" (or unreadable):
 * how many users Entra would send, and the switch to assigned-only. Main asks again if skipped.
 */
function StartWithScope({
  scope,
  running,
}: {
  scope: JobScope & { scope: 'all' | 'unknown' };
  running: boolean;
}) {
  const busy = useEntraStore((s) => s.busy);
  const start = useEntraStore((s) => s.start);
  const setAssignedOnly = useEntraStore((s) => s.setAssignedOnly);
  const connection = useConnectionStore((s) => s.connection);
  const all = scope.scope === 'all';
  return (
    <ConfirmAction
      trigger="Start provisioning…"
      question={
        all
          ? `Start provisioning with “${SCOPE_WORDS.all}”?`
          : 'Start provisioning without knowing its scope?'
      }
      confirm={all ? 'Yes, sync all users and groups' : 'Yes, start anyway'}
      cancel="Cancel"
      // Once the job runs, going on is the next step (see StartPanel), not starting again.
      tone={running ? 'secondary' : 'primary'}
      disabled={busy !== null}
      onConfirm={() => void start(scope.scope)}
    >
      <p>
        {all
          ? `Entra would send ${usersWords(scope)} to Stytch, not only the users and groups assigned to the app.`
          : `If the scope is “${SCOPE_WORDS.all}”, Entra would send ${usersWords(scope)} to Stytch.`}
      </p>
      {connection !== null && !connection.rotating ? (
        <p>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void setAssignedOnly(connection.connectionId)}
          >
            Switch to “{SCOPE_WORDS.assigned}”
          </button>
        </p>
      ) : (
        <p>
          To sync only assigned users and groups, set Scope in the app’s provisioning Settings in
          Entra.
        </p>
      )}
      {busy === 'entra:setAssignedOnly' && <Busy label="Switching the scope…" />}
    </ConfirmAction>
  );
}

/** The job's scope, then Start: its schedule, status and cycle interval. */
export function StartPanel({ view }: { view: EntraSetupView }) {
  const busy = useEntraStore((s) => s.busy);
  const start = useEntraStore((s) => s.start);
  const readScope = useEntraStore((s) => s.readScope);
  // Read by itself when the step opens (EntraProvisionTicks); a failed read shows only when
  // asked for (below).
  const { scope } = view;
  // Once the job runs, starting again is no longer the section's next action.
  const running = view.job?.status === 'Active';
  return (
    <section
      className="entra-start"
      aria-labelledby="entra-start-heading"
      aria-busy={busy === 'entra:start' || busy === 'entra:readScope'}
    >
      <h3 id="entra-start-heading">Start provisioning</h3>
      <ScopeSummary scope={scope} />
      {view.job && <JobSummary job={view.job} />}
      <div className="actions">
        {scope !== null && scope.scope !== 'assigned' ? (
          <StartWithScope scope={{ ...scope, scope: scope.scope }} running={running} />
        ) : (
          <button
            type="button"
            className={running ? 'button' : 'button button-primary'}
            onClick={() => void start()}
            disabled={busy !== null}
          >
            Start provisioning
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => void readScope()}
          disabled={busy !== null}
        >
          Check the scope
        </button>
        {busy === 'entra:start' && <Busy label="Starting provisioning…" />}
        {busy === 'entra:readScope' && <Busy label="Reading the scope…" />}
      </div>
      <OpFailure ops={['entra:readScope']} title="The scope could not be read." />
      <OpFailure ops={['entra:setAssignedOnly']} title="The scope could not be changed." />
      <OpFailure ops={['entra:start']} title="Provisioning could not be started." />
    </section>
  );
}

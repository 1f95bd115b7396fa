import type {
  RehearsalAction,
  RehearsalRun,
  RehearsalView,
} from '../../../shared/provisioning/rehearsal';
import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useRehearsalStore } from '../../state/rehearsal-store';
import { DemoDirectory } from './DemoDirectory';
import { runHeadline } from './run-words';

interface ActionButton {
  action: RehearsalAction;
  label: string;
  /** Whom it would pick now, or null when it has nobody; undefined when it needs nobody. */
  picks: (next: RehearsalView['next']) => string | null | undefined;
  /** What it does, given whom it picks. */
  explains: (picked: string | null | undefined) => string;
}

const ACTIONS: readonly ActionButton[] = [
  {
    action: 'provision-on-demand',
    label: 'Provision on demand (one user)',
    picks: (next) => next.onDemand,
    explains: (picked) =>
      picked
        ? `Sends ${picked} now, as Entra’s Provision on demand does (the first assigned user not provisioned yet).`
        : 'Every assigned user is already provisioned.',
  },
  {
    action: 'cycle',
    label: 'Run a provisioning cycle',
    picks: () => undefined,
    explains: () =>
      'The first cycle is Entra’s initial cycle (every assigned user and group); later ones are incremental and send only what changed.',
  },
  {
    action: 'unassign',
    label: 'Unassign a user',
    picks: (next) => next.unassign,
    explains: (picked) =>
      picked
        ? `Removes ${picked} from the app (and from its assigned groups), then runs an incremental cycle: Entra marks the person inactive and Stytch deactivates the member.`
        : 'Nobody provisioned is still assigned: provision someone first.',
  },
];

/** What the last action did, announced politely. */
function LastRun({ run }: { run: RehearsalRun }) {
  const tone =
    run.ran === null
      ? 'notice-info'
      : run.error
        ? 'notice-error'
        : run.failures > 0
          ? 'notice-warning'
          : 'notice-success';
  return (
    <div className={`notice ${tone}`} role="status">
      <p className="notice-title">{runHeadline(run)}</p>
      {run.error && <p className="notice-message">{run.error.message}</p>}
      {run.error && <p className="notice-hint">{run.error.hint}</p>}
    </div>
  );
}

/**
 * Sandbox mode's rehearsal: main plays Entra's provisioning service against this connection's
 * sandbox endpoint, so the admin sees members arrive and leave exactly as they will with Entra.
 */
export function RehearsalPanel() {
  const view = useRehearsalStore((s) => s.view);
  const lastRun = useRehearsalStore((s) => s.lastRun);
  const busy = useRehearsalStore((s) => s.busy);
  const failure = useRehearsalStore((s) => s.failure);
  const run = useRehearsalStore((s) => s.run);
  return (
    <section className="rehearsal" aria-labelledby="rehearsal-heading" aria-busy={busy !== null}>
      <h3 id="rehearsal-heading">Rehearse with a simulated Entra</h3>
      <p>
        In sandbox mode, this app can play Microsoft Entra’s provisioning service: it sends the SCIM
        requests Entra sends to this connection’s sandbox endpoint, for a demo directory of five
        people and two groups at contoso.com, all assigned to the app. Watch the members arrive in
        Stytch below.
      </p>
      {view && (
        <>
          <div className="actions">
            {ACTIONS.map(({ action, label, picks }) => (
              <button
                key={action}
                type="button"
                className="button"
                aria-describedby={`rehearsal-${action}-hint`}
                disabled={busy !== null || picks(view.next) === null}
                onClick={() => void run(action)}
              >
                {label}
              </button>
            ))}
          </div>
          <ul className="field-hint">
            {ACTIONS.map(({ action, label, picks, explains }) => (
              <li key={action} id={`rehearsal-${action}-hint`}>
                {label}: {explains(picks(view.next))}
              </li>
            ))}
          </ul>
        </>
      )}
      {busy !== null && (
        <Busy
          label={
            busy === 'rehearsal:get' ? 'Reading the rehearsal…' : 'The simulated Entra is at work…'
          }
        />
      )}
      {busy === null && lastRun && <LastRun run={lastRun} />}
      {failure && <ErrorNotice failure={failure} title="The rehearsal could not run." />}
      {view && <DemoDirectory view={view} />}
    </section>
  );
}

import { useEffect } from 'react';

import type { EntraHealth, ProvisioningJobView } from '../../../shared/entra/entra-views';
import { Busy } from '../../components/Busy';
import { useEntraStore } from '../../state/entra-store';
import { LogEntry } from '../../components/LogEntry';
import { formatTimestamp } from '../../../shared/timestamp';
import { ConfirmAction } from '../../components/ConfirmAction';
import { EntraFailureNotice } from './EntraFailureNotice';
import { jobStatusWords, quarantineWords } from '../../../shared/entra/entra-words';
import { OpFailure } from './OpFailure';
import { durationWords } from './interval-words';
import { healthRefreshMs, useHealthRefresh } from './use-health-refresh';
import { useGraphSandbox } from './use-microsoft-status';

const when = (iso: string | null) => (iso ? formatTimestamp(iso) : '—');

function LastCycle({ cycle }: { cycle: NonNullable<ProvisioningJobView['lastCycle']> }) {
  return (
    <dl className="details" aria-label="Last cycle">
      <dt>Last cycle</dt>
      <dd>{cycle.state ?? '—'}</dd>
      <dt>Began</dt>
      <dd>{when(cycle.began)}</dd>
      <dt>Ended</dt>
      <dd>{when(cycle.ended)}</dd>
      <dt>Objects exported</dt>
      <dd>{cycle.countExported ?? '—'}</dd>
      {cycle.error && (
        <>
          <dt>Error</dt>
          <dd>
            {cycle.error.code}: {cycle.error.message}
          </dd>
        </>
      )}
    </dl>
  );
}

function Quarantine({
  quarantine,
}: {
  quarantine: NonNullable<ProvisioningJobView['quarantine']>;
}) {
  return (
    <div className="notice notice-warning">
      <p className="notice-title">The provisioning job is in quarantine</p>
      <p>Reason: {quarantine.reason ? quarantineWords(quarantine.reason) : 'not given'}</p>
      {quarantine.error && (
        <p>
          {quarantine.error.code}: {quarantine.error.message}
        </p>
      )}
      <p>
        Since {when(quarantine.since)}; next attempt {when(quarantine.nextAttempt)}.
      </p>
      <p className="notice-hint">
        Entra runs cycles far less often until a cycle ends without failures.
      </p>
    </div>
  );
}

function HealthLog({ health }: { health: EntraHealth }) {
  return (
    <>
      <h4>Recent provisioning log, failures first</h4>
      {health.logError && (
        <EntraFailureNotice
          failure={{
            error: health.logError,
            retry: () => void useEntraStore.getState().readHealth(),
          }}
          title="The provisioning log could not be read."
        />
      )}
      {health.unreadable > 0 && (
        <p className="field-hint" role="note">
          {health.unreadable === 1
            ? '1 log entry could not be read'
            : `${health.unreadable} log entries could not be read`}{' '}
          (Microsoft sent them in a shape this version of the assistant does not know); the others
          are shown.
        </p>
      )}
      {health.log.length === 0 && !health.logError && health.unreadable === 0 ? (
        <p>No entries yet.</p>
      ) : (
        <ol aria-label="Provisioning log">
          {health.log.map((entry) => (
            <LogEntry key={entry.changeId} entry={entry} />
          ))}
        </ol>
      )}
    </>
  );
}

/** How often, in words, the panel refreshes itself ("5 minutes", "20 seconds"). */
function everyWords(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const iso = seconds % 60 === 0 ? `PT${seconds / 60}M` : `PT${seconds}S`;
  return durationWords(iso) ?? `${seconds} seconds`;
}

/** The panel's one primary action, or none when its next step lies elsewhere. */
type HealthPrimary = 'check' | 'restart' | null;

/**
 * What the admin does next, by the job's state. Unread (or the read failed): read it. In
 * quarantine: fix the cause (the notice says it), then Restart. Active and healthy: nothing here,
 * the next step is to go on (the wizard's Continue or Next) while members arrive, so re-checking
 * is not it; not started or paused: Start (step 7's third part), not Restart.
 */
function healthPrimary(job: ProvisioningJobView | null): HealthPrimary {
  if (job === null) return 'check';
  if (job.status === 'Quarantine' || job.quarantine) return 'restart';
  return null;
}

/**
 * The job's health (status, last cycle, quarantine), Restart provisioning, and Entra's log, with
 * when it was last updated. While the job is Active it refreshes itself, at Entra's pace (or the
 * sandbox's), when the window comes back, and after the app's own actions.
 */
export function HealthPanel() {
  const health = useEntraStore((s) => s.health);
  const readAt = useEntraStore((s) => s.healthReadAt);
  const busy = useEntraStore((s) => s.busy);
  const readHealth = useEntraStore((s) => s.readHealth);
  const restart = useEntraStore((s) => s.restart);
  useEffect(() => {
    if (useEntraStore.getState().health === null) void readHealth();
  }, [readHealth]);
  const job = health?.job ?? null;
  const active = job?.status === 'Active';
  const primary = healthPrimary(job);
  const sandbox = useGraphSandbox();
  const everyMs = healthRefreshMs(job?.interval ?? null, sandbox);
  useHealthRefresh(active, everyMs);
  return (
    <section
      className="entra-health"
      aria-labelledby="entra-health-heading"
      aria-busy={busy === 'entra:health' || busy === 'entra:restart'}
    >
      <h3 id="entra-health-heading">Provisioning job health</h3>
      <div className="actions">
        <button
          type="button"
          className={primary === 'check' ? 'button button-primary' : 'button'}
          onClick={() => void readHealth()}
          disabled={busy !== null}
        >
          Check job health
        </button>
        <ConfirmAction
          trigger="Restart provisioning…"
          question="Restart provisioning?"
          confirm="Yes, restart provisioning"
          cancel="Don’t restart"
          tone={primary === 'restart' ? 'primary' : 'secondary'}
          disabled={busy !== null || job === null}
          onConfirm={() => void restart()}
        >
          <p>
            Entra clears the job’s state and quarantine and runs a new initial cycle: every assigned
            user and group is evaluated again.
          </p>
        </ConfirmAction>
        {busy === 'entra:health' && <Busy label="Reading the job’s health…" />}
        {busy === 'entra:restart' && <Busy label="Restarting provisioning…" />}
      </div>
      <OpFailure
        ops={['entra:health', 'entra:restart']}
        title="The job’s health could not be read or restarted."
      />
      {job && (
        <p role="status">
          Job status: <strong>{jobStatusWords(job.status)}</strong>
        </p>
      )}
      {readAt && (
        <p className="field-hint" aria-live="polite">
          Updated {formatTimestamp(readAt)}.
          {active &&
            ` Updates itself every ${everyWords(everyMs)} while the job is active, and when you come back to this window.`}
        </p>
      )}
      {job?.quarantine && <Quarantine quarantine={job.quarantine} />}
      {job?.lastCycle && <LastCycle cycle={job.lastCycle} />}
      {health && <HealthLog health={health} />}
    </section>
  );
}

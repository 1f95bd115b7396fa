import type { ProvisioningJobView } from '../../../shared/entra/entra-views';
import { selectMode, useAppStore } from '../../state/app-store';
import { useMicrosoftStore } from '../../state/microsoft-store';
import { intervalWords } from './interval-words';
import { useMicrosoftStatus } from './use-microsoft-status';

/** The provisioning job: id, status, schedule and cycle interval. */
export function JobSummary({ job }: { job: ProvisioningJobView }) {
  useMicrosoftStatus();
  // Graph goes to the stand-in whenever Microsoft's status or the app's mode says sandbox.
  const graphSandbox = useMicrosoftStore((s) => s.status?.sandbox ?? false);
  const sandbox = useAppStore((s) => selectMode(s) === 'sandbox') || graphSandbox;
  return (
    <dl className="details">
      <dt>Provisioning job ID</dt>
      <dd className="mono">{job.jobId}</dd>
      <dt>Status</dt>
      <dd>{job.status}</dd>
      <dt>Schedule</dt>
      <dd>{job.scheduleState ?? '—'}</dd>
      <dt>Cycle interval</dt>
      <dd>{intervalWords(job.interval, sandbox)}</dd>
    </dl>
  );
}

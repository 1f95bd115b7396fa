import type { ProvisioningJobView } from '../../../shared/entra/entra-views';
import { jobStatusWords } from '../../../shared/entra/entra-words';
import { intervalWords } from './interval-words';
import { useGraphSandbox } from './use-microsoft-status';

/** The provisioning job: id, status, schedule and cycle interval. */
export function JobSummary({ job }: { job: ProvisioningJobView }) {
  const sandbox = useGraphSandbox();
  return (
    <dl className="details">
      <dt>Provisioning job ID</dt>
      <dd className="mono">{job.jobId}</dd>
      <dt>Status</dt>
      <dd>{jobStatusWords(job.status)}</dd>
      <dt>Schedule</dt>
      <dd>{job.scheduleState ?? '—'}</dd>
      <dt>Cycle interval</dt>
      <dd>{intervalWords(job.interval, sandbox)}</dd>
    </dl>
  );
}

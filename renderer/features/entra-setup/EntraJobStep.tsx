import { AssistantOnly } from './AssistantOnly';
import { AssistantTicks } from './AssistantTicks';
import { jobStatusWords } from '../../../shared/entra/entra-words';
import { JobPanel } from './JobPanel';
import { NeedsJob } from './NeedsJob';
import { useEntraSetup } from './use-entra-setup';

function JobTicks() {
  const { view } = useEntraSetup();
  const job = view?.job ?? null;
  return (
    <AssistantTicks
      step="enable-provisioning"
      items={['configuration', 'credential-fields']}
      evidence={
        job
          ? `the app has provisioning job ${job.jobId} (status: ${jobStatusWords(job.status)}); the assistant fills in its Tenant URL and Secret Token at step 6.`
          : null
      }
    />
  );
}

/** Step 4 in assistant mode: the app's provisioning job, set up through Graph. */
export function EntraJobStep() {
  return (
    <AssistantOnly>
      <div className="entra-setup">
        <NeedsJob>{(view) => <JobPanel view={view} />}</NeedsJob>
        <JobTicks />
      </div>
    </AssistantOnly>
  );
}

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { AssignPanel } from './AssignPanel';
import { AssistantOnly } from './AssistantOnly';
import { AssistantTicks } from './AssistantTicks';
import { jobStatusWords } from '../../lib/entra-words';
import { HealthPanel } from './HealthPanel';
import { NeedsJob } from './NeedsJob';
import { OnDemandPanel } from './OnDemandPanel';
import { scopeWords } from './ScopeSummary';
import { StartPanel } from './StartPanel';
import { TestUserProof } from './TestUserProof';

function ProvisionTicks({ view }: { view: EntraSetupView }) {
  const assigned = view.assignments ?? [];
  const onDemand = view.lastOnDemand?.result === 'Success' ? view.lastOnDemand : null;
  const started = view.job?.scheduleState === 'Active' || view.job?.status === 'Active';
  return (
    <>
      <AssistantTicks
        step="provision-users"
        items={['scope']}
        evidence={
          view.scope?.scope === 'assigned' ? `the job’s scope is ${scopeWords(view.scope)}.` : null
        }
      />
      <AssistantTicks
        step="provision-users"
        items={['assigned']}
        evidence={assigned.length > 0 ? `${assigned.length} assigned to the app.` : null}
      />
      <AssistantTicks
        step="provision-users"
        items={['on-demand']}
        evidence={
          onDemand
            ? `provision on demand succeeded for ${onDemand.userDisplayName ?? onDemand.userId}.`
            : null
        }
      />
      <AssistantTicks
        step="provision-users"
        items={['started']}
        evidence={
          started
            ? `provisioning is started (job status: ${view.job ? jobStatusWords(view.job.status) : '—'}).`
            : null
        }
      />
    </>
  );
}

/**
 * Step 7 in assistant mode, above the watch, in the checklist's order: assign, provision one user
 * on demand, the scope and start, job health, then the optional test-user proof.
 */
export function EntraProvisionStep() {
  return (
    <AssistantOnly>
      <div className="entra-setup">
        <NeedsJob>
          {(view) => (
            <>
              <AssignPanel view={view} />
              <OnDemandPanel view={view} />
              <StartPanel view={view} />
              <HealthPanel />
              <TestUserProof view={view} />
              <ProvisionTicks view={view} />
            </>
          )}
        </NeedsJob>
      </div>
    </AssistantOnly>
  );
}

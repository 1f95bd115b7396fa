import { useEffect } from 'react';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { AssignPanel } from './AssignPanel';
import { AssistantOnly } from './AssistantOnly';
import { AssistantTicks } from './AssistantTicks';
import { jobStatusWords } from '../../lib/entra-words';
import { useEntraStore } from '../../state/entra-store';
import { HealthPanel } from './HealthPanel';
import { EntraPart } from './NeedsJob';
import { OnDemandPanel } from './OnDemandPanel';
import { scopeWords } from './ScopeSummary';
import { StartPanel } from './StartPanel';
import { TestUserProof } from './TestUserProof';
import { useEntraSetup } from './use-entra-setup';

function ProvisionTicks({ view }: { view: EntraSetupView }) {
  const refreshScope = useEntraStore((s) => s.refreshScope);
  const unread = view.scope === null;
  // Read by itself when the step opens, whichever part shows, so its tick needs no visit to the
  // Start part; a failed read shows there only when the admin asks for the scope.
  useEffect(() => {
    if (unread) void refreshScope();
  }, [unread, refreshScope]);
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
 * Step 7's ticks in assistant mode, kept on screen whichever part is open: what the assistant
 * sees in one part (the scope, read when the step opens) ticks its item in any other.
 */
export function EntraProvisionTicks() {
  const { view } = useEntraSetup();
  if (view?.app == null || view.job === null) return null;
  return <ProvisionTicks view={view} />;
}

/** Step 7's first part in assistant mode: who is assigned to the app. */
export function EntraAssignPart() {
  return <EntraPart>{(view) => <AssignPanel view={view} />}</EntraPart>;
}

/** Step 7's second part: one user provisioned on demand, with Entra's steps. */
export function EntraOnDemandPart() {
  return <EntraPart>{(view) => <OnDemandPanel view={view} />}</EntraPart>;
}

/** Step 7's third part: the job's scope, then Start. */
export function EntraStartPart() {
  return <EntraPart>{(view) => <StartPanel view={view} />}</EntraPart>;
}

/** Step 7's fourth part, beside the members arriving in Stytch: the job's health and log. */
export function EntraHealthPart() {
  return <EntraPart>{() => <HealthPanel />}</EntraPart>;
}

/** Step 7's last part: the optional deprovisioning proof with a test user. */
export function EntraTestUserPart() {
  return <EntraPart>{(view) => <TestUserProof view={view} />}</EntraPart>;
}

/** Step 7 done by hand: the offer to let the assistant do it (its parts are shown in its mode). */
export function EntraProvisionStep() {
  return <AssistantOnly>{null}</AssistantOnly>;
}

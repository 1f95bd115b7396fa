import { useEffect } from 'react';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { AssignPanel } from './AssignPanel';
import { AssistantOnly } from './AssistantOnly';
import { AssistantTicks } from './AssistantTicks';
import { jobStatusWords } from '../../../shared/entra/entra-words';
import { useEntraStore } from '../../state/entra-store';
import { HealthPanel } from './HealthPanel';
import { EntraPart } from './NeedsJob';
import { OnDemandPanel } from './OnDemandPanel';
import { scopeWords } from './ScopeSummary';
import { StartPanel } from './StartPanel';
import { TestUserProof } from './TestUserProof';
import { useEntraSetup } from './use-entra-setup';

/** The checklist items of step 7 that the assistant checks in Entra. */
type ProvisionItem = 'scope' | 'assigned' | 'on-demand' | 'started';
const PROVISION_ITEMS: readonly ProvisionItem[] = ['scope', 'assigned', 'on-demand', 'started'];

/** What the assistant sees in Entra for each item, or null while it has not seen it. */
function provisionEvidence(view: EntraSetupView): Record<ProvisionItem, string | null> {
  const assigned = view.assignments ?? [];
  const onDemand = view.lastOnDemand?.result === 'Success' ? view.lastOnDemand : null;
  const started = view.job?.scheduleState === 'Active' || view.job?.status === 'Active';
  return {
    scope:
      view.scope?.scope === 'assigned' ? `the job’s scope is ${scopeWords(view.scope)}.` : null,
    assigned: assigned.length > 0 ? `${assigned.length} assigned to the app.` : null,
    'on-demand': onDemand
      ? `provision on demand succeeded for ${onDemand.userDisplayName ?? onDemand.userId}.`
      : null,
    started: started
      ? `provisioning is started (job status: ${view.job ? jobStatusWords(view.job.status) : '—'}).`
      : null,
  };
}

/** Ticks `items` from what the assistant sees, saying so unless `silent`. */
function ProvisionTicks({
  view,
  items,
  silent = false,
}: {
  view: EntraSetupView;
  items: readonly ProvisionItem[];
  silent?: boolean;
}) {
  const evidence = provisionEvidence(view);
  return (
    <>
      {items.map((item) => (
        <AssistantTicks
          key={item}
          step="provision-users"
          items={[item]}
          evidence={evidence[item]}
          silent={silent}
        />
      ))}
    </>
  );
}

/** Reads the job's scope once the step opens (the scope's tick needs no visit to its part). */
function ReadScopeOnOpen({ view }: { view: EntraSetupView }) {
  const refreshScope = useEntraStore((s) => s.refreshScope);
  const unread = view.scope === null;
  // A failed read shows in the Start part, and only when the admin asks for the scope.
  useEffect(() => {
    if (unread) void refreshScope();
  }, [unread, refreshScope]);
  return null;
}

/**
 * Step 7's ticks in assistant mode, kept on screen whichever part is open, without a word: what
 * the assistant sees while one part is open ticks its item at once. Each part says what it saw.
 */
export function EntraProvisionTicks() {
  const { view } = useEntraSetup();
  if (view?.app == null || view.job === null) return null;
  return (
    <>
      <ReadScopeOnOpen view={view} />
      <ProvisionTicks view={view} items={PROVISION_ITEMS} silent />
    </>
  );
}

/** Step 7's first part in assistant mode: who is assigned to the app. */
export function EntraAssignPart() {
  return (
    <EntraPart>
      {(view) => (
        <>
          <AssignPanel view={view} />
          <ProvisionTicks view={view} items={['assigned']} />
        </>
      )}
    </EntraPart>
  );
}

/** Step 7's second part: one user provisioned on demand, with Entra's steps. */
export function EntraOnDemandPart() {
  return (
    <EntraPart>
      {(view) => (
        <>
          <OnDemandPanel view={view} />
          <ProvisionTicks view={view} items={['on-demand']} />
        </>
      )}
    </EntraPart>
  );
}

/** Step 7's third part: the job's scope, then Start. */
export function EntraStartPart() {
  return (
    <EntraPart>
      {(view) => (
        <>
          <StartPanel view={view} />
          <ProvisionTicks view={view} items={['scope', 'started']} />
        </>
      )}
    </EntraPart>
  );
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

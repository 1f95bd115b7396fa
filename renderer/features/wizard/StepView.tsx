import { Suspense, useEffect, useRef, type ReactNode } from 'react';

import { STEP_CONTENT } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { useEntraStore } from '../../state/entra-store';
import { CONNECTION_CHECK_PART } from '../../state/step-view-store';
import { useWatchFacts } from '../../state/watch-store';
import { useWizardStore } from '../../state/wizard-store';
import { ConnectStep } from '../stytch-project/ConnectStep';
import { assertNever } from './assert-never';
import { CREDENTIAL_PARTS, PROVISION_PARTS, type PartId, type PartPlan } from './assisted-parts';
import { Checklist } from './Checklist';
import { AssistedSummary, GuideContent, Notes } from './GuideContent';
import {
  ConnectionBody,
  ConnectionCheckBody,
  CredentialsBody,
  EntraAppBody,
  EntraChoiceBody,
  EntraCredentialsBody,
  EntraJobBody,
  EntraMappingBody,
  EntraAssignBody,
  EntraHealthBody,
  EntraOnDemandBody,
  EntraProvisionBody,
  EntraProvisionTicksBody,
  EntraStartBody,
  EntraTestUserBody,
  GroupRolesBody,
  EntraSaveBody,
  KeepWatchingBody,
  OrganizationBody,
  prefetchNextWhenIdle,
  StepLoading,
  SummaryBody,
  WatchBody,
  WatchMembersBody,
} from './step-bodies';
import { itemDone } from './step-gate';
import { StepNav } from './StepNav';
import { SubSteps } from './SubSteps';

/**
 * A step the assistant does, one part at a time (see assisted-parts.ts): each part marked done
 * once every checklist item it reaches is ticked, as the checklist shows it.
 */
function AssistedParts<P extends readonly PartPlan[]>({
  step,
  plan,
  bodies,
}: {
  step: WizardStepId;
  plan: P;
  bodies: Readonly<Record<PartId<P>, ReactNode>>;
}) {
  const checklist = useWizardStore((s) => s.checklist);
  const seen = useWatchFacts();
  const { checklist: items, partNotes } = STEP_CONTENT[step];
  const parts = plan.map((part: PartPlan) => ({
    id: part.id,
    title: part.title,
    // A note on one part is said once, under it (not below every part of the step).
    body: (
      <>
        {bodies[part.id as PartId<P>]}
        <Notes notes={partNotes?.[part.id] ?? []} />
      </>
    ),
    done:
      part.items.length > 0 &&
      part.items.every((id) => {
        const item = items.find((candidate) => candidate.id === id);
        return item !== undefined && itemDone(step, item, checklist, seen);
      }),
  }));
  return <SubSteps step={step} parts={parts} />;
}

/**
 * Step 6 when the assistant does it, one part at a time: the credentials saved in Entra (with
 * Entra's Test Connection), the user mapping, then the assistant's own deeper check.
 */
function CredentialParts() {
  return (
    <AssistedParts
      step="configure-credentials"
      plan={CREDENTIAL_PARTS}
      bodies={{
        credentials: (
          <>
            <EntraSaveBody.Component />
            <CredentialsBody.Component />
          </>
        ),
        mapping: <EntraMappingBody.Component />,
        [CONNECTION_CHECK_PART]: <ConnectionCheckBody.Component />,
      }}
    />
  );
}

/**
 * Step 7 when the assistant does it, one thing per part. The watch and the assistant's ticks stay
 * on for the whole step, so what happens while one part is open ticks the others' items too.
 */
function ProvisionParts() {
  return (
    <>
      <KeepWatchingBody.Component />
      <EntraProvisionTicksBody.Component />
      <AssistedParts
        step="provision-users"
        plan={PROVISION_PARTS}
        bodies={{
          assign: <EntraAssignBody.Component />,
          'on-demand': <EntraOnDemandBody.Component />,
          start: <EntraStartBody.Component />,
          watch: (
            <>
              <WatchMembersBody.Component />
              <EntraHealthBody.Component />
            </>
          ),
          // The proof is read in the members table: the test user arrives, then is deactivated.
          'test-user': (
            <>
              <EntraTestUserBody.Component />
              <WatchMembersBody.Component />
            </>
          ),
        }}
      />
    </>
  );
}

/**
 * The step's body. Only the first step's is in the first screen's JavaScript; the others load
 * when their step opens (see step-bodies.tsx), usually already prefetched.
 */
function StepBody({ step, assisted }: { step: WizardStepId; assisted: boolean }) {
  switch (step) {
    case 'connect-stytch':
      return <ConnectStep />;
    case 'choose-organization':
      return <OrganizationBody.Component />;
    case 'create-scim-connection':
      return <ConnectionBody.Component />;
    case 'create-entra-app':
      return <EntraAppBody.Component />;
    case 'enable-provisioning':
      return <EntraJobBody.Component />;
    case 'configure-credentials':
      if (assisted) return <CredentialParts />;
      return (
        <>
          <CredentialsBody.Component />
          <EntraCredentialsBody.Component />
        </>
      );
    case 'provision-users':
      if (assisted) return <ProvisionParts />;
      return (
        <>
          <EntraProvisionBody.Component />
          <WatchBody.Component />
        </>
      );
    case 'group-roles':
      return <GroupRolesBody.Component />;
    case 'webhooks':
      return null;
    case 'summary':
      return <SummaryBody.Component />;
    default:
      return assertNever(step);
  }
}

/** Steps whose by-hand guide folds away below the assistant's controls when it does them. */
const ASSISTED_STEPS: readonly WizardStepId[] = [
  'create-entra-app',
  'enable-provisioning',
  'configure-credentials',
  'provision-users',
];

/** The current step: heading (focused on every step change), guide, body, checklist, nav. */
export function StepView() {
  const step = useWizardStore((s) => s.current);
  const assistant = useEntraStore((s) => s.choice === 'assistant');
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    // Leave focus alone on first paint; after that, a step change moves it to the new heading
    // so keyboard and screen-reader users start reading at the top of the step.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  useEffect(() => prefetchNextWhenIdle(step), [step]);

  const content = STEP_CONTENT[step];
  const assisted = assistant && ASSISTED_STEPS.includes(step);
  return (
    <section className="step" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={heading} tabIndex={-1}>
        {content.title}
      </h2>
      {step === 'create-entra-app' && (
        <Suspense fallback={null}>
          <EntraChoiceBody.Component />
        </Suspense>
      )}
      {assisted ? <AssistedSummary step={step} /> : <GuideContent step={step} />}
      <ErrorBoundary key={step}>
        <Suspense fallback={<StepLoading />}>
          <StepBody step={step} assisted={assisted} />
        </Suspense>
      </ErrorBoundary>
      {assisted && <GuideContent step={step} assisted />}
      <Checklist step={step} />
      <StepNav step={step} />
    </section>
  );
}

import { Suspense, useEffect, useRef } from 'react';

import { STEP_CONTENT, checklistKey } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { useEntraStore } from '../../state/entra-store';
import { CONNECTION_CHECK_PART } from '../../state/step-view-store';
import { useWizardStore } from '../../state/wizard-store';
import { ConnectStep } from '../stytch-project/ConnectStep';
import { assertNever } from './assert-never';
import { Checklist } from './Checklist';
import { AssistedSummary, GuideContent } from './GuideContent';
import {
  ConnectionBody,
  ConnectionCheckBody,
  CredentialsBody,
  EntraAppBody,
  EntraChoiceBody,
  EntraCredentialsBody,
  EntraJobBody,
  EntraMappingBody,
  EntraProvisionBody,
  GroupRolesBody,
  EntraSaveBody,
  OrganizationBody,
  prefetchNextWhenIdle,
  StepLoading,
  SummaryBody,
  WatchBody,
} from './step-bodies';
import { StepNav } from './StepNav';
import { SubSteps } from './SubSteps';

/**
 * Step 6 when the assistant does it, one part at a time: the credentials saved in Entra (with
 * Entra's Test Connection), the user mapping, then the assistant's own deeper check.
 */
function CredentialParts() {
  const tested = useWizardStore((s) =>
    Boolean(s.checklist[checklistKey('configure-credentials', 'entra-test')]),
  );
  const mapped = useWizardStore((s) =>
    Boolean(s.checklist[checklistKey('configure-credentials', 'mapping')]),
  );
  return (
    <SubSteps
      step="configure-credentials"
      parts={[
        {
          id: 'credentials',
          title: 'Give Entra the credentials',
          body: (
            <>
              <EntraSaveBody.Component />
              <CredentialsBody.Component />
            </>
          ),
          done: tested,
        },
        {
          id: 'mapping',
          title: 'Check the user mapping',
          body: <EntraMappingBody.Component />,
          done: mapped,
        },
        {
          id: CONNECTION_CHECK_PART,
          title: 'Check the connection in depth (optional)',
          body: <ConnectionCheckBody.Component />,
          done: false,
        },
      ]}
    />
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

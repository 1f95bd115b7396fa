import { Suspense, useEffect, useRef } from 'react';

import { STEP_CONTENT } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { useEntraStore } from '../../state/entra-store';
import { useWizardStore } from '../../state/wizard-store';
import { ConnectStep } from '../stytch-project/ConnectStep';
import { assertNever } from './assert-never';
import { Checklist } from './Checklist';
import { GuideContent } from './GuideContent';
import {
  ConnectionBody,
  CredentialsBody,
  EntraAppBody,
  EntraChoiceBody,
  EntraCredentialsBody,
  EntraJobBody,
  EntraProvisionBody,
  GroupRolesBody,
  OrganizationBody,
  prefetchNextWhenIdle,
  StepLoading,
  SummaryBody,
  WatchBody,
} from './step-bodies';
import { StepNav } from './StepNav';

/**
 * The step's body. Only the first step's is in the first screen's JavaScript; the others load
 * when their step opens (see step-bodies.tsx), usually already prefetched.
 */
function StepBody({ step }: { step: WizardStepId }) {
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

/** Steps whose by-hand instructions fold away while the assistant does them through Graph. */
const ASSISTED_STEPS: readonly WizardStepId[] = ['create-entra-app', 'enable-provisioning'];

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
      <GuideContent step={step} foldInstructions={assistant && ASSISTED_STEPS.includes(step)} />
      <ErrorBoundary key={step}>
        <Suspense fallback={<StepLoading />}>
          <StepBody step={step} />
        </Suspense>
      </ErrorBoundary>
      <Checklist step={step} />
      <StepNav step={step} />
    </section>
  );
}

import { useEffect, useRef } from 'react';

import { STEP_CONTENT } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { useEntraStore } from '../../state/entra-store';
import { useWizardStore } from '../../state/wizard-store';
import { CredentialsStep } from '../credentials/CredentialsStep';
import { EntraAppStep } from '../entra-setup/EntraAppStep';
import { EntraChoice } from '../entra-setup/EntraChoice';
import { EntraCredentialsStep } from '../entra-setup/EntraCredentialsStep';
import { EntraJobStep } from '../entra-setup/EntraJobStep';
import { EntraProvisionStep } from '../entra-setup/EntraProvisionStep';
import { OrganizationStep } from '../organizations/OrganizationStep';
import { WatchStep } from '../provisioning-watch/WatchStep';
import { ConnectionStep } from '../scim-connection/ConnectionStep';
import { ConnectStep } from '../stytch-project/ConnectStep';
import { assertNever } from './assert-never';
import { Checklist } from './Checklist';
import { GuideContent } from './GuideContent';
import { StepNav } from './StepNav';

function StepBody({ step }: { step: WizardStepId }) {
  switch (step) {
    case 'connect-stytch':
      return <ConnectStep />;
    case 'choose-organization':
      return <OrganizationStep />;
    case 'create-scim-connection':
      return <ConnectionStep />;
    case 'create-entra-app':
      return <EntraAppStep />;
    case 'enable-provisioning':
      return <EntraJobStep />;
    case 'configure-credentials':
      return (
        <>
          <CredentialsStep />
          <EntraCredentialsStep />
        </>
      );
    case 'provision-users':
      return (
        <>
          <EntraProvisionStep />
          <WatchStep />
        </>
      );
    case 'webhooks':
      return null;
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

  const content = STEP_CONTENT[step];
  return (
    <section className="step" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={heading} tabIndex={-1}>
        {content.title}
      </h2>
      {step === 'create-entra-app' && <EntraChoice />}
      <GuideContent step={step} foldInstructions={assistant && ASSISTED_STEPS.includes(step)} />
      <ErrorBoundary key={step}>
        <StepBody step={step} />
      </ErrorBoundary>
      <Checklist step={step} />
      <StepNav step={step} />
    </section>
  );
}

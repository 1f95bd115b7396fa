import { useEffect, useRef } from 'react';

import { STEP_CONTENT } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { useWizardStore } from '../../state/wizard-store';
import { CredentialsStep } from '../credentials/CredentialsStep';
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
    case 'configure-credentials':
      return <CredentialsStep />;
    case 'provision-users':
      return <WatchStep />;
    case 'create-entra-app':
    case 'enable-provisioning':
    case 'webhooks':
      return null;
    default:
      return assertNever(step);
  }
}

/** The current step: heading (focused on every step change), guide, body, checklist, nav. */
export function StepView() {
  const step = useWizardStore((s) => s.current);
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
      <GuideContent step={step} />
      <ErrorBoundary key={step}>
        <StepBody step={step} />
      </ErrorBoundary>
      <Checklist step={step} />
      <StepNav step={step} />
    </section>
  );
}

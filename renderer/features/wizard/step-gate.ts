import { PASTED_KEY, STEP_CONTENT, checklistKey } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { useAppStore } from '../../state/app-store';
import { useConnectionStore } from '../../state/connection-store';
import { useEntraStore } from '../../state/entra-store';
import { useOrganizationStore } from '../../state/organization-store';
import { useWizardStore } from '../../state/wizard-store';
import { assertNever } from './assert-never';

/** Whether Next is allowed on a step, and if not, what the user still has to do. */
export interface StepGate {
  canAdvance: boolean;
  reason: string | null;
}

const OPEN: StepGate = { canAdvance: true, reason: null };

function gate(ok: boolean, reason: string): StepGate {
  return ok ? OPEN : { canAdvance: false, reason };
}

function allTicked(step: WizardStepId, checklist: Readonly<Record<string, boolean>>): boolean {
  return STEP_CONTENT[step].checklist.every((item) => checklist[checklistKey(step, item.id)]);
}

/**
 * When the assistant does the step, Next waits for outcomes it checks in Entra: the reason names
 * the first one still open, and says the admin may confirm it instead.
 */
function assistantGate(step: WizardStepId, checklist: Readonly<Record<string, boolean>>): StepGate {
  const open = STEP_CONTENT[step].checklist.find((item) => !checklist[checklistKey(step, item.id)]);
  if (open === undefined) return OPEN;
  return {
    canAdvance: false,
    reason:
      `Not yet checked: “${open.label}”. The assistant ticks it once it sees it in Entra; ` +
      'you can also tick it yourself.',
  };
}

/** Computes the gate for `step` from the stores, selecting only what it needs. */
export function useStepGate(step: WizardStepId): StepGate {
  const connected = useAppStore((s) => s.status?.connected ?? false);
  const organizationChosen = useOrganizationStore((s) => s.selected !== null);
  const checklist = useWizardStore((s) => s.checklist);
  const assistant = useEntraStore((s) => s.choice === 'assistant');
  const tokenReady = useConnectionStore(
    (s) =>
      s.connection !== null &&
      !s.connection.rotating &&
      s.connection.token.storage !== 'none' &&
      s.busy === null,
  );
  const ticks = 'Tick every item in the checklist to continue.';
  switch (step) {
    case 'connect-stytch':
      return gate(connected, 'Connect to Stytch or start the sandbox to continue.');
    case 'choose-organization':
      return gate(organizationChosen, 'Choose an organization to continue.');
    case 'create-entra-app':
    case 'enable-provisioning':
    case 'provision-users':
      return assistant ? assistantGate(step, checklist) : gate(allTicked(step, checklist), ticks);
    case 'create-scim-connection':
      return gate(tokenReady, 'Create the connection, or choose how to use the existing one.');
    case 'configure-credentials':
      // The assistant saves both values in Entra itself: there is nothing to paste.
      if (assistant) return assistantGate(step, checklist);
      return gate(
        Boolean(checklist[PASTED_KEY]) && allTicked(step, checklist),
        'Paste both values into Entra and tick every item to continue.',
      );
    case 'webhooks':
      return OPEN;
    default:
      return assertNever(step);
  }
}

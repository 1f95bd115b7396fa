import { PROVISION_PARTS, type PartId } from '../../../renderer/features/wizard/assisted-parts';
import { useStepViewStore } from '../../../renderer/state/step-view-store';
import type { EntraStepsChoice } from '../../../shared/settings/settings';
import type { WizardStepId } from '../../../shared/wizard/steps';
import {
  installConnectedAt,
  okFor,
  type FakeAssistant,
  type FakeHandlers,
} from '../fake-assistant';
import { connectionView } from '../fixtures';

/**
 * A fake main for an admin connected to Stytch, saved at `step` with the organization's
 * connection in Stytch, who chose `choice` at step 3.
 */
export function installEntraAt(
  step: WizardStepId,
  handlers: FakeHandlers = {},
  choice: EntraStepsChoice | null = 'assistant',
): FakeAssistant {
  const fake = installConnectedAt(step, {
    'scim:getConnection': () => okFor('scim:getConnection', { connection: connectionView() }),
    ...handlers,
  });
  fake.settings.entraSteps = choice;
  return fake;
}

/**
 * Opens `part` of step 7 in assistant mode when the app renders, as the admin would by choosing
 * it in the list of the step's parts.
 */
export function openProvisionPart(part: PartId<typeof PROVISION_PARTS>): void {
  useStepViewStore.getState().showPart('provision-users', part);
}

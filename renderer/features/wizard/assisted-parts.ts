import type { WizardStepId } from '../../../shared/wizard/steps';
import { CONNECTION_CHECK_PART } from '../../state/step-view-store';

/** One part of a step the assistant does in parts: its title and the checklist items it reaches. */
export interface PartPlan {
  id: string;
  title: string;
  /** Checklist item ids (of the step) that this part's outcome ticks; none for a part to read. */
  items: readonly string[];
}

/** Step 6 in assistant mode: the credentials saved in Entra, the mapping, the deeper check. */
export const CREDENTIAL_PARTS = [
  { id: 'credentials', title: 'Give Entra the credentials', items: ['entra-test'] },
  { id: 'mapping', title: 'Check the user mapping', items: ['mapping'] },
  { id: CONNECTION_CHECK_PART, title: 'Check the connection in depth (optional)', items: [] },
] as const satisfies readonly PartPlan[];

/**
 * Step 7 in assistant mode, one thing each, in the order the admin does them: who is assigned,
 * one person provisioned at once, the job started, members arriving, and the optional proof of
 * deprovisioning with a test user (never a real person).
 */
export const PROVISION_PARTS = [
  { id: 'assign', title: 'Assign users and groups', items: ['assigned'] },
  { id: 'on-demand', title: 'Provision one user now', items: ['on-demand'] },
  { id: 'start', title: 'Turn provisioning on', items: ['scope', 'started'] },
  { id: 'watch', title: 'Watch members arrive', items: ['member-arrived'] },
  {
    id: 'test-user',
    title: 'See deprovisioning with a test user (optional)',
    items: ['member-deactivated'],
  },
] as const satisfies readonly PartPlan[];

/** The ids of a plan's parts. */
export type PartId<P extends readonly PartPlan[]> = P[number]['id'];

/** The steps shown in parts when the assistant does them. */
const ASSISTED_PARTS: Partial<Record<WizardStepId, readonly PartPlan[]>> = {
  'configure-credentials': CREDENTIAL_PARTS,
  'provision-users': PROVISION_PARTS,
};

/** The part (number from 1, and plan) that reaches checklist item `itemId`, if the step has parts. */
export function partOfItem(
  step: WizardStepId,
  itemId: string,
): { number: number; part: PartPlan } | null {
  const parts = ASSISTED_PARTS[step] ?? [];
  const index = parts.findIndex((part) => part.items.includes(itemId));
  const part = parts[index];
  return part === undefined ? null : { number: index + 1, part };
}

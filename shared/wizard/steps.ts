/**
 * The wizard's step ids, in order. Zod-free on purpose: the renderer needs them at run time,
 * and importing them from shared/settings/settings.ts would pull zod into its bundle.
 */
export const WIZARD_STEP_IDS = [
  'connect-stytch',
  'choose-organization',
  'create-entra-app',
  'enable-provisioning',
  'create-scim-connection',
  'configure-credentials',
  'provision-users',
  'group-roles',
  'webhooks',
  'summary',
] as const;

/** One of {@link WIZARD_STEP_IDS}. */
export type WizardStepId = (typeof WIZARD_STEP_IDS)[number];

/** The step's position in the flow (0-based). */
export function stepIndex(id: WizardStepId): number {
  return WIZARD_STEP_IDS.indexOf(id);
}

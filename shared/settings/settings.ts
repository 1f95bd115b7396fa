import { z } from 'zod';

import { StytchEnvironmentSchema } from '../stytch/views';

/** The wizard's steps, in order (content for each lives in shared/wizard/). */
export const WIZARD_STEP_IDS = [
  'connect-stytch',
  'choose-organization',
  'create-entra-app',
  'enable-provisioning',
  'create-scim-connection',
  'configure-credentials',
  'provision-users',
  'webhooks',
] as const;
export const WizardStepIdSchema = z.enum(WIZARD_STEP_IDS);
export type WizardStepId = z.infer<typeof WizardStepIdSchema>;

/** One saved set-up: which org was connected, and how it last tested. Never a secret. */
export const SavedSetupSchema = z.object({
  projectId: z.string(),
  environment: StytchEnvironmentSchema,
  organizationId: z.string(),
  organizationName: z.string(),
  connectionId: z.string().nullable(),
  lastProbe: z
    .object({ at: z.string(), ok: z.boolean(), failed: z.array(z.string()) })
    .nullable(),
  updatedAt: z.string(),
});
export type SavedSetup = z.infer<typeof SavedSetupSchema>;

/** Wizard progress: where the user is and which checklist items they ticked. */
export const WizardProgressSchema = z.object({
  currentStep: WizardStepIdSchema,
  completedSteps: z.array(WizardStepIdSchema),
  checklist: z.record(z.string(), z.boolean()),
});
export type WizardProgress = z.infer<typeof WizardProgressSchema>;

/** The settings file's content (version 1). Non-secret by construction. */
export const SettingsSchema = z.object({
  version: z.literal(1),
  projectId: z.string().nullable(),
  environment: StytchEnvironmentSchema.nullable(),
  organizationId: z.string().nullable(),
  wizard: WizardProgressSchema,
  setups: z.array(SavedSetupSchema),
  clipboardClearMs: z.number().int().min(5_000).max(600_000),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings for a first run. */
export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  projectId: null,
  environment: null,
  organizationId: null,
  wizard: { currentStep: 'connect-stytch', completedSteps: [], checklist: {} },
  setups: [],
  clipboardClearMs: 60_000,
};

/** The part of the settings the renderer may change. */
export const SettingsPatchSchema = z
  .object({
    organizationId: z.string().nullable().optional(),
    wizard: WizardProgressSchema.optional(),
    clipboardClearMs: z.number().int().min(5_000).max(600_000).optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

import { z } from 'zod';

import { StytchEnvironmentSchema, StytchIdSchema } from '../stytch/views';
import { WIZARD_STEP_IDS } from '../wizard/steps';
import {
  CLIENT_ID_REFUSED,
  isMicrosoftClientId,
  microsoftTenantOf,
  TENANT_REFUSED,
} from './microsoft-app';

/** The wizard's steps, in order (ids and content live in shared/wizard/, which is zod-free). */
export { WIZARD_STEP_IDS };
export const WizardStepIdSchema = z.enum(WIZARD_STEP_IDS);
export type WizardStepId = z.infer<typeof WizardStepIdSchema>;

/** Wizard progress: where the user is and which checklist items they ticked. */
export const WizardProgressSchema = z.object({
  currentStep: WizardStepIdSchema,
  completedSteps: z.array(WizardStepIdSchema),
  checklist: z.record(z.string(), z.boolean()),
});
export type WizardProgress = z.infer<typeof WizardProgressSchema>;

/**
 * A SCIM connection the app stored a token for, so "forget this project" can find the project's
 * tokens (keychain account names hold only the connection id). Ids only, never a token.
 */
export const KnownConnectionSchema = z.object({
  projectId: z.string(),
  organizationId: z.string(),
  connectionId: z.string(),
});
export type KnownConnection = z.infer<typeof KnownConnectionSchema>;

/** A Microsoft Entra application (client) ID (`isMicrosoftClientId` says what it looks like). */
export const MicrosoftClientIdSchema = z
  .string()
  .refine(isMicrosoftClientId, { message: CLIENT_ID_REFUSED });

/** The admin's own Entra tenant, kept trimmed and lower case (`microsoftTenantOf` says why). */
export const MicrosoftTenantSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((tenant) => microsoftTenantOf(tenant) !== null, { message: TENANT_REFUSED });

/** Who does the Entra steps (step 3's choice). */
export const EntraStepsChoiceSchema = z.enum(['assistant', 'by-hand']);
export type EntraStepsChoice = z.infer<typeof EntraStepsChoiceSchema>;

/**
 * Which Entra enterprise app (service principal) and provisioning job belong to a Stytch
 * organization, so the assistant finds them again after a restart. `sandbox` keeps the local
 * stand-in's tenant apart from a real one.
 */
export const EntraAppLinkSchema = z.object({
  organizationId: z.string(),
  sandbox: z.boolean(),
  tenantId: z.string(),
  servicePrincipalId: z.string(),
  jobId: z.string().nullable(),
  /**
   * The tenant by name when the app was linked (the domain the admin gave, or the sandbox's
   * name): the overview names it when someone is signed in elsewhere. Absent in older files.
   */
  tenantName: z.string().optional(),
  /**
   * Who created or chose the app (MSAL's home account id and the sign-in name): Graph writes for
   * this organization go ahead only while the same person is signed in. Null in files written
   * before the check: the app then has to be chosen again before a write.
   */
  confirmedBy: z
    .object({ homeAccountId: z.string(), username: z.string() })
    .nullable()
    .default(null),
});
export type EntraAppLink = z.infer<typeof EntraAppLinkSchema>;

/**
 * What the last rotation of a project's connection found: whether Stytch accepted the pending
 * token before Complete (main/rotation/pending-check.ts). Per project, no token.
 */
export const PendingTokenCheckSchema = z.object({
  projectId: z.string(),
  accepted: z.boolean(),
  checkedAt: z.string(),
});
export type PendingTokenCheck = z.infer<typeof PendingTokenCheckSchema>;

/**
 * The settings file's content (version 1). Non-secret by construction. Fields an earlier build
 * wrote and this one no longer keeps (`setups`, never filled in) are dropped on load and the file
 * is rewritten without them (main/settings/settings-store.ts).
 */
/** An organization's name as the settings keep it: Stytch's words, bounded. */
const OrganizationNameSchema = z.string().max(256);

export const SettingsSchema = z.object({
  version: z.literal(1),
  projectId: z.string().nullable(),
  environment: StytchEnvironmentSchema.nullable(),
  organizationId: z.string().nullable(),
  /**
   * That organization's name as Stytch gave it when the admin chose it, for showing where the
   * admin is after a restart (not read again: a rename in Stytch shows from the next choice).
   * Defaults to null so older files still load.
   */
  organizationName: OrganizationNameSchema.nullable().default(null),
  wizard: WizardProgressSchema,
  clipboardClearMs: z.number().int().min(5_000).max(600_000),
  /** Defaults to empty so a file without it (older, or edited by hand) still loads. */
  knownConnections: z.array(KnownConnectionSchema).default([]),
  /**
   * The public client app registration Microsoft sign-in uses (main/microsoft-sign-in/); null
   * until the admin enters one. Defaults to null so older files still load.
   */
  microsoftClientId: MicrosoftClientIdSchema.nullable().default(null),
  /**
   * The tenant Microsoft sign-in goes to, beside the client ID (see {@link MicrosoftTenantSchema});
   * null until the admin enters it. Defaults to null so older files still load.
   */
  microsoftTenant: MicrosoftTenantSchema.nullable().default(null),
  /**
   * Step 3's choice: the assistant does the Entra steps through Microsoft Graph, or the admin
   * does them by hand (null until chosen). The two can still be mixed step by step.
   */
  entraSteps: EntraStepsChoiceSchema.nullable().default(null),
  /** The enterprise app and provisioning job the assistant works on, per organization (ids only). */
  entraApps: z.array(EntraAppLinkSchema).default([]),
  /** Whether Stytch accepts a pending rotation token, per project, as last seen (no token). */
  rotationChecks: z.array(PendingTokenCheckSchema).default([]),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings for a first run. */
export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  projectId: null,
  environment: null,
  organizationId: null,
  organizationName: null,
  wizard: { currentStep: 'connect-stytch', completedSteps: [], checklist: {} },
  clipboardClearMs: 60_000,
  knownConnections: [],
  microsoftClientId: null,
  microsoftTenant: null,
  entraSteps: null,
  entraApps: [],
  rotationChecks: [],
};

/** The most checklist ticks a patch may carry; the wizard's checklists hold about a dozen. */
const MAX_CHECKLIST_TICKS = 100;
const MAX_CHECKLIST_KEY_LENGTH = 100;
/** A tick's key, `<step id>.<item id>` (`checklistKey` in shared/wizard/content.ts). */
const CHECKLIST_KEY = /^[a-z0-9-]+\.[a-z0-9-]+$/;

/**
 * Checked as a whole before the record parses it, so a patch with 200k keys (or a 10 MB key)
 * costs one issue rather than one per key, and no oversized key ends up in an error message.
 */
function isBoundedChecklist(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return (
    keys.length <= MAX_CHECKLIST_TICKS &&
    keys.every((key) => key.length <= MAX_CHECKLIST_KEY_LENGTH && CHECKLIST_KEY.test(key))
  );
}

const ChecklistPatchSchema = z
  .custom<Record<string, boolean>>(isBoundedChecklist, {
    message: `The checklist holds at most ${MAX_CHECKLIST_TICKS} ticks, each keyed "<step>.<item>".`,
  })
  .pipe(z.record(z.string(), z.boolean()));

/** Wizard progress as the renderer sends it: every field bounded, nothing unknown. */
const WizardProgressPatchSchema = z
  .object({
    currentStep: WizardStepIdSchema,
    completedSteps: z
      .array(WizardStepIdSchema)
      .max(WIZARD_STEP_IDS.length)
      .refine((steps) => new Set(steps).size === steps.length, {
        message: 'Each completed step is listed once.',
      }),
    checklist: ChecklistPatchSchema,
  })
  .strict();

/** The part of the settings the renderer may change. */
export const SettingsPatchSchema = z
  .object({
    organizationId: StytchIdSchema.nullable().optional(),
    organizationName: OrganizationNameSchema.nullable().optional(),
    wizard: WizardProgressPatchSchema.optional(),
    clipboardClearMs: z.number().int().min(5_000).max(600_000).optional(),
    microsoftClientId: MicrosoftClientIdSchema.nullable().optional(),
    microsoftTenant: MicrosoftTenantSchema.nullable().optional(),
    entraSteps: EntraStepsChoiceSchema.nullable().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

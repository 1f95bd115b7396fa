import { z } from 'zod';

import { AppErrorSchema } from '../errors';
import { ProvisioningLogRowSchema } from '../provisioning/log-row';
import { GRAPH_ACTION_NAMES } from './graph-permissions';

/**
 * What the renderer sees of the Entra steps the assistant does through Microsoft Graph
 * (main/entra-setup/). Ids, names, statuses and evidence only: Microsoft tokens, the SCIM token
 * and the Stytch secret never appear here.
 */

/** One row of the delegated-permission table (shared/entra/graph-permissions.ts). */
export const GraphActionNameSchema = z.enum(GRAPH_ACTION_NAMES);

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * A directory object's id as Graph gives it (service principals, applications, users, groups):
 * a GUID, nothing else. It goes into Graph paths, so a dot segment (`..`) or a slash must never
 * pass for one: `/servicePrincipals/..` would reach `/v1.0/` with the admin's token.
 */
export const GraphIdSchema = z
  .string()
  .regex(new RegExp(`^${GUID}$`), { message: 'A Microsoft Graph object id is a GUID.' });

/**
 * A provisioning job's id in its documented form, `<templateId>.<tenant id without dashes>.<GUID>`
 * (graph-provisioning.md §2: `scim.5f0c3a9e…1a3b.6e0b3c1a-…`; a gallery one `aws.74beb175…`).
 */
export const GraphJobIdSchema = z
  .string()
  .regex(new RegExp(`^[A-Za-z0-9]+\\.[0-9a-fA-F]{32}\\.${GUID}$`), {
    message: 'A provisioning job id reads <template>.<tenant id>.<GUID>.',
  });

/** Who is signed in to Microsoft, for the UI. Never a token. */
export const MicrosoftStatusSchema = z.object({
  /** True when sign-in and Graph go to the local stand-ins (tenant "Contoso (sandbox)"). */
  sandbox: z.boolean(),
  /**
   * False until the admin enters their app registration's client ID and tenant (never false in
   * sandbox).
   */
  clientIdConfigured: z.boolean(),
  account: z
    .object({
      username: z.string(),
      name: z.string().nullable(),
      tenantId: z.string(),
      /** The tenant by name: the domain (or ID) the admin gave, or the sandbox's name. */
      tenant: z.string(),
      /**
       * Set once Microsoft refused to renew the sign-in silently (revoked or expired): the
       * account is still on record, but every Graph call needs the admin to sign in again.
       */
      renewalLost: z.literal(true).optional(),
    })
    .nullable(),
});
export type MicrosoftStatus = z.infer<typeof MicrosoftStatusSchema>;

/** An enterprise app (service principal) that may be the one for this Stytch organization. */
export const EntraAppSchema = z.object({
  servicePrincipalId: z.string(),
  appId: z.string().nullable(),
  displayName: z.string(),
  /** Made from the non-gallery template ("Create your own application"), as Stytch's guide asks. */
  nonGallery: z.boolean(),
});
export type EntraApp = z.infer<typeof EntraAppSchema>;

const ExecutionErrorSchema = z.object({ code: z.string(), message: z.string() });

/** The provisioning job's health, as the app's Provisioning overview shows it. */
export const ProvisioningJobViewSchema = z.object({
  jobId: z.string(),
  /**
   * Graph's status code: NotConfigured, NotRun, Active, Paused or Quarantine; a value Graph adds
   * later is shown as sent; Unknown when Graph gave none.
   */
  status: z.string().max(200),
  /** The schedule's state: Active once provisioning is started (Disabled, Paused; or as sent). */
  scheduleState: z.string().max(200).nullable(),
  /** The cycle interval as Graph gives it (ISO 8601: PT40M in Entra; short in the sandbox). */
  interval: z.string().nullable(),
  lastCycle: z
    .object({
      state: z.string().nullable(),
      began: z.string().nullable(),
      ended: z.string().nullable(),
      countExported: z.number().int().nonnegative().nullable(),
      error: ExecutionErrorSchema.nullable(),
    })
    .nullable(),
  quarantine: z
    .object({
      reason: z.string().nullable(),
      since: z.string().nullable(),
      nextAttempt: z.string().nullable(),
      error: ExecutionErrorSchema.nullable(),
    })
    .nullable(),
});
export type ProvisioningJobView = z.infer<typeof ProvisioningJobViewSchema>;

/** Entra's own Test Connection (`validateCredentials`) for one Stytch SCIM connection. */
export const EntraTestResultSchema = z.object({
  connectionId: z.string(),
  testedAt: z.string(),
  passed: z.boolean(),
  /** On failure: the SCIM error code Entra named (e.g. SystemForCrossDomainIdentityManagementCredentialValidationUnavailable), if any. */
  scimCode: z.string().nullable(),
  /** On failure: what Entra said, and what to do (secrets masked). */
  error: AppErrorSchema.nullable(),
});
export type EntraTestResult = z.infer<typeof EntraTestResultSchema>;

/**
 * What the user mapping sends as externalId, and the one change Stytch needs: objectId →
 * externalId (stytch-and-entra.md). `fingerprint` names the schema document this was read from,
 * so a fix applies exactly the change shown.
 */
export const ExternalIdMappingSchema = z.object({
  ruleId: z.string(),
  objectMappingName: z.string(),
  /** The source expression mapped to externalId today (e.g. `[mailNickname]`); null: unmapped. */
  currentSource: z.string().nullable(),
  /** What the fix sets. */
  proposedSource: z.literal('[objectId]'),
  correct: z.boolean(),
  fingerprint: z.string(),
});
export type ExternalIdMapping = z.infer<typeof ExternalIdMappingSchema>;

/** A user or group in the tenant, for the assignment pickers. */
export const DirectoryPrincipalSchema = z.object({
  id: z.string(),
  kind: z.enum(['user', 'group']),
  displayName: z.string(),
  /** The user's UPN or mail; the group's description. */
  detail: z.string().nullable(),
});
export type DirectoryPrincipal = z.infer<typeof DirectoryPrincipalSchema>;

/** Someone assigned to the app. */
export const AssignmentViewSchema = z.object({
  principalId: z.string(),
  kind: z.enum(['user', 'group', 'other']),
  displayName: z.string().nullable(),
});
export type AssignmentView = z.infer<typeof AssignmentViewSchema>;

/** One step of a provision-on-demand run, as Entra shows it (Import, Scoping, Matching, Export). */
export const OnDemandStepSchema = z.object({
  name: z.string(),
  type: z.string(),
  status: z.string(),
  description: z.string().nullable(),
  details: z.record(z.string(), z.string()),
});

/**
 * How provision on demand waited for Entra to honour an assignment this run made: "There's a
 * replication delay of up to a few minutes between when an object is assigned to an application
 * and when that assignment is honored in on-demand provisioning" (entra-docs
 * provision-on-demand.md, "Step 5: Perform action", troubleshooting tips).
 */
export const AssignmentWaitSchema = z.object({
  /** On-demand runs in all, the first included. */
  attempts: z.number().int().positive(),
  /** From the first run to the last answer. */
  waitedMs: z.number().int().nonnegative(),
  /** False: Entra still said "not assigned" when the wait's bound was reached. */
  honoured: z.boolean(),
});
export type AssignmentWait = z.infer<typeof AssignmentWaitSchema>;

/** What provision on demand did for one user. */
export const OnDemandViewSchema = z.object({
  userId: z.string(),
  userDisplayName: z.string().nullable(),
  /** Entra's result: Success, Skipped or Failure (another value is shown as sent). */
  result: z.string(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** The SCIM id Entra got back, when it says. */
  targetId: z.string().nullable(),
  steps: z.array(OnDemandStepSchema),
  /** Set when the app waited for Entra to honour an assignment this run made; absent otherwise. */
  assignmentWait: AssignmentWaitSchema.optional(),
});
export type OnDemandView = z.infer<typeof OnDemandViewSchema>;

/**
 * While provision on demand waits for an assignment to replicate: the answer so far said the
 * user is not assigned, and the app asks again at `nextAttemptAt` (event `entra:onDemandWait`).
 */
export const OnDemandWaitSchema = z.object({
  organizationId: z.string(),
  userId: z.string(),
  /** On-demand runs made so far. */
  attempts: z.number().int().positive(),
  /** When the next run starts (ISO time, main's clock). */
  nextAttemptAt: z.string(),
  /** When the app stops asking: a few minutes after this run assigned the user (ISO time). */
  giveUpAt: z.string(),
});
export type OnDemandWait = z.infer<typeof OnDemandWaitSchema>;

/**
 * Who Entra provisions, in the words of the job's Scope setting: "Sync only assigned users and
 * groups" or "Sync all users and groups" (how-provisioning-works.md, "Scoping"). Graph holds it
 * as the synchronization secret SyncAll, which "Determines scope of sync between all users and
 * groups or only ones that are assigned" (Graph beta, synchronizationSecretKeyStringValuePair,
 * "Supported key value pairs"; reading it: main/entra-setup/job-settings.ts).
 */
export const SyncScopeSchema = z.enum(['assigned', 'all', 'unknown']);
export type SyncScope = z.infer<typeof SyncScopeSchema>;

/** The job's scope as the assistant read it. */
export const JobScopeSchema = z.object({
  scope: SyncScopeSchema,
  /** SyncAll's value as Graph gave it ("false", "True"…); null when absent, withheld or unread. */
  syncAll: z.string().max(40).nullable(),
  /** Why the scope is unknown; null when it is known. */
  unknownBecause: z.enum(['unreadable', 'absent', 'withheld', 'unrecognised']).nullable(),
  /**
   * How many users the tenant has (Graph `GET /users/$count`): whom Entra would send when it
   * syncs everyone. Read only when the scope is not assigned-only; null when not read or unreadable.
   */
  userCount: z.number().int().nonnegative().nullable(),
  readAt: z.string(),
});
export type JobScope = z.infer<typeof JobScopeSchema>;

/**
 * The Entra side of one Stytch organization as the assistant knows it: which app and job it
 * works on (remembered in the settings file, ids only) and the evidence of what it did this run.
 */
export const EntraSetupViewSchema = z.object({
  organizationId: z.string(),
  app: EntraAppSchema.nullable(),
  job: ProvisioningJobViewSchema.nullable(),
  lastTest: EntraTestResultSchema.nullable(),
  /** When the assistant last saved the Tenant URL and Secret Token into the job, and for which connection. */
  credentialsSaved: z
    .object({
      connectionId: z.string(),
      at: z.string(),
      /**
       * The job's other provisioning settings (secrets keys such as SyncNotificationSettings),
       * by name, re-sent unchanged because the PUT replaces the whole set; null when they could
       * not be read, so only the Tenant URL and Secret Token were sent.
       */
      keptSettings: z.array(z.string()).nullable(),
    })
    .nullable(),
  mapping: ExternalIdMappingSchema.nullable(),
  assignments: z.array(AssignmentViewSchema).nullable(),
  lastOnDemand: OnDemandViewSchema.nullable(),
  /** The job's scope (SyncAll), as last read this run. */
  scope: JobScopeSchema.nullable(),
});
export type EntraSetupView = z.infer<typeof EntraSetupViewSchema>;

/** How many log rows a health view carries, failures first. */
export const MAX_HEALTH_LOG = 50;

/** The job's health and its recent provisioning log. */
export const EntraHealthSchema = z.object({
  job: ProvisioningJobViewSchema,
  /** Failures first, then newest first; at most {@link MAX_HEALTH_LOG}. */
  log: z.array(ProvisioningLogRowSchema),
  /** Set when the log could not be read (e.g. no AuditLog.Read.All): the job's status still shows. */
  logError: AppErrorSchema.nullable(),
  /**
   * Log entries Graph sent that the app could not read (left out of `log`, the rest still
   * shown): 0 when every entry was read.
   */
  unreadable: z.number().int().nonnegative(),
});
export type EntraHealth = z.infer<typeof EntraHealthSchema>;

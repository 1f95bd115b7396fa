import { z } from 'zod';

/**
 * The shapes of the Graph answers the app reads (reference graph-provisioning.md §1–§5). Each
 * keeps only the fields the app uses; test/main/graph/graph-types-contract.test.ts checks them
 * against @microsoft/microsoft-graph-types.
 */

/**
 * Accepts `id`, or the legacy `objectId` some Entra articles show for the same v1.0 answer
 * (reference §1, "Schema caution"; which one production sends today is [unconfirmed]).
 */
function legacyObjectId(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  return record['id'] === undefined && typeof record['objectId'] === 'string'
    ? { ...record, id: record['objectId'] }
    : value;
}
const withId = <T extends z.ZodRawShape>(shape: T) =>
  z.preprocess(legacyObjectId, z.object({ id: z.string().min(1), ...shape }));

export const AppRoleSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  allowedMemberTypes: z.array(z.string()),
  value: z.string().nullable().optional(),
  isEnabled: z.boolean().optional(),
});

export const ServicePrincipalSchema = withId({
  appId: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
  applicationTemplateId: z.string().nullable().optional(),
  appRoles: z.array(AppRoleSchema).optional(),
  tags: z.array(z.string()).optional(),
});
export type ServicePrincipal = z.output<typeof ServicePrincipalSchema>;

export const ApplicationSchema = withId({
  appId: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
});

/** `POST /applicationTemplates/{id}/instantiate` → 201 applicationServicePrincipal (§1). */
export const InstantiateResponseSchema = z.object({
  application: ApplicationSchema,
  servicePrincipal: ServicePrincipalSchema,
});

/** A Graph collection page; `@odata.nextLink` when there are more. */
export const collectionOf = <T extends z.ZodType>(item: T) =>
  z.object({ value: z.array(item), '@odata.nextLink': z.string().optional() });

const ErrorSchema = z.object({
  code: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
  tenantActionable: z.boolean().optional(),
});

/** synchronizationTaskExecution (§2 Job status). */
export const TaskExecutionSchema = z.object({
  state: z.enum(['Succeeded', 'Failed', 'EntryLevelErrors']).optional(),
  timeBegan: z.string().optional(),
  timeEnded: z.string().optional(),
  countExported: z.number().optional(),
  error: ErrorSchema.nullable().optional(),
});

/** synchronizationQuarantine (§2 Job status). */
export const QuarantineSchema = z.object({
  currentBegan: z.string().optional(),
  nextAttempt: z.string().optional(),
  reason: z
    .enum([
      'EncounteredBaseEscrowThreshold',
      'EncounteredTotalEscrowThreshold',
      'EncounteredEscrowProportionThreshold',
      'EncounteredQuarantineException',
      'Unknown',
      'QuarantinedOnDemand',
      'TooManyDeletes',
      'IngestionInterrupted',
    ])
    .optional(),
  seriesBegan: z.string().optional(),
  seriesCount: z.number().optional(),
  error: ErrorSchema.nullable().optional(),
});

/** synchronizationJob: id, template, schedule and status (§2). */
export const SynchronizationJobSchema = z.object({
  id: z.string(),
  templateId: z.string().nullable().optional(),
  schedule: z
    .object({
      interval: z.string().optional(),
      state: z.enum(['Active', 'Disabled', 'Paused']).optional(),
    })
    .nullable()
    .optional(),
  status: z
    .object({
      code: z.enum(['NotConfigured', 'NotRun', 'Active', 'Paused', 'Quarantine']).optional(),
      countSuccessiveCompleteFailures: z.number().optional(),
      lastExecution: TaskExecutionSchema.nullable().optional(),
      lastSuccessfulExecution: TaskExecutionSchema.nullable().optional(),
      quarantine: QuarantineSchema.nullable().optional(),
      steadyStateFirstAchievedTime: z.string().optional(),
    })
    .nullable()
    .optional(),
});
export type SynchronizationJob = z.output<typeof SynchronizationJobSchema>;

/**
 * synchronizationSchema. Loose on purpose: `PUT …/schema` replaces the whole document (§2,
 * [G-schema-update]), so everything Graph sent must survive a read-modify-write.
 */
export const SynchronizationSchemaSchema = z.looseObject({
  id: z.string().optional(),
  synchronizationRules: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string().nullable().optional(),
      sourceDirectoryName: z.string().nullable().optional(),
      targetDirectoryName: z.string().nullable().optional(),
    }),
  ),
});
export type SynchronizationSchemaDocument = z.output<typeof SynchronizationSchemaSchema>;

/**
 * provisionOnDemand's 200: a stringKeyStringValuePair whose `key` and `value` are JSON strings
 * (§2 provisionOnDemand, [G-pod]).
 */
export const OnDemandResponseSchema = z.object({ key: z.string(), value: z.string() });

/** The decoded `key` of an on-demand answer. */
export const OnDemandResultSchema = z.object({
  result: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** appRoleAssignment (§3). */
export const AppRoleAssignmentSchema = z.object({
  id: z.string(),
  appRoleId: z.string(),
  principalId: z.string(),
  principalDisplayName: z.string().nullable().optional(),
  principalType: z.string().nullable().optional(),
  resourceId: z.string(),
});
export type AppRoleAssignment = z.output<typeof AppRoleAssignmentSchema>;

const IdentitySchema = z.object({
  id: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
});

/** provisioningObjectSummary, the fields a log view shows (§4, [G-provsummary]). */
export const ProvisioningObjectSummarySchema = z.object({
  id: z.string(),
  activityDateTime: z.string(),
  jobId: z.string().nullable().optional(),
  cycleId: z.string().nullable().optional(),
  changeId: z.string().nullable().optional(),
  provisioningAction: z
    .enum(['other', 'create', 'delete', 'disable', 'update', 'stagedDelete', 'unknownFutureValue'])
    .nullable()
    .optional(),
  sourceIdentity: IdentitySchema.extend({ identityType: z.string().nullable().optional() })
    .nullable()
    .optional(),
  targetIdentity: IdentitySchema.extend({ identityType: z.string().nullable().optional() })
    .nullable()
    .optional(),
  servicePrincipal: IdentitySchema.nullable().optional(),
  provisioningStatusInfo: z
    .object({
      status: z.enum(['success', 'failure', 'skipped', 'warning', 'unknownFutureValue']).optional(),
      errorInformation: z
        .object({
          errorCode: z.string().nullable().optional(),
          reason: z.string().nullable().optional(),
          errorCategory: z
            .enum(['failure', 'nonServiceFailure', 'success', 'unknownFutureValue'])
            .optional(),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
  provisioningSteps: z
    .array(
      z.object({
        name: z.string().nullable().optional(),
        provisioningStepType: z
          .enum([
            'import',
            'scoping',
            'matching',
            'processing',
            'referenceResolution',
            'export',
            'unknownFutureValue',
          ])
          .optional(),
        status: z
          .enum(['success', 'failure', 'skipped', 'warning', 'unknownFutureValue'])
          .optional(),
        description: z.string().nullable().optional(),
        details: z.record(z.string(), z.unknown()).nullable().optional(),
      }),
    )
    .nullable()
    .optional(),
  modifiedProperties: z
    .array(
      z.object({
        displayName: z.string().nullable().optional(),
        oldValue: z.string().nullable().optional(),
        newValue: z.string().nullable().optional(),
      }),
    )
    .nullable()
    .optional(),
});
export type ProvisioningObjectSummary = z.output<typeof ProvisioningObjectSummarySchema>;

/** A user as the picker shows it. */
export const UserSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable().optional(),
  userPrincipalName: z.string().nullable().optional(),
  mail: z.string().nullable().optional(),
});
export type GraphUser = z.output<typeof UserSchema>;

/** A group as the picker shows it. */
export const GroupSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
});
export type GraphGroup = z.output<typeof GroupSchema>;

/**
 * One key of the job's provisioning settings, as the (beta) `GET …/synchronization/secrets`
 * answers it (reference §2, Secrets; resource synchronizationSecretKeyStringValuePair). Read
 * leniently: `key` is kept as any string (Graph's enum grows), and a `value` that is missing,
 * null or not a string reads as null (Graph may withhold or mask a secret's value; whether it
 * echoes SecretToken is [unconfirmed]). A key that is not a string is an answer the app does
 * not understand.
 */
export const SecretSettingSchema = z.object({
  key: z.string(),
  value: z.string().nullable().catch(null),
});
export type SecretSetting = z.output<typeof SecretSettingSchema>;

/** `GET …/synchronization/secrets` (beta): `{ value: [{ key, value }] }`, not paged. */
export const SecretSettingsSchema = z.object({ value: z.array(SecretSettingSchema) });

/** Graph's error envelope (reference §5, concepts/errors.md). */
export const GraphErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().optional(),
    innerError: z
      .object({
        'request-id': z.string().optional(),
        'client-request-id': z.string().optional(),
        date: z.string().optional(),
      })
      .optional(),
  }),
});
export type GraphErrorBody = z.output<typeof GraphErrorBodySchema>;

/** A 204's empty body. */
export const NoContentSchema = z.unknown();

import { z } from 'zod';

/**
 * The shapes of the Graph answers the app reads (reference graph-provisioning.md §1–§5). Each
 * keeps only the fields the app uses; test/main/graph/graph-types-contract.test.ts checks them
 * against @microsoft/microsoft-graph-types, and test/main/graph/doc-samples-contract.test.ts
 * feeds them Microsoft's documented example answers (test/fixtures/graph/).
 *
 * Tolerant where the app only shows a value: an enum is read by {@link graphEnum} (any case,
 * any value, kept as sent), and a list is read row by row ({@link collectionOf}: a row that
 * does not parse is skipped and counted, never the whole page). Strict where the app acts on a
 * value: ids, and the shapes of the documents it sends back.
 */

/**
 * The documented values of the Graph enums the app reads (v1.0 resources synchronizationStatus,
 * synchronizationSchedule, synchronizationTaskExecution, synchronizationQuarantine,
 * provisioningObjectSummary, provisioningStep, provisioningStatusInfo, provisioningErrorInfo).
 */
export const GRAPH_ENUMS = {
  jobStatusCode: ['NotConfigured', 'NotRun', 'Active', 'Paused', 'Quarantine'],
  scheduleState: ['Active', 'Disabled', 'Paused'],
  executionState: ['Succeeded', 'Failed', 'EntryLevelErrors'],
  quarantineReason: [
    'EncounteredBaseEscrowThreshold',
    'EncounteredTotalEscrowThreshold',
    'EncounteredEscrowProportionThreshold',
    'EncounteredQuarantineException',
    'Unknown',
    'QuarantinedOnDemand',
    'TooManyDeletes',
    'IngestionInterrupted',
  ],
  provisioningAction: [
    'other',
    'create',
    'delete',
    'disable',
    'update',
    'stagedDelete',
    'unknownFutureValue',
  ],
  provisioningResult: ['success', 'failure', 'skipped', 'warning', 'unknownFutureValue'],
  errorCategory: ['failure', 'nonServiceFailure', 'success', 'unknownFutureValue'],
  provisioningStepType: [
    'import',
    'scoping',
    'matching',
    'processing',
    'referenceResolution',
    'export',
    'unknownFutureValue',
  ],
} as const satisfies Record<string, readonly [string, ...string[]]>;

/**
 * A Graph enum, read as text and kept exactly as sent. Microsoft's own samples spell the same
 * value differently (`provisioningStepType` "Import" in one example of
 * provisioningobjectsummary-list.md, "import" in the other; `quarantine.reason` "" in
 * synchronizationjob-get.md), and Graph's enums grow (`unknownFutureValue`, evolvable enums), so
 * a value outside `known`, or in another case, never fails an answer; only a value that is not a
 * string does. Code that acts on the value compares with {@link documentedSpelling}.
 */
export function graphEnum(known: readonly [string, ...string[]]) {
  return z.string().describe(`one of ${known.join(', ')}, or any other text Graph sends`);
}

/** `value` in its documented spelling when it is one of `known` in any case; else as sent. */
export function documentedSpelling(value: string, known: readonly string[]): string {
  const lower = value.toLowerCase();
  return known.find((candidate) => candidate.toLowerCase() === lower) ?? value;
}

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

/**
 * A Graph collection page; `@odata.nextLink` when there are more. Read row by row: a row that
 * does not parse as `item` is left out and counted in `unreadable`, so one entry Graph sends in
 * a shape the app does not know costs that entry, not the page. `value` itself must be a list.
 */
export const collectionOf = <T extends z.ZodType>(item: T) =>
  z
    .object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() })
    .transform(({ value, '@odata.nextLink': nextLink }) => {
      const rows: z.output<T>[] = [];
      let unreadable = 0;
      for (const row of value) {
        const parsed = item.safeParse(row);
        if (parsed.success) rows.push(parsed.data);
        else unreadable += 1;
      }
      return {
        value: rows,
        unreadable,
        ...(nextLink === undefined ? {} : { '@odata.nextLink': nextLink }),
      };
    });

/** Rows read from a list, and how many of the rows Graph sent could not be read. */
export interface ReadList<T> {
  items: T[];
  unreadable: number;
}

const ErrorSchema = z.object({
  code: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
  tenantActionable: z.boolean().optional(),
});

/** synchronizationTaskExecution (§2 Job status). */
export const TaskExecutionSchema = z.object({
  state: graphEnum(GRAPH_ENUMS.executionState).optional(),
  timeBegan: z.string().optional(),
  timeEnded: z.string().optional(),
  countExported: z.number().optional(),
  error: ErrorSchema.nullable().optional(),
});

/**
 * synchronizationQuarantine (§2 Job status). Graph's own example (synchronizationjob-get.md)
 * sends `reason` and every time as "": kept as sent, shown as "not given".
 */
export const QuarantineSchema = z.object({
  currentBegan: z.string().optional(),
  nextAttempt: z.string().optional(),
  reason: graphEnum(GRAPH_ENUMS.quarantineReason).optional(),
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
      state: graphEnum(GRAPH_ENUMS.scheduleState).optional(),
    })
    .nullable()
    .optional(),
  status: z
    .object({
      code: graphEnum(GRAPH_ENUMS.jobStatusCode).optional(),
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
 * synchronizationTemplate ([G-templates], synchronization-synchronization-list-templates.md):
 * the fields that pick a job's template. Its `schema` is not read here.
 */
export const SynchronizationTemplateSchema = z.object({
  id: z.string(),
  factoryTag: z.string().nullable().optional(),
  default: z.boolean().optional(),
  description: z.string().nullable().optional(),
});
export type SynchronizationTemplate = z.output<typeof SynchronizationTemplateSchema>;

/**
 * synchronizationSchema. Loose on purpose: `PUT …/schema` replaces the whole document (§2,
 * [G-schema-update]), so everything Graph sent must survive a read-modify-write.
 */
export const SynchronizationSchemaSchema = z.looseObject({
  id: z.string().optional(),
  synchronizationRules: z.array(
    // Graph's own example (synchronizationschema-get.md) shows rules without an `id`, and an
    // empty `{}` rule: kept whole, since the PUT must send back every rule it read.
    z.looseObject({
      id: z.string().optional(),
      name: z.string().nullable().optional(),
      sourceDirectoryName: z.string().nullable().optional(),
      targetDirectoryName: z.string().nullable().optional(),
    }),
  ),
});
export type SynchronizationSchemaDocument = z.output<typeof SynchronizationSchemaSchema>;

/**
 * provisionOnDemand's 200: a stringKeyStringValuePair, `key` and `value` both strings (§2
 * provisionOnDemand). Two forms are documented (decoded by readOnDemandAnswer in
 * graph-queries.ts): graph-docs' synchronization-synchronizationjob-provisionondemand.md has
 * `key` a JSON `{result, details}` and `value` a JSON object (`{}` for a group); Entra's
 * cross-tenant Graph guide (cross-tenant-synchronization-configure-graph.md, Step 11) has `key`
 * {@link STATUS_INFO_KEY} and `value` a JSON array of such objects.
 */
export const OnDemandResponseSchema = z.object({ key: z.string(), value: z.string() });

/** The `key` of the array form: a type name, not JSON (Entra's cross-tenant Graph guide). */
export const STATUS_INFO_KEY =
  'Microsoft.Identity.Health.CPP.Common.DataContracts.SyncFabric.StatusInfo';

/** The decoded `key` of the object form. */
export const OnDemandResultSchema = z.object({
  result: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/**
 * What the app reads of one `value` object to know the run's result when the `key` does not
 * say: `statusInfo` (the object form's example has `{status, errorCode, reason, …}`) and each
 * step's status. Everything else of the object is kept as sent.
 */
export const OnDemandSummarySchema = z.looseObject({
  statusInfo: z
    .looseObject({
      status: z.string().nullish(),
      errorCode: z.string().nullish(),
      reason: z.string().nullish(),
    })
    .nullish()
    .catch(null),
  provisioningSteps: z.array(z.unknown()).nullish().catch(null),
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
  provisioningAction: graphEnum(GRAPH_ENUMS.provisioningAction).nullable().optional(),
  sourceIdentity: IdentitySchema.extend({ identityType: z.string().nullable().optional() })
    .nullable()
    .optional(),
  targetIdentity: IdentitySchema.extend({ identityType: z.string().nullable().optional() })
    .nullable()
    .optional(),
  servicePrincipal: IdentitySchema.nullable().optional(),
  provisioningStatusInfo: z
    .object({
      status: graphEnum(GRAPH_ENUMS.provisioningResult).nullable().optional(),
      errorInformation: z
        .object({
          errorCode: z.string().nullable().optional(),
          reason: z.string().nullable().optional(),
          errorCategory: graphEnum(GRAPH_ENUMS.errorCategory).nullable().optional(),
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
        // "Import"/"Export" in the success example of provisioningobjectsummary-list.md,
        // "import"/"export" in its error example: both kept as sent.
        provisioningStepType: graphEnum(GRAPH_ENUMS.provisioningStepType).nullable().optional(),
        status: graphEnum(GRAPH_ENUMS.provisioningResult).nullable().optional(),
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

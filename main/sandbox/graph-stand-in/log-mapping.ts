import type { ProvisioningLogEntry } from '../entra-simulator/entra-simulator';

/** Who a log entry is about, beyond the simulator's entry (reference §4, [G-provsummary]). */
export interface LogContext {
  jobId: string;
  tenantId: string;
  servicePrincipal: { id: string; displayName: string };
}

/** Graph's provisioningAction values are camel-case (provisioningObjectSummary). */
const ACTIONS = {
  Create: 'create',
  Update: 'update',
  Disable: 'disable',
  Delete: 'delete',
  Other: 'other',
} as const satisfies Record<ProvisioningLogEntry['action'], string>;

const STATUSES = {
  Success: 'success',
  Failure: 'failure',
  Skipped: 'skipped',
} as const satisfies Record<ProvisioningLogEntry['status'], string>;

/**
 * Target object types as the provisionOnDemand example names them (reference §2: `targetIdentity.type`).
 */
const TARGET_TYPES = {
  User: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  Group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
} as const;

/**
 * One simulator log entry as Graph's provisioningObjectSummary (reference §4; the resource page
 * provisioningobjectsummary.md and provisioningstep.md).
 */
export function toProvisioningObjectSummary(entry: ProvisioningLogEntry, context: LogContext) {
  return {
    id: entry.changeId,
    activityDateTime: entry.activityDateTime,
    tenantId: context.tenantId,
    jobId: context.jobId,
    cycleId: entry.cycleId,
    changeId: entry.changeId,
    durationInMilliseconds: 0,
    provisioningAction: ACTIONS[entry.action],
    initiatedBy: {
      id: '',
      displayName: entry.trigger === 'onDemand' ? 'On demand' : 'Azure AD Provisioning Service',
      initiatorType: entry.trigger === 'onDemand' ? 'user' : 'system',
    },
    servicePrincipal: context.servicePrincipal,
    sourceSystem: { id: '', displayName: 'Azure Active Directory', details: {} },
    targetSystem: { id: '', displayName: context.servicePrincipal.displayName, details: {} },
    sourceIdentity: {
      id: entry.sourceIdentity.id,
      displayName: entry.sourceIdentity.displayName,
      identityType: entry.identityType,
      details: {},
    },
    targetIdentity: {
      id: entry.targetIdentity.id,
      displayName: '',
      identityType: TARGET_TYPES[entry.identityType],
      details: {},
    },
    modifiedProperties: entry.modifiedProperties,
    provisioningSteps: entry.steps.map((step) => ({
      name: step.name,
      provisioningStepType: step.provisioningStepType,
      status: STATUSES[step.status],
      description: step.description,
      details: step.details,
    })),
    provisioningStatusInfo: {
      status: STATUSES[entry.status],
      errorInformation:
        entry.error === null
          ? null
          : {
              errorCode: entry.error.errorCode,
              reason: entry.error.reason,
              errorCategory: entry.error.errorCategory,
              additionalDetails: null,
              recommendedAction: null,
            },
    },
  };
}

/**
 * What provisionOnDemand answers for a user: key and value as JSON strings, in the form of Graph's
 * Example 1 (synchronization-synchronizationjob-provisionondemand.md; every key of its `value`,
 * checked by test/main/sandbox/microsoft/graph-stand-in-doc-samples.test.ts).
 */
export function onDemandAnswer(entry: ProvisioningLogEntry | null, errorMessage: string | null) {
  const result = entry === null ? 'Failure' : entry.status === 'Failure' ? 'Failure' : entry.status;
  const details =
    entry?.error != null
      ? { errorCode: entry.error.errorCode, errorMessage: entry.error.reason }
      : errorMessage === null
        ? {}
        : { errorCode: 'ProvisioningFailed', errorMessage };
  const value =
    entry === null
      ? {}
      : {
          action: entry.action,
          changeId: entry.changeId,
          startTime: entry.activityDateTime,
          endTime: entry.activityDateTime,
          reportableIdentifier: entry.sourceIdentity.displayName,
          statusInfo: {
            status: entry.status,
            errorCode: entry.error?.errorCode ?? null,
            reason: entry.error?.reason ?? null,
            additionalDetails: null,
            errorCategory: entry.error?.errorCategory ?? null,
            recommendedAction: null,
          },
          sourceIdentity: {
            id: entry.sourceIdentity.id,
            type: entry.identityType,
            displayName: null,
            details: null,
          },
          targetIdentity: {
            id: entry.targetIdentity.id,
            type: TARGET_TYPES[entry.identityType],
            displayName: null,
            details: null,
          },
          sourceSystem: { id: null, name: 'Azure Active Directory', details: null },
          targetSystem: { id: null, name: 'customappsso', details: null },
          modifiedProperties: entry.modifiedProperties,
          provisioningSteps: entry.steps.map((step) => ({
            name: step.name,
            type: step.provisioningStepType,
            status: step.status,
            description: step.description,
            timestamp: entry.activityDateTime,
            details: step.details,
          })),
        };
  return { key: JSON.stringify({ result, details }), value: JSON.stringify(value) };
}

import { MAX_HEALTH_LOG } from '../../shared/entra/entra-views';
import type { ProvisioningLogRow } from '../../shared/provisioning/log-row';
import {
  documentedSpelling,
  GRAPH_ENUMS,
  type ProvisioningObjectSummary,
} from '../graph/graph-schemas';
import { redactAndCut } from '../logging/redact';
import { detailsText } from './on-demand-view';

/**
 * Entra's provisioning log (Graph's provisioningObjectSummary, reference §4) in the row shape the
 * wizard already shows for the sandbox rehearsal's simulated log.
 */

type Status = ProvisioningLogRow['status'];
type StepName = ProvisioningLogRow['steps'][number]['name'];

const MAX_REASON = 1_000;

const STATUS: Record<string, Status> = {
  success: 'Success',
  // A warning did not stop the entry; the row's step list still says what it was.
  warning: 'Success',
  failure: 'Failure',
  skipped: 'Skipped',
};

const STEP: Record<string, StepName> = {
  import: 'Import',
  scoping: 'Scope',
  matching: 'Match',
};

const ACTION: Record<string, ProvisioningLogRow['action']> = {
  create: 'Create',
  update: 'Update',
  disable: 'Disable',
  delete: 'Delete',
  stagedDelete: 'Delete',
};

/** Graph's enums arrive as sent ("Import" or "import"): looked up in their documented spelling. */
const result = (value: string | null | undefined) =>
  value ? documentedSpelling(value, GRAPH_ENUMS.provisioningResult) : '';
const stepType = (value: string | null | undefined) =>
  value ? documentedSpelling(value, GRAPH_ENUMS.provisioningStepType) : '';
const action = (value: string | null | undefined) =>
  value ? documentedSpelling(value, GRAPH_ENUMS.provisioningAction) : '';

const statusOf = (value: string | null | undefined): Status => STATUS[result(value)] ?? 'Skipped';

/**
 * What the row has no word for, kept as Graph sent it: a step type or status outside Graph's
 * documented values (one added later) goes into the step's details, so it is shown, not lost.
 */
function unnamed(type: string | null | undefined, status: string | null | undefined) {
  const knownType = (GRAPH_ENUMS.provisioningStepType as readonly string[]).includes(
    stepType(type),
  );
  const knownStatus = STATUS[result(status)] !== undefined;
  return {
    ...(type && !knownType ? { 'Step type': redactAndCut(type, 200) } : {}),
    ...(status && !knownStatus ? { 'Step status': redactAndCut(status, 200) } : {}),
  };
}

export function logRow(summary: ProvisioningObjectSummary): ProvisioningLogRow {
  const info = summary.provisioningStatusInfo ?? null;
  const error = info?.errorInformation ?? null;
  return {
    changeId: summary.changeId ?? summary.id,
    cycleId: summary.cycleId ?? '',
    trigger: null,
    activityDateTime: summary.activityDateTime,
    identityType: summary.sourceIdentity?.identityType === 'Group' ? 'Group' : 'User',
    sourceIdentity: {
      id: summary.sourceIdentity?.id ?? '',
      displayName: summary.sourceIdentity?.displayName ?? '',
    },
    targetIdentity: { id: summary.targetIdentity?.id ?? '' },
    action: ACTION[action(summary.provisioningAction)] ?? 'Other',
    status: statusOf(info?.status),
    steps: (summary.provisioningSteps ?? []).map((step) => ({
      // Processing, reference resolution and export are what the row calls the action.
      name: STEP[stepType(step.provisioningStepType)] ?? 'Action',
      status: statusOf(step.status),
      description: redactAndCut(step.description ?? step.name ?? '', MAX_REASON),
      details: {
        ...detailsText(step.details),
        ...unnamed(step.provisioningStepType, step.status),
      },
    })),
    modifiedProperties: (summary.modifiedProperties ?? []).map((property) => ({
      displayName: property.displayName ?? '',
      oldValue: property.oldValue ?? null,
      newValue: property.newValue ?? null,
    })),
    error:
      error === null
        ? null
        : {
            errorCode: error.errorCode ?? '',
            reason: redactAndCut(error.reason ?? '', MAX_REASON),
          },
  };
}

/** Failures first, then newest first; at most {@link MAX_HEALTH_LOG} rows. */
export function healthLog(summaries: readonly ProvisioningObjectSummary[]): ProvisioningLogRow[] {
  const rows = summaries.map(logRow);
  const rank = (row: ProvisioningLogRow) => (row.status === 'Failure' ? 0 : 1);
  return rows
    .sort((a, b) => rank(a) - rank(b) || b.activityDateTime.localeCompare(a.activityDateTime))
    .slice(0, MAX_HEALTH_LOG);
}

import type { ExportError } from './error-codes';

/**
 * The simulator's provisioning log, shaped after Entra's (monitoring-health/concept-provisioning-
 * logs.md, "What do the logs show?", and Graph's provisioningObjectSummary): one entry per object
 * an engine run touched, with its action, status, steps and, on failure, the error code and the
 * server's answer quoted.
 */

/** "Possible values include Create, Update, Delete, Disable, StagedDelete, and Other." */
export type ProvisioningAction = 'Create' | 'Update' | 'Disable' | 'Delete' | 'Other';
/** "Possible values include Success, Failure, Skipped, and Warning" (Warning is never written). */
export type ProvisioningStatus = 'Success' | 'Failure' | 'Skipped';

/**
 * The steps the Steps tab lists ("Import the object", "Determine if the object is in scope",
 * "Match the object between source and target", "Provision the object"), with Graph's
 * provisioningStepType for each.
 */
export const STEP_TYPES = {
  Import: 'import',
  Scope: 'scoping',
  Match: 'matching',
  Action: 'export',
} as const;
export type StepName = keyof typeof STEP_TYPES;

export interface ProvisioningStep {
  name: StepName;
  provisioningStepType: (typeof STEP_TYPES)[StepName];
  status: ProvisioningStatus;
  description: string;
  details: Record<string, string>;
}

/** An attribute the action changed (the Modified Properties tab). */
export interface ModifiedProperty {
  displayName: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface ProvisioningLogEntry {
  changeId: string;
  /** The engine run (cycle or on-demand request) that wrote the entry. */
  cycleId: string;
  trigger: 'cycle' | 'onDemand';
  activityDateTime: string;
  identityType: 'User' | 'Group';
  sourceIdentity: { id: string; displayName: string };
  /** The SCIM server's id, '' while there is none. */
  targetIdentity: { id: string };
  action: ProvisioningAction;
  status: ProvisioningStatus;
  steps: ProvisioningStep[];
  modifiedProperties: ModifiedProperty[];
  error: Omit<ExportError, 'quarantines'> | null;
}

/** What an entry starts from. */
export interface EntryStart {
  changeId: string;
  cycleId: string;
  trigger: ProvisioningLogEntry['trigger'];
  at: Date;
  identityType: ProvisioningLogEntry['identityType'];
  sourceIdentity: ProvisioningLogEntry['sourceIdentity'];
}

/** An entry being written while its object is processed. */
export class EntryDraft {
  private readonly steps: ProvisioningStep[] = [];
  private readonly properties: ModifiedProperty[] = [];
  private targetId = '';

  constructor(private readonly start: EntryStart) {}

  step(
    name: StepName,
    status: ProvisioningStatus,
    description: string,
    details: Record<string, string> = {},
  ): this {
    this.steps.push({ name, provisioningStepType: STEP_TYPES[name], status, description, details });
    return this;
  }

  modified(properties: readonly ModifiedProperty[]): this {
    this.properties.push(...properties);
    return this;
  }

  target(id: string): this {
    this.targetId = id;
    return this;
  }

  finish(
    action: ProvisioningAction,
    status: ProvisioningStatus,
    error: ExportError | null = null,
  ): ProvisioningLogEntry {
    const { changeId, cycleId, trigger, at, identityType, sourceIdentity } = this.start;
    return {
      changeId,
      cycleId,
      trigger,
      activityDateTime: at.toISOString(),
      identityType,
      sourceIdentity,
      targetIdentity: { id: this.targetId },
      action,
      status,
      steps: [...this.steps],
      modifiedProperties: [...this.properties],
      error:
        error === null
          ? null
          : {
              errorCode: error.errorCode,
              reason: error.reason,
              errorCategory: error.errorCategory,
            },
    };
  }
}

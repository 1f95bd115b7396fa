import type { ExternalIdSource, MatchingAttribute } from './attribute-mapping';
import { RETRY_AFTER_MS } from './entra-assumptions';
import type { PatchDialect } from './entra-requests';
import { exportError, type ExportError, type RequestRole } from './error-codes';
import { retriesOf, settleEscrow, type EngineState } from './engine-state';
import {
  EntryDraft,
  type ProvisioningAction,
  type ProvisioningLogEntry,
  type ProvisioningStatus,
  type StepName,
} from './provisioning-log';
import type { Outcome } from './quarantine';
import type { ScimExchange, ScimSend } from './scim-client';

/** What processing one object needs: how to send, which dialect, what the engine remembers. */
export interface EngineContext {
  send: ScimSend;
  dialect: PatchDialect;
  matchOn: MatchingAttribute;
  externalIdSource: ExternalIdSource;
  state: EngineState;
  now: () => Date;
  newGuid: () => string;
  cycleId: string;
  trigger: ProvisioningLogEntry['trigger'];
}

/** How processing one object ended. */
export interface ObjectResult {
  entry: ProvisioningLogEntry;
  /** Null for a skipped object: it counts toward no threshold. */
  outcome: Outcome | null;
  /** Set when the failure quarantines the job at once. */
  quarantine: ExportError | null;
}

/** Starts the log entry of one object. */
export function startEntry(
  ctx: EngineContext,
  identityType: ProvisioningLogEntry['identityType'],
  sourceIdentity: ProvisioningLogEntry['sourceIdentity'],
): EntryDraft {
  return new EntryDraft({
    changeId: ctx.newGuid(),
    cycleId: ctx.cycleId,
    trigger: ctx.trigger,
    at: ctx.now(),
    identityType,
    sourceIdentity,
  });
}

/** The log's error for a failed request, with the object's retry count and next retry. */
export function requestError(
  ctx: EngineContext,
  objectId: string,
  exchange: ScimExchange,
  role: RequestRole,
): ExportError {
  const retryAt = new Date(ctx.now().getTime() + RETRY_AFTER_MS);
  return exportError(exchange, role, retriesOf(ctx.state, objectId), retryAt);
}

/**
 * One object being processed: the engine, the object's source id and its log entry, and the two
 * ways its processing ends.
 */
export class ObjectRun {
  constructor(
    readonly ctx: EngineContext,
    readonly objectId: string,
    readonly draft: EntryDraft,
  ) {}

  /** Ends an object that failed at `step`: the error is logged and the object stays in escrow. */
  failed(
    action: ProvisioningAction,
    step: StepName,
    description: string,
    error: ExportError,
    outcome: Outcome = 'failure',
  ): ObjectResult {
    settleEscrow(this.ctx.state, this.objectId, true);
    this.draft.step(step, 'Failure', description);
    const entry = this.draft.finish(action, 'Failure', error);
    return { entry, outcome, quarantine: error.quarantines === null ? null : error };
  }

  /** Ends an object that needed no failure handling: done, or skipped. */
  settled(
    action: ProvisioningAction,
    status: Exclude<ProvisioningStatus, 'Failure'>,
  ): ObjectResult {
    settleEscrow(this.ctx.state, this.objectId, false);
    return {
      entry: this.draft.finish(action, status),
      outcome: status === 'Success' ? 'success' : null,
      quarantine: null,
    };
  }
}

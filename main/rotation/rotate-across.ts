import { AppFailure, type AppError } from '../../shared/errors';
import type {
  RotationGap,
  RotationLeft,
  RotationOutcome,
  RotationStep,
  SelectionPosition,
} from '../../shared/rotation/rotation';
import type { ScimConnection } from '../../shared/stytch/api-schemas';
import type { ScimConnectionView } from '../../shared/stytch/views';
import { saveCredentials, testConnection } from '../entra-setup/credentials-mapping-steps';
import { noticeIfWarned, type EmitEvent } from '../ipc/dispatch';
import { isRotating } from '../stytch/connection-view';
import { endRotationAtStytch, scimHandlers, settleRotationHere } from '../stytch/scim-handlers';
import { checkPendingToken } from './pending-check';
import { afterComplete, cancelled, completeUnknown, leftPending, unchanged } from './rotation-left';
import type { RotationServices } from './rotation-services';

/**
 * A token rotation in Stytch and Entra together, for one connection whose Entra app this app
 * linked (settings `entraApps`), with the admin who linked it signed in to its tenant. The order
 * follows what Stytch does with the pending token, found out first (pending-check.ts):
 *
 * - accepted: save it in Entra (the job's other settings kept), Entra's own Test Connection,
 *   then Complete. Entra never holds a token Stytch refuses: the gap is 0.
 * - refused (Stytch's documented reading): Complete, then save it in Entra at once and test. The
 *   gap is measured from the moment Complete is sent (the old token may stop working any time
 *   after) until Entra has saved the new token.
 *
 * A failure leaves a working pair: before Complete, the old token goes back into Entra (if Entra
 * may have the new one) and the rotation is cancelled; when Entra cannot be put back, the
 * rotation stays pending (Stytch still accepts what Entra holds) with its token kept here. After
 * Complete nothing can bring the old token back: the error says how to finish in Entra. The old
 * token stays in the keychain until Stytch has invalidated it and the run is over, and a token
 * Stytch showed is dropped only by Cancel.
 */

/** Steps this run took, and its news as `rotation:progress`. */
class RunLog {
  readonly steps: RotationStep[] = [];
  readonly runId: string;

  constructor(
    private readonly services: RotationServices,
    private readonly target: RotationTarget,
    private readonly emit: EmitEvent,
  ) {
    this.runId = target.runId;
  }

  /** Runs one step, saying so before and after (failed: the error's message, which is secret-free). */
  async step<T>(
    step: RotationStep,
    act: () => Promise<T>,
    done?: (value: T) => string,
  ): Promise<T> {
    this.steps.push(step);
    this.tell(step, 'running', null);
    try {
      const value = await act();
      this.tell(step, 'done', done ? done(value) : null);
      return value;
    } catch (error) {
      this.tell(step, 'failed', errorOf(error).message);
      throw new StepFailure(step, errorOf(error));
    }
  }

  private tell(step: RotationStep, state: 'running' | 'done' | 'failed', detail: string | null) {
    this.emit('rotation:progress', {
      runId: this.target.runId,
      connectionId: this.target.connectionId,
      step,
      state,
      detail,
      at: this.services.clock.now().toISOString(),
      ...(this.target.selection ? { selection: this.target.selection } : {}),
    });
  }
}

/** Which connection, and the renderer's id for this run's events. */
export interface RotationTarget {
  organizationId: string;
  connectionId: string;
  runId: string;
  /** Its place in a rotation of a selection, told with each step. */
  selection?: SelectionPosition;
}

class StepFailure extends Error {
  constructor(
    readonly step: RotationStep,
    readonly appError: AppError,
  ) {
    super(appError.message);
  }
}

function errorOf(error: unknown): AppError {
  if (error instanceof AppFailure) return error.appError;
  if (error instanceof StepFailure) return error.appError;
  return {
    code: 'INTERNAL_ERROR',
    message: 'Something unexpected went wrong in the app.',
    hint: 'Try again; if it keeps happening, restart the app.',
  };
}

/** Runs the rotation; a failed step is an answer (`outcome: 'failed'`), not a thrown error. */
export async function rotateAcross(
  services: RotationServices,
  target: RotationTarget,
  emit: EmitEvent,
): Promise<RotationOutcome> {
  const { organizationId, connectionId, runId } = target;
  // Before anything changes: signed in, the app and job linked, the account that linked them.
  await services.entra.contexts.withJob(organizationId, 'configure-provisioning');
  const log = new RunLog(services, target, emit);
  const ref = { organizationId, connectionId };
  const failed = async (
    failure: StepFailure,
    left: RotationLeft,
    gap: RotationGap | null,
  ): Promise<RotationOutcome> => ({
    outcome: 'failed',
    runId,
    failedStep: failure.step,
    error: { ...failure.appError, hint: `${left.summary} ${failure.appError.hint}`.trim() },
    left,
    gap,
    connection: await currentView(services, ref),
    steps: log.steps,
  });

  try {
    await log.step('start', () => ensureStarted(services, ref, emit));
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    return failed(error, unchanged(), null);
  }

  let accepted: boolean;
  try {
    accepted = (
      await log.step(
        'check-pending',
        () => checkPendingToken(services, organizationId, connectionId),
        (check) =>
          check.accepted
            ? 'Stytch already accepts the new token: Entra gets it first.'
            : 'Stytch accepts the new token only once the rotation is finished: Stytch goes first.',
      )
    ).accepted;
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    return failed(error, await undo(services, log, ref, emit, false), null);
  }

  const run = { services, log, ref, emit, failed };
  return accepted ? entraFirst(run) : stytchFirst(run);
}

type Failed = (
  failure: StepFailure,
  left: RotationLeft,
  gap: RotationGap | null,
) => Promise<RotationOutcome>;
type Ref = { organizationId: string; connectionId: string };

/** One run's footing, as the two orders take it. */
interface Run {
  services: RotationServices;
  log: RunLog;
  ref: Ref;
  emit: EmitEvent;
  failed: Failed;
}

/** Pending token accepted: Entra gets it and proves it before Stytch completes. */
async function entraFirst({ services, log, ref, emit, failed }: Run): Promise<RotationOutcome> {
  const { organizationId, connectionId } = ref;
  try {
    await log.step('entra-save', () =>
      saveCredentials(services.entra, organizationId, connectionId, [], 'scim-next-token'),
    );
    await log.step('entra-test', () => entraTest(services, ref));
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    return failed(error, await undo(services, log, ref, emit, true), null);
  }
  let connection: ScimConnectionView;
  try {
    connection = await log.step(
      'complete',
      async () => (await scimHandlers['scim:rotateComplete'](ref, services, emit)).connection,
    );
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    const landed = await readBack(services, ref);
    if (landed === 'not-completed') {
      return failed(error, await undo(services, log, ref, emit, true), null);
    }
    // Unknown: Entra keeps the new token, which Stytch accepts whether Complete landed or not;
    // putting the old one back would lock Entra out if it did.
    if (landed === 'unknown') return failed(error, completeUnknown(false), null);
    connection = await settleRotationHere('complete', landed, services, emit);
  }
  return rotated(log, 'entra-first', { seconds: 0, open: false }, connection);
}

/** Pending token refused: Stytch completes, then Entra gets the new token at once. */
async function stytchFirst({ services, log, ref, emit, failed }: Run): Promise<RotationOutcome> {
  const { organizationId, connectionId } = ref;
  // From here until Entra has the new token, Entra's token may be refused.
  const gapFrom = services.clock.monotonicMs();
  const gapSoFar = (open: boolean): RotationGap => ({
    seconds: Math.max(0, (services.clock.monotonicMs() - gapFrom) / 1000),
    open,
  });
  let completed;
  try {
    completed = await log.step('complete', () => endRotationAtStytch('complete', ref, services));
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    const landed = await readBack(services, ref);
    if (landed === 'not-completed') {
      return failed(error, await undo(services, log, ref, emit, false), null);
    }
    // Unknown: a Cancel that goes through proves it was still pending (and ends it); one that
    // fails proves nothing (safe-writes.ts refuses to cancel a completed rotation).
    if (landed === 'unknown') {
      return failed(error, await cancelOr(services, log, ref, emit, completeUnknown(true)), null);
    }
    completed = landed;
  }
  let gap: RotationGap;
  try {
    gap = await log.step(
      'entra-save',
      async () => {
        await saveCredentials(services.entra, organizationId, connectionId, [], 'scim-next-token');
        return gapSoFar(false);
      },
      (measured) => `Entra held a token Stytch refused for ${measured.seconds.toFixed(1)} s.`,
    );
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    const open = gapSoFar(true);
    await settleRotationHere('complete', completed, services, emit);
    return failed(error, afterComplete(false), open);
  }
  try {
    await log.step('entra-test', () => entraTest(services, ref));
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    await settleRotationHere('complete', completed, services, emit);
    return failed(error, afterComplete(true), gap);
  }
  const connection = await settleRotationHere('complete', completed, services, emit);
  return rotated(log, 'stytch-first', gap, connection);
}

function rotated(
  log: RunLog,
  order: 'entra-first' | 'stytch-first',
  gap: RotationGap,
  connection: ScimConnectionView,
): RotationOutcome {
  return { outcome: 'rotated', runId: log.runId, order, gap, connection, steps: log.steps };
}

/**
 * Starts the rotation, or takes up the one already pending when its new token is on this
 * computer (Stytch shows it once; without it, finishing would lock Entra out).
 */
async function ensureStarted(services: RotationServices, ref: Ref, emit: EmitEvent) {
  const client = await services.stytch.client();
  const connection = await client.getConnection(ref.organizationId);
  if (connection?.connection_id !== ref.connectionId || !isRotating(connection)) {
    const started = await scimHandlers['scim:rotateStart'](ref, services);
    noticeIfWarned(emit, started.keychainWarning);
    return;
  }
  const next = await services.secrets.status({
    kind: 'scim-next-token',
    connectionId: ref.connectionId,
  });
  if (next.last4 === null || next.last4 !== connection.next_bearer_token_last_four) {
    throw new AppFailure({
      code: 'ROTATION_TOKEN_NOT_HERE',
      message:
        'A rotation is already pending at Stytch, but this computer does not have its new token (Stytch shows it only once).',
      hint: 'Cancel that rotation (the current token keeps working), then rotate again.',
    });
  }
}

/** Entra's own Test Connection with the new token; a refusal is this step's failure. */
async function entraTest(services: RotationServices, ref: Ref): Promise<void> {
  const view = await testConnection(
    services.entra,
    ref.organizationId,
    ref.connectionId,
    'scim-next-token',
  );
  const test = view.lastTest;
  if (test?.passed === true) return;
  throw new AppFailure({
    code: 'ROTATION_ENTRA_TEST_FAILED',
    message: `Entra’s Test Connection failed with the new token.${test?.error ? ` ${test.error.message}` : ''}`,
    hint: test?.error?.hint ?? 'Open the provisioning page in Entra and run Test Connection there.',
  });
}

/**
 * After a failure before Stytch completed: the old token back into Entra when Entra may hold the
 * new one, then Cancel. Each undo step that fails leaves the pair that still works.
 */
async function undo(
  services: RotationServices,
  log: RunLog,
  ref: Ref,
  emit: EmitEvent,
  entraTouched: boolean,
): Promise<RotationLeft> {
  if (entraTouched) {
    try {
      await log.step('restore-entra', () =>
        saveCredentials(services.entra, ref.organizationId, ref.connectionId),
      );
    } catch {
      return leftPending(false);
    }
  }
  return cancelOr(services, log, ref, emit, leftPending(true));
}

/** Cancels the rotation at Stytch; when the cancel fails, what the caller knows is left. */
async function cancelOr(
  services: RotationServices,
  log: RunLog,
  ref: Ref,
  emit: EmitEvent,
  ifNotCancelled: RotationLeft,
): Promise<RotationLeft> {
  try {
    await log.step('cancel', async () => {
      await scimHandlers['scim:rotateCancel'](ref, services, emit);
    });
  } catch {
    return ifNotCancelled;
  }
  return cancelled();
}

/**
 * After a failed Complete, Stytch read back: completed after all (the connection), not completed,
 * or unknown when it cannot be read (then the rotation may have completed or not).
 */
async function readBack(
  services: RotationServices,
  ref: Ref,
): Promise<ScimConnection | 'not-completed' | 'unknown'> {
  try {
    const client = await services.stytch.client();
    const after = await client.getConnection(ref.organizationId);
    const next = await services.secrets.status({
      kind: 'scim-next-token',
      connectionId: ref.connectionId,
    });
    const landed =
      after !== null &&
      after.connection_id === ref.connectionId &&
      !isRotating(after) &&
      next.last4 !== null &&
      after.bearer_token_last_four === next.last4;
    return landed ? after : 'not-completed';
  } catch {
    return 'unknown';
  }
}

/** The connection as it is now, for the answer; null when Stytch cannot be read. */
async function currentView(services: RotationServices, ref: Ref) {
  try {
    return (await scimHandlers['scim:getConnection'](ref, services)).connection;
  } catch {
    return null;
  }
}

import { AppFailure } from '../../shared/errors';
import type { RotationInfo, RotationOutcome } from '../../shared/rotation/rotation';
import type { EmitEvent, FeatureHandlers } from '../ipc/dispatch';
import { checkPendingToken, rememberedCheck } from './pending-check';
import { rotateAcross, type RotationTarget } from './rotate-across';
import type { RotationServices } from './rotation-services';

/** Why the run across both cannot go ahead here (the guided hand-over then), from the Entra footing. */
async function across(
  services: RotationServices,
  organizationId: string,
): Promise<RotationInfo['across']> {
  try {
    await services.entra.contexts.withJob(organizationId, 'configure-provisioning');
    return { available: true, reason: null };
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    switch (error.appError.code) {
      case 'ENTRA_STEP_MISSING':
        return { available: false, reason: 'no-app' };
      case 'ENTRA_ACCOUNT_CHANGED':
        return { available: false, reason: 'other-account' };
      default:
        return { available: false, reason: 'not-signed-in' };
    }
  }
}

/**
 * Rotates each connection in turn (a selection from the connections overview): one failure is
 * that connection's answer and the loop goes on. A refusal before anything changed (not signed
 * in, no app) is an answer too, as a failed start.
 */
export async function rotateConnections(
  services: RotationServices,
  targets: readonly RotationTarget[],
  emit: EmitEvent,
): Promise<RotationOutcome[]> {
  const outcomes: RotationOutcome[] = [];
  for (const target of targets) {
    try {
      outcomes.push(await rotateAcross(services, target, emit));
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      outcomes.push({
        outcome: 'failed',
        runId: target.runId,
        failedStep: 'start',
        error: error.appError,
        left: {
          rotationPending: false,
          completed: false,
          entraHasOldToken: true,
          summary: 'Nothing was changed in Stytch or Entra.',
        },
        gap: null,
        connection: null,
        steps: [],
      });
    }
  }
  return outcomes;
}

/** The rotation:* channels: rotation in Stytch and Entra together (rotate-across.ts). */
export const rotationHandlers = {
  /** The project's remembered pending check, and whether the run across both is possible here. */
  'rotation:get': async (request, services) => ({
    pendingCheck: await rememberedCheck(services),
    across: await across(services, request.organizationId),
  }),

  /** One read-only query with the pending token (for the guided hand-over's order too). */
  'rotation:checkPending': (request, services) =>
    checkPendingToken(services, request.organizationId, request.connectionId),

  /** Emits `rotation:progress` step by step; a failed step is an answer naming it. */
  'rotation:run': (request, services, emit) => rotateAcross(services, request, emit),
} satisfies FeatureHandlers<RotationServices>;

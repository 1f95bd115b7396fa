import type { FeatureHandlers } from '../ipc/dispatch';
import { checkPendingToken, rememberedCheck } from './pending-check';
import { rotateAcross } from './rotate-across';
import { across, planSelection, rotateConnections, selectionRun } from './rotation-selection';
import type { RotationServices } from './rotation-services';

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

  /** Which of the organizations named would rotate across both, and why not the others. */
  'rotation:planSelection': (request, services) => planSelection(services, request.organizationIds),

  /**
   * The plan first (main decides each connection, and whether it can run across both), then
   * those that can, one after the other; one selection at a time.
   */
  'rotation:runSelection': async ({ organizationIds, runId }, services, emit) => {
    const plan = await planSelection(services, organizationIds);
    const run = services.rotationSelections.begin(runId);
    try {
      const targets = plan.rows
        .filter((row) => row.across.available)
        .map(({ organizationId, connectionId }) => ({ organizationId, connectionId, runId }));
      const outcomes = await rotateConnections(services, targets, emit, run.stopRequested);
      return selectionRun(runId, plan, outcomes);
    } finally {
      run.end();
    }
  },

  /** Stops after the connection in progress. */
  'rotation:stopSelection': (_request, services) => ({
    stopping: services.rotationSelections.stop(),
  }),
} satisfies FeatureHandlers<RotationServices>;

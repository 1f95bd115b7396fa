import { AppFailure, appFailure } from '../../shared/errors';
import type {
  RotationInfo,
  RotationOutcome,
  SelectionItem,
  SelectionPlan,
  SelectionRun,
} from '../../shared/rotation/rotation';
import type { EmitEvent } from '../ipc/dispatch';
import { rotateAcross, type RotationTarget } from './rotate-across';
import { unchanged } from './rotation-left';
import type { RotationServices } from './rotation-services';

/** Why the run across both cannot go ahead here (the guided hand-over then), from the Entra footing. */
export async function across(
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
 * in, no app) is an answer too, as a failed start. Each step's news carries the connection's
 * place in the run. `stopRequested` is asked between connections, never within one: a rotation
 * stopped half-way would leave Stytch and Entra apart. Answers one outcome per connection run
 * (fewer than `targets` when stopped).
 */
export async function rotateConnections(
  services: RotationServices,
  targets: readonly RotationTarget[],
  emit: EmitEvent,
  stopRequested: () => boolean = () => false,
): Promise<RotationOutcome[]> {
  const outcomes: RotationOutcome[] = [];
  for (const [index, target] of targets.entries()) {
    if (stopRequested()) break;
    const selection = {
      organizationId: target.organizationId,
      position: index + 1,
      total: targets.length,
      rotated: outcomes.filter((outcome) => outcome.outcome === 'rotated').length,
      failed: outcomes.filter((outcome) => outcome.outcome === 'failed').length,
    };
    try {
      outcomes.push(await rotateAcross(services, { ...target, selection }, emit));
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      outcomes.push({
        outcome: 'failed',
        runId: target.runId,
        failedStep: 'start',
        error: error.appError,
        left: unchanged(),
        gap: null,
        connection: null,
        steps: [],
      });
    }
  }
  return outcomes;
}

/**
 * The connections of the organizations named, in the order named (each once), as the overview
 * holds them: the connection comes from main's own reading of Stytch, never from the renderer.
 * An organization the overview does not hold refuses the whole request (ROTATION_UNKNOWN_ORGANIZATION):
 * nothing is rotated on a guess.
 */
export async function planSelection(
  services: RotationServices,
  organizationIds: readonly string[],
): Promise<SelectionPlan> {
  const rows = new Map((await services.fleet.rows()).map((row) => [row.organizationId, row]));
  const named = [...new Set(organizationIds)];
  const unknown = named.filter((id) => !rows.has(id)).length;
  if (unknown > 0)
    throw appFailure(
      'ROTATION_UNKNOWN_ORGANIZATION',
      unknown === 1
        ? 'One of the organizations chosen is not in the connections overview, so nothing was rotated.'
        : `${unknown} of the organizations chosen are not in the connections overview, so nothing was rotated.`,
      'Read the connections again from Stytch, then choose the connections to rotate again.',
    );
  const plan: SelectionPlan['rows'] = [];
  for (const id of named) {
    const row = rows.get(id);
    if (row === undefined) continue;
    const { organizationId, organizationName, connectionId } = row;
    plan.push({
      organizationId,
      organizationName,
      connectionId,
      across: await across(services, organizationId),
    });
  }
  return { rows: plan };
}

/**
 * What a rotation of a selection answers: each connection of the plan with its outcome (in run
 * order, `outcomes` for the plan's rows that could run), or skipped with its reason; those that
 * could run but were not reached were stopped.
 */
export function selectionRun(
  runId: string,
  plan: SelectionPlan,
  outcomes: readonly RotationOutcome[],
): SelectionRun {
  const ready = plan.rows.filter((row) => row.across.available);
  const byOrg = new Map(ready.map((row, index) => [row.organizationId, outcomes[index]]));
  const items = plan.rows.map((row): SelectionItem => {
    const { organizationId, organizationName, connectionId } = row;
    const fields = { organizationId, organizationName, connectionId };
    const outcome = byOrg.get(organizationId);
    if (outcome !== undefined) return { state: 'ran', ...fields, outcome };
    return { state: 'skipped', ...fields, reason: row.across.reason ?? 'stopped' };
  });
  return { runId, items, stopped: outcomes.length < ready.length };
}

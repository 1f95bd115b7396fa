import { create } from 'zustand';

import type { RotationProgress, SelectionPlan, SelectionRun } from '../../shared/rotation/rotation';
import { call } from '../lib/api';
import type { Failure } from './failure';
import { useFleetStore } from './fleet-store';
import { trackCall } from './track-call';

/** Which rows a rotation of several connections was asked for. */
export type SelectionScope = 'expiring' | 'selected';

/** Where a rotation of several connections stands on the overview. */
export type SelectionPhase =
  | { kind: 'idle' }
  /** Main's plan, shown for the admin's yes: which rotate across both, which are skipped. */
  | { kind: 'planned'; scope: SelectionScope; plan: SelectionPlan }
  /** Running; `latest`: the last step main reported, with its place in the run. */
  | {
      kind: 'running';
      scope: SelectionScope;
      plan: SelectionPlan;
      runId: string;
      latest: RotationProgress | null;
      stopping: boolean;
    }
  | { kind: 'finished'; scope: SelectionScope; run: SelectionRun };

type SelectionOp = 'rotation:planSelection' | 'rotation:runSelection' | 'rotation:stopSelection';

interface RotationSelectionState {
  phase: SelectionPhase;
  busy: SelectionOp | null;
  failedOp: SelectionOp | null;
  failure: Failure | null;
  /** Asks main which of `organizationIds` would rotate across both, for the admin's yes. */
  plan: (scope: SelectionScope, organizationIds: readonly string[]) => Promise<void>;
  /** The admin's yes: rotates the planned connections; the overview reads Stytch again after. */
  start: () => Promise<void>;
  /** Stops once the connection in progress has finished. */
  stop: () => Promise<void>;
  /** Back to the buttons (the plan declined, or the results read). */
  close: () => void;
  /** A `rotation:progress` event: kept when it belongs to the run on screen. */
  receive: (progress: RotationProgress) => void;
}

/** A rotation of several connections from the overview, across Stytch and Entra. */
export const useRotationSelectionStore = create<RotationSelectionState>()((set, get) => ({
  phase: { kind: 'idle' },
  busy: null,
  failedOp: null,
  failure: null,
  plan: async (scope, organizationIds) => {
    await trackCall(
      set,
      () => call('rotation:planSelection', { organizationIds: [...organizationIds] }),
      {
        start: { busy: 'rotation:planSelection', failedOp: 'rotation:planSelection' },
        end: { busy: null },
        retry: () => get().plan(scope, organizationIds),
        done: (plan): Partial<RotationSelectionState> => ({
          phase: { kind: 'planned', scope, plan },
        }),
      },
    );
  },
  start: async () => {
    const { phase } = get();
    if (phase.kind !== 'planned') return;
    const runId = crypto.randomUUID();
    const organizationIds = phase.plan.rows.map((row) => row.organizationId);
    const running = { ...phase, kind: 'running' as const, runId, latest: null, stopping: false };
    const result = await trackCall(
      set,
      () => call('rotation:runSelection', { organizationIds, runId }),
      {
        start: { busy: 'rotation:runSelection', failedOp: 'rotation:runSelection', phase: running },
        end: { busy: null },
        // A refused start changed nothing: the plan again, for another try.
        failed: { phase },
        retry: () => get().start(),
        done: (run): Partial<RotationSelectionState> => ({
          phase: { kind: 'finished', scope: phase.scope, run },
        }),
      },
    );
    // New tokens mean new expiry dates: the overview reads the changed connections again.
    if (result?.ok) void useFleetStore.getState().refresh();
  },
  stop: async () => {
    const { phase } = get();
    if (phase.kind !== 'running') return;
    set({ phase: { ...phase, stopping: true } });
    const result = await call('rotation:stopSelection', {});
    if (!result.ok)
      set({
        failedOp: 'rotation:stopSelection',
        failure: { error: result.error, retry: () => void get().stop() },
      });
  },
  close: () => set({ phase: { kind: 'idle' }, failure: null, failedOp: null }),
  receive: (progress) => {
    const { phase } = get();
    if (phase.kind !== 'running' || progress.runId !== phase.runId) return;
    set({ phase: { ...phase, latest: progress } });
  },
}));

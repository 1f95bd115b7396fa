import type { FleetSweepStatus } from '../../shared/fleet/fleet';
import type { FeatureHandlers } from '../ipc/dispatch';

// Contract first (issue 23): these answers are placeholders until main/fleet/ is built.
const IDLE: FleetSweepStatus = {
  state: 'idle',
  done: 0,
  total: 0,
  etaSeconds: null,
  startedAt: null,
  finishedAt: null,
  counts: { passed: 0, failed: 0, warnings: 0, metadataOnly: 0 },
};
const EMPTY = { rows: [], refreshedAt: null, refreshing: false, refreshError: null, sweep: IDLE };

/** The fleet:* channels. */
export const fleetHandlers = {
  'fleet:overview': () => EMPTY,
  'fleet:refresh': () => EMPTY,
  'fleet:sweepStart': () => IDLE,
  'fleet:sweepCancel': () => IDLE,
  'fleet:sweepStatus': () => IDLE,
  'fleet:saveReport': () => ({ saved: false, fileName: null }),
} satisfies FeatureHandlers<object>;

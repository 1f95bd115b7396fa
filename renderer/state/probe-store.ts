import { create } from 'zustand';

import type { ProbeCheck, ProbeProgress, ProbeReport } from '../../shared/probe/report';
import type { SecretHandle } from '../../shared/stytch/views';
import { call } from '../lib/api';
import type { Failure } from './failure';
import { trackCall } from './track-call';

/**
 * What a probe run targets: a connection's token. Main finds the Tenant URL itself (the one Stytch
 * holds for the connection); `tenantUrl` here is what the panel shows and keys its results by.
 */
export interface ProbeTarget {
  organizationId: string;
  tenantUrl: string;
  token: SecretHandle;
}

interface ProbeState {
  runId: string | null;
  /** Identifies the target of the last run, so a panel for another token shows nothing stale. */
  targetKey: string | null;
  running: boolean;
  checks: readonly ProbeCheck[];
  done: number;
  total: number | null;
  report: ProbeReport | null;
  failure: Failure | null;
  run: (target: ProbeTarget, writeCycle: boolean) => Promise<void>;
  receive: (progress: ProbeProgress) => void;
  reset: () => void;
}

/** A stable key for a probe target. */
export function probeTargetKey(target: ProbeTarget): string {
  return `${target.token.kind}:${target.token.connectionId}:${target.tenantUrl}`;
}

const IDLE = {
  runId: null,
  targetKey: null,
  running: false,
  checks: [],
  done: 0,
  total: null,
  report: null,
  failure: null,
} as const;

/** The Test Connection probe: one run at a time, with live progress from `probe:progress`. */
export const useProbeStore = create<ProbeState>()((set, get) => ({
  ...IDLE,
  run: async (target, writeCycle) => {
    const runId = crypto.randomUUID();
    const { organizationId, token } = target;
    await trackCall(set, () => call('probe:run', { runId, organizationId, token, writeCycle }), {
      start: { ...IDLE, runId, targetKey: probeTargetKey(target), running: true },
      end: { running: false },
      retry: () => get().run(target, writeCycle),
      done: (report) => ({ report, checks: report.checks, done: report.checks.length }),
      current: () => get().runId === runId,
    });
  },
  receive: (progress) => {
    if (progress.runId !== get().runId || !get().running) return;
    const others = get().checks.filter((c) => c.id !== progress.check.id);
    set({ checks: [...others, progress.check], done: progress.done, total: progress.total });
  },
  reset: () => set({ ...IDLE }),
}));

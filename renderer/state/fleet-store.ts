import { create } from 'zustand';

import type {
  FleetOverview,
  FleetProgress,
  FleetRow,
  FleetSweepStatus,
} from '../../shared/fleet/fleet';
import type { AppError, Result } from '../../shared/ipc';
import type { InvokeChannel } from '../../shared/ipc-channels';
import { DEFAULT_QUERY, type OverviewQuery } from '../features/fleet/overview-query';
import { call } from '../lib/api';
import type { Failure } from './failure';
import { useMicrosoftStore } from './microsoft-store';
import { trackCall } from './track-call';

/** One call the fleet store makes, named by its channel. */
export type FleetOp = Extract<InvokeChannel, `fleet:${string}`>;

/** A refresh of the overview under way in main: how far it got. */
export interface RefreshProgress {
  done: number;
  total: number;
}

interface FleetState {
  /** Every connection main knows, in main's order (the overview sorts its own copy). */
  rows: readonly FleetRow[];
  /** Null until the first `fleet:overview` answer. */
  refreshedAt: string | null;
  loaded: boolean;
  refreshing: RefreshProgress | null;
  /** Main reads the Entra jobs again on its own (after the Microsoft sign-in changed). */
  entraReading: boolean;
  refreshError: AppError | null;
  sweep: FleetSweepStatus | null;
  /** The organizations ticked for "Check selected". */
  selected: ReadonlySet<string>;
  query: OverviewQuery;
  /** The name of the report file last saved, to say where it went. */
  savedReport: string | null;
  busy: FleetOp | null;
  failedOp: FleetOp | null;
  failure: Failure | null;
  load: () => Promise<void>;
  refresh: () => Promise<void>;
  /** Checks the organizations named, or every connection. */
  sweepStart: (organizationIds?: readonly string[]) => Promise<void>;
  sweepCancel: () => Promise<void>;
  saveReport: (format: 'csv' | 'html') => Promise<void>;
  /** Takes a `fleet:progress` event: counts, and the rows it changed. */
  receive: (progress: FleetProgress) => void;
  /** Reads the overview again without showing a call in flight (after a refresh or sweep ends). */
  reread: () => Promise<void>;
  setQuery: (query: OverviewQuery) => void;
  toggleSelected: (organizationId: string) => void;
  /** Ticks all of `organizationIds`, or unticks them all when every one is ticked. */
  toggleAll: (organizationIds: readonly string[]) => void;
}

/** Rows with `updated` put in place of the rows of the same organization (new ones added). */
function merge(rows: readonly FleetRow[], updated: readonly FleetRow[]): readonly FleetRow[] {
  if (updated.length === 0) return rows;
  const byId = new Map(updated.map((row) => [row.organizationId, row]));
  const merged = rows.map((row) => {
    const fresh = byId.get(row.organizationId);
    if (fresh) byId.delete(row.organizationId);
    return fresh ?? row;
  });
  return [...merged, ...byId.values()];
}

function fromOverview(overview: FleetOverview): Partial<FleetState> {
  return {
    rows: overview.rows,
    refreshedAt: overview.refreshedAt,
    loaded: true,
    refreshing: overview.refreshing ? { done: 0, total: 0 } : null,
    entraReading: overview.entraReading,
    refreshError: overview.refreshError,
    sweep: overview.sweep,
  };
}

/** The connections overview and the health sweep, as main answers and reports them. */
export const useFleetStore = create<FleetState>()((set, get) => {
  const run = <T>(
    op: FleetOp,
    request: () => Promise<Result<T>>,
    retry: () => Promise<void>,
    done: (data: T) => Partial<FleetState>,
  ) =>
    trackCall(set, request, {
      start: { busy: op, failedOp: op },
      end: { busy: null },
      retry,
      done,
    });
  return {
    rows: [],
    refreshedAt: null,
    loaded: false,
    refreshing: null,
    entraReading: false,
    refreshError: null,
    sweep: null,
    selected: new Set(),
    query: DEFAULT_QUERY,
    savedReport: null,
    busy: null,
    failedOp: null,
    failure: null,
    load: async () => {
      await run('fleet:overview', () => call('fleet:overview', {}), get().load, fromOverview);
    },
    refresh: async () => {
      await run('fleet:refresh', () => call('fleet:refresh', {}), get().refresh, fromOverview);
    },
    sweepStart: async (organizationIds) => {
      await run(
        'fleet:sweepStart',
        () =>
          call(
            'fleet:sweepStart',
            organizationIds ? { organizationIds: [...organizationIds] } : {},
          ),
        () => get().sweepStart(organizationIds),
        (sweep) => ({ sweep }),
      );
    },
    sweepCancel: async () => {
      await run(
        'fleet:sweepCancel',
        () => call('fleet:sweepCancel', {}),
        get().sweepCancel,
        (sweep) => ({ sweep }),
      );
    },
    saveReport: async (format) => {
      set({ savedReport: null });
      await run(
        'fleet:saveReport',
        () => call('fleet:saveReport', { format }),
        () => get().saveReport(format),
        ({ saved, fileName }) => ({ savedReport: saved ? fileName : null }),
      );
    },
    receive: (progress) => {
      const rows = merge(get().rows, progress.updated);
      if (progress.kind === 'entra') {
        set({ rows, entraReading: progress.state === 'running' });
        // Main reads the Entra column again when the Microsoft sign-in changed or was found lost:
        // the context bar's account is read again with it, so the two say the same.
        if (progress.state !== 'running') void useMicrosoftStore.getState().load();
      } else if (progress.kind === 'refresh') {
        set({
          rows,
          refreshing:
            progress.state === 'running' ? { done: progress.done, total: progress.total } : null,
          refreshError: progress.error,
        });
      } else {
        const sweep = get().sweep;
        const running = progress.state === 'running';
        set({
          rows,
          sweep: sweep && {
            ...sweep,
            state: running ? 'running' : sweep.state,
            done: progress.done,
            total: progress.total,
            etaSeconds: progress.etaSeconds,
          },
        });
      }
      // Events carry at most a few hundred changed rows: once the work ends, main's whole answer
      // (every row, the sweep's counts and end) replaces the pieces.
      if (progress.state !== 'running') void get().reread();
    },
    reread: async () => {
      const result = await call('fleet:overview', {});
      if (result.ok) set(fromOverview(result.data));
    },
    setQuery: (query) => set({ query }),
    toggleSelected: (organizationId) => {
      const selected = new Set(get().selected);
      if (selected.has(organizationId)) selected.delete(organizationId);
      else selected.add(organizationId);
      set({ selected });
    },
    toggleAll: (organizationIds) => {
      const { selected } = get();
      const all = organizationIds.length > 0 && organizationIds.every((id) => selected.has(id));
      set({ selected: all ? new Set() : new Set(organizationIds) });
    },
  };
});

import type { AppError } from '../../shared/errors';
import { MAX_PROGRESS_ROWS, type FleetProgress, type FleetRow } from '../../shared/fleet/fleet';
import type { RetryClock } from '../http/retry';
import type { CachedRow } from './fleet-cache';
import type { FleetPolicy } from './fleet-policy';
import { shownRow } from './fleet-rows';

/** The fleet's progress events of one run (a refresh, a sweep, a reading of the Entra jobs). */
export type ProgressPump = ReturnType<typeof progressPump>;

/**
 * Progress events, at most one per `progressEveryMs`, carrying the rows changed since the last;
 * `step` answers the seconds left, from the pace of this run so far.
 */
export function progressPump(
  kind: FleetProgress['kind'],
  clock: Pick<RetryClock, 'now'>,
  policy: Pick<FleetPolicy, 'progressEveryMs'>,
  listener: () => (progress: FleetProgress) => void,
) {
  const startedAt = clock.now();
  let firstDone: number | null = null;
  let last = 0;
  let pending = new Map<string, CachedRow>();
  let position = { done: 0, total: 0, eta: null as number | null };
  const emit = (
    state: FleetProgress['state'],
    error: AppError | null,
    updated: FleetProgress['updated'],
  ) => {
    last = clock.now();
    listener()({
      kind,
      state,
      done: position.done,
      total: position.total,
      etaSeconds: state === 'running' ? position.eta : null,
      updated,
      error,
    });
  };
  const flush = (state: FleetProgress['state'], error: AppError | null) => {
    const now = new Date(clock.now());
    const updated = [...pending.values()]
      .slice(-MAX_PROGRESS_ROWS)
      .map((cached) => shownRow(cached, now));
    pending = new Map();
    emit(state, error, updated);
  };
  return {
    /** Says at once that the run began (before anything is read, so nothing is counted yet). */
    begin: () => emit('running', null, []),
    /**
     * A search page's organizations, sent at once (not held to the pace) so the admin sees
     * them before any connection is read: `rows` are the provisional ones, `count` every
     * organization with a connection on the page. Split to stay within an event's bound.
     */
    list: (rows: readonly FleetRow[], count: number) => {
      position = { ...position, total: position.total + count };
      const events = Math.max(1, Math.ceil(rows.length / MAX_PROGRESS_ROWS));
      for (let index = 0; index < events; index += 1)
        emit(
          'running',
          null,
          rows.slice(index * MAX_PROGRESS_ROWS, (index + 1) * MAX_PROGRESS_ROWS),
        );
    },
    step: (done: number, total: number, row: CachedRow | null): number | null => {
      firstDone ??= done - 1;
      const doneHere = done - firstDone;
      const perItemMs = (clock.now() - startedAt) / Math.max(1, doneHere);
      const eta = doneHere > 0 ? Math.round((perItemMs * (total - done)) / 1000) : null;
      position = { done, total, eta };
      if (row) pending.set(row.row.organizationId, row);
      if (clock.now() - last >= policy.progressEveryMs) flush('running', null);
      return eta;
    },
    end: flush,
  };
}

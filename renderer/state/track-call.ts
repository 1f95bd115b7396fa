import type { StoreApi } from 'zustand';

import type { Result } from '../../shared/ipc';
import type { Failure } from './failure';

/** How a store shows one call to main. */
export interface CallSteps<S, T> {
  /** Shown while the call is in flight; the last failure is cleared with it. */
  start: Partial<S>;
  /** Shown once the call has ended, answered or failed. */
  end: Partial<S>;
  /** Runs the action again: the failure's Retry. */
  retry: () => unknown;
  /** What the answer adds to the store. */
  done?: (data: T) => Partial<S>;
  /** What a failure puts back (e.g. an optimistic change undone). */
  failed?: Partial<S>;
  /** False once a newer call has taken this one's place: its answer is then dropped. */
  current?: () => boolean;
}

/**
 * Runs a call to main the way every store shows one: `start` while it is in flight, then `end`
 * with the answer, or with a Failure whose Retry runs the action again. Resolves to the result,
 * for what follows the call, or to null when a newer call took its place.
 */
export async function trackCall<S extends { failure: Failure | null }, T>(
  set: StoreApi<S>['setState'],
  request: () => Promise<Result<T>>,
  { start, end, retry, done, failed, current }: CallSteps<S, T>,
): Promise<Result<T> | null> {
  set({ ...start, failure: null });
  const result = await request();
  if (current && !current()) return null;
  if (result.ok) set({ ...end, ...done?.(result.data) });
  else set({ ...end, ...failed, failure: { error: result.error, retry: () => void retry() } });
  return result;
}

import { useEffect } from 'react';

import { useEntraStore, type EntraOp } from '../../state/entra-store';
import { durationMs } from './interval-words';

/**
 * Entra runs a cycle about every 40 minutes: a look every 5 minutes shows each cycle within
 * minutes of its end without reading Graph more than it needs.
 */
export const REAL_HEALTH_REFRESH_MS = 5 * 60_000;

/** The sandbox's cycles come seconds apart (its job's own interval); never more often than this. */
const SANDBOX_MIN_REFRESH_MS = 5_000;
const SANDBOX_DEFAULT_REFRESH_MS = 20_000;

/** How often job health refreshes itself: at Entra's pace, or at the sandbox job's. */
export function healthRefreshMs(interval: string | null, sandbox: boolean): number {
  if (!sandbox) return REAL_HEALTH_REFRESH_MS;
  const cycle = interval === null ? null : durationMs(interval);
  return Math.max(SANDBOX_MIN_REFRESH_MS, cycle ?? SANDBOX_DEFAULT_REFRESH_MS);
}

/** The app's own actions after which Entra's job has news: health is read again when they end. */
const ACTIONS: readonly EntraOp[] = [
  'entra:assign',
  'entra:unassign',
  'entra:start',
  'entra:provisionOnDemand',
  'sandbox:createTestUser',
];

/**
 * While `active` (the job is Active and the panel on screen), refreshes job health every
 * `everyMs` while the window is visible, when the window comes back into view or focus, and after
 * the app's own actions. Stops when the job is no longer Active or the panel closes.
 */
export function useHealthRefresh(active: boolean, everyMs: number): void {
  useEffect(() => {
    if (!active) return undefined;
    const refresh = () => {
      if (document.visibilityState !== 'hidden') void useEntraStore.getState().refreshHealth();
    };
    const timer = setInterval(refresh, everyMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    const off = useEntraStore.subscribe((state, previous) => {
      if (state.busy === null && previous.busy !== null && ACTIONS.includes(previous.busy)) {
        refresh();
      }
    });
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
      off();
    };
  }, [active, everyMs]);
}

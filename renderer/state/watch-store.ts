import { create } from 'zustand';

import type { WatchSnapshot } from '../../shared/provisioning/watch';
import type { WatchFact } from '../../shared/wizard/content';
import { call } from '../lib/api';
import { useConnectionStore } from './connection-store';
import type { Failure } from './failure';
import { trackCall } from './track-call';

/** Which connection the watch follows. */
export interface WatchTarget {
  organizationId: string;
  connectionId: string;
}

interface WatchState {
  snapshot: WatchSnapshot | null;
  /** The channel of the call in flight. */
  busy: 'watch:start' | 'watch:refresh' | null;
  failure: Failure | null;
  start: (target: WatchTarget) => Promise<void>;
  refresh: () => Promise<void>;
  stop: () => Promise<void>;
  receive: (snapshot: WatchSnapshot) => void;
  /** Forgets what was seen (another organization or project was chosen). */
  reset: () => void;
}

/** Step 7's view of the members arriving in Stytch: main polls, this store shows. */
export const useWatchStore = create<WatchState>()((set, get) => ({
  snapshot: null,
  busy: null,
  failure: null,
  start: async (target) => {
    await trackCall(set, () => call('watch:start', target), {
      start: { busy: 'watch:start' },
      end: { busy: null },
      retry: () => get().start(target),
      done: (snapshot) => ({ snapshot }),
    });
  },
  refresh: async () => {
    await trackCall(set, () => call('watch:refresh', {}), {
      start: { busy: 'watch:refresh' },
      end: { busy: null },
      retry: () => get().refresh(),
      done: (snapshot) => ({ snapshot }),
    });
  },
  stop: async () => {
    const result = await call('watch:stop', {});
    if (result.ok) set({ snapshot: result.data });
  },
  reset: () => set({ snapshot: null, busy: null, failure: null }),
  receive: (snapshot) => {
    const current = get().snapshot;
    // An update of a connection no longer on screen is dropped.
    if (current && current.connectionId !== snapshot.connectionId) return;
    set({ snapshot });
  },
}));

/**
 * Whether the watch's snapshot of `connectionId` shows `fact` (a snapshot of another connection
 * shows nothing). The one source of the checklist's watched items and of step 7's Next.
 */
export function watchHasSeen(
  snapshot: WatchSnapshot | null,
  connectionId: string | null,
  fact: WatchFact,
): boolean {
  if (snapshot === null || snapshot.connectionId !== connectionId) return false;
  if (fact === 'arrived') return snapshot.counts.total > 0;
  return (
    snapshot.counts.deactivated > 0 ||
    snapshot.timeline.some((change) => change.kind === 'deactivated')
  );
}

/** What the watch has seen of each fact, on the connection on screen. */
export function useWatchFacts(): Readonly<Record<WatchFact, boolean>> {
  const connectionId = useConnectionStore((s) => s.connection?.connectionId ?? null);
  const arrived = useWatchStore((s) => watchHasSeen(s.snapshot, connectionId, 'arrived'));
  const deactivated = useWatchStore((s) => watchHasSeen(s.snapshot, connectionId, 'deactivated'));
  return { arrived, deactivated };
}

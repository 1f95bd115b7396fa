import { create } from 'zustand';

import type {
  RehearsalAction,
  RehearsalRun,
  RehearsalView,
} from '../../shared/provisioning/rehearsal';
import { call } from '../lib/api';
import type { Failure } from './failure';
import { trackCall } from './track-call';
import type { WatchTarget } from './watch-store';

interface RehearsalState {
  /** The connection on screen; answers about another one are dropped. */
  target: WatchTarget | null;
  view: RehearsalView | null;
  /** What the admin's last action did, for the notice under the buttons. */
  lastRun: RehearsalRun | null;
  /** The channel of the call in flight. */
  busy: 'rehearsal:get' | 'rehearsal:run' | null;
  failure: Failure | null;
  load: (target: WatchTarget) => Promise<void>;
  run: (action: RehearsalAction) => Promise<void>;
}

/** Step 7's sandbox rehearsal: main plays Entra against the sandbox, this store shows it. */
export const useRehearsalStore = create<RehearsalState>()((set, get) => ({
  target: null,
  view: null,
  lastRun: null,
  busy: null,
  failure: null,
  load: async (target) => {
    const same = get().target?.connectionId === target.connectionId;
    set(same ? { target } : { target, view: null, lastRun: null });
    const onScreen = () => get().target?.connectionId === target.connectionId;
    await trackCall(set, () => call('rehearsal:get', target), {
      start: { busy: 'rehearsal:get' },
      end: { busy: null },
      retry: () => get().load(target),
      done: (view) => ({ view }),
      current: onScreen,
    });
  },
  run: async (action) => {
    const target = get().target;
    if (target === null) return;
    const onScreen = () => get().target?.connectionId === target.connectionId;
    await trackCall(set, () => call('rehearsal:run', { ...target, action }), {
      start: { busy: 'rehearsal:run' },
      end: { busy: null },
      retry: () => get().run(action),
      done: ({ run, rehearsal }) => ({ lastRun: run, view: rehearsal }),
      current: onScreen,
    });
  },
}));

import { create } from 'zustand';

import type { Result, StytchStatus } from '../../shared/ipc';
import { call } from '../lib/api';
import { useAppStore } from './app-store';
import type { Failure } from './failure';
import { forgetAfter } from './forget-after';
import { useOrganizationStore } from './organization-store';
import { useScreenStore } from './screen-store';
import { trackCall } from './track-call';
import { useWizardStore } from './wizard-store';

/** The channel of the call in flight (forgetting reads the status after it). */
type StytchBusy = 'stytch:connect' | 'sandbox:start' | 'stytch:forgetProject';

interface StytchState {
  busy: StytchBusy | null;
  /** Whether the sandbox being started is the large one (its wait is longer; the label says so). */
  startingLarge: boolean;
  failure: Failure | null;
  /**
   * Sends the project ID and secret to main. The secret is only passed through: it is never
   * written to this store, and a Retry after a failure asks the user to type it again.
   */
  connect: (projectId: string, secret: string) => Promise<boolean>;
  /**
   * Starts the local sandbox; `large` seeds about 2,000 organizations in every state and opens
   * the connections overview rather than the wizard's next step.
   */
  startSandbox: (large?: boolean) => Promise<void>;
  forget: (projectId: string) => Promise<void>;
}

/** A different project invalidates the organization and everything chosen after it. */
function adoptStatus(status: StytchStatus): void {
  const app = useAppStore.getState();
  const before = app.status?.connected ? app.status.projectId : app.savedProjectId;
  app.setStatus(status);
  if (!status.connected || before === status.projectId) return;
  app.setSavedProjectId(status.projectId);
  useOrganizationStore.getState().clear();
  forgetAfter('connect-stytch');
  // The saved organization belonged to the other project; a failed write only costs a re-pick.
  void call('settings:update', { organizationId: null });
}

async function forgetThenReadStatus(projectId: string): Promise<Result<StytchStatus>> {
  const removed = await call('stytch:forgetProject', { projectId });
  return removed.ok ? call('stytch:status', {}) : removed;
}

function advancePastConnect(): void {
  const wizard = useWizardStore.getState();
  if (wizard.current === 'connect-stytch') wizard.next();
}

// Not made inside connect, so it holds no secret: "Retry" clears the error and puts focus back
// on the form.
function clearFailure(): void {
  useStytchStore.setState({ failure: null });
}

/** The Connect-to-Stytch step's calls: connect, sandbox, forget. */
export const useStytchStore = create<StytchState>()((set, get) => ({
  busy: null,
  startingLarge: false,
  failure: null,
  connect: async (projectId, secret) => {
    const result = await trackCall(set, () => call('stytch:connect', { projectId, secret }), {
      start: { busy: 'stytch:connect' },
      end: { busy: null },
      retry: clearFailure,
    });
    if (!result?.ok) return false;
    adoptStatus(result.data);
    advancePastConnect();
    return true;
  },
  startSandbox: async (large = false) => {
    set({ startingLarge: large });
    const result = await trackCall(set, () => call('sandbox:start', large ? { large } : {}), {
      start: { busy: 'sandbox:start' },
      end: { busy: null },
      retry: () => get().startSandbox(large),
    });
    if (!result?.ok) return;
    adoptStatus(result.data);
    advancePastConnect();
    if (large) useScreenStore.getState().show({ kind: 'overview' });
  },
  forget: async (projectId) => {
    const result = await trackCall(set, () => forgetThenReadStatus(projectId), {
      start: { busy: 'stytch:forgetProject' },
      end: { busy: null },
      retry: () => get().forget(projectId),
    });
    if (result?.ok) adoptStatus(result.data);
  },
}));

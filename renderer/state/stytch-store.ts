import { create } from 'zustand';

import type { AppError, StytchStatus } from '../../shared/ipc';
import { call } from '../lib/api';
import { useAppStore } from './app-store';
import type { Failure } from './failure';
import { forgetAfter } from './forget-after';
import { useOrganizationStore } from './organization-store';
import { useWizardStore } from './wizard-store';

type StytchBusy = 'connect' | 'sandbox' | 'forget';

interface StytchState {
  busy: StytchBusy | null;
  failure: Failure | null;
  /**
   * Sends the project ID and secret to main. The secret is only passed through: it is never
   * written to this store, and a Retry after a failure asks the user to type it again.
   */
  connect: (projectId: string, secret: string) => Promise<boolean>;
  startSandbox: () => Promise<void>;
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

function advancePastConnect(): void {
  const wizard = useWizardStore.getState();
  if (wizard.current === 'connect-stytch') wizard.next();
}

function secretRetry(error: AppError): Failure {
  // No closure over the secret: "Retry" clears the error and puts focus back on the form.
  return { error, retry: () => useStytchStore.setState({ failure: null }) };
}

/** The Connect-to-Stytch step's calls: connect, sandbox, forget. */
export const useStytchStore = create<StytchState>()((set, get) => ({
  busy: null,
  failure: null,
  connect: async (projectId, secret) => {
    set({ busy: 'connect', failure: null });
    const result = await call('stytch:connect', { projectId, secret });
    set({ busy: null, failure: result.ok ? null : secretRetry(result.error) });
    if (!result.ok) return false;
    adoptStatus(result.data);
    advancePastConnect();
    return true;
  },
  startSandbox: async () => {
    set({ busy: 'sandbox', failure: null });
    const result = await call('sandbox:start', {});
    if (!result.ok) {
      set({ busy: null, failure: { error: result.error, retry: () => void get().startSandbox() } });
      return;
    }
    adoptStatus(result.data);
    set({ busy: null });
    advancePastConnect();
  },
  forget: async (projectId) => {
    set({ busy: 'forget', failure: null });
    const stop = (error: AppError) =>
      set({ busy: null, failure: { error, retry: () => void get().forget(projectId) } });
    const removed = await call('stytch:forgetProject', { projectId });
    if (!removed.ok) {
      stop(removed.error);
      return;
    }
    const status = await call('stytch:status', {});
    if (!status.ok) {
      stop(status.error);
      return;
    }
    adoptStatus(status.data);
    set({ busy: null });
  },
}));

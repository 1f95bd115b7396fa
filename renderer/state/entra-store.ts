import { create } from 'zustand';

import type {
  DirectoryPrincipal,
  EntraHealth,
  EntraSetupView,
  JobScope,
} from '../../shared/entra/entra-views';
import type { Result } from '../../shared/ipc';
import { call } from '../lib/api';
import type { EntraOp, EntraState } from './entra-state';
import { trackCall } from './track-call';

export type { AssignOutcome, EntraOp } from './entra-state';

const NOTHING_READ = {
  organizationId: null,
  view: null,
  candidates: null,
  appToConfirm: null,
  assigned: null,
  health: null,
  healthReadAt: null,
  onDemandWait: null,
  busy: null,
  failedOp: null,
  failure: null,
} as const;

/** The Entra side of the chosen organization, as the assistant sees and changes it. */
export const useEntraStore = create<EntraState>()((set, get) => {
  /** Runs one call for the organization on screen; its answer is dropped if that changed. */
  const run = async <T>(
    op: EntraOp,
    request: (organizationId: string) => Promise<Result<T>>,
    retry: () => Promise<void>,
    done: (data: T) => Partial<EntraState>,
  ): Promise<void> => {
    const organizationId = get().organizationId;
    if (organizationId === null) return;
    await trackCall(set, () => request(organizationId), {
      start: { busy: op, failedOp: op },
      end: { busy: null },
      retry,
      done,
      current: () => get().organizationId === organizationId,
    });
  };
  // One job status on screen: a newer view's job also updates the health panel's copy.
  const withView = (view: EntraSetupView) => {
    const health = get().health;
    return { view, health: health && view.job ? { ...health, job: view.job } : health };
  };
  // A scope read changes only the scope: the rest of the view is main's last word.
  const withScope = (scope: JobScope) => {
    const view = get().view;
    return { view: view ? { ...view, scope } : view };
  };
  const withHealth = (health: EntraHealth) => {
    const view = get().view;
    return {
      health,
      healthReadAt: new Date().toISOString(),
      view: view ? { ...view, job: health.job } : view,
    };
  };

  return {
    choice: null,
    ...NOTHING_READ,
    restoreChoice: (choice) => set({ choice }),
    choose: async (choice) => {
      // Shown at once, as a radio button is; a choice main could not save goes back.
      const previous = get().choice;
      await trackCall(set, () => call('settings:update', { entraSteps: choice }), {
        start: { busy: 'settings:update', failedOp: 'settings:update', choice },
        end: { busy: null },
        failed: { choice: previous },
        retry: () => get().choose(choice),
        done: (settings) => ({ choice: settings.entraSteps }),
      });
    },
    load: async (organizationId) => {
      if (get().organizationId !== organizationId) set({ ...NOTHING_READ, organizationId });
      await run(
        'entra:get',
        (id) => call('entra:get', { organizationId: id }),
        () => get().load(organizationId),
        withView,
      );
    },
    findApps: (displayName) =>
      run(
        'entra:findApps',
        (organizationId) => call('entra:findApps', { organizationId, displayName }),
        () => get().findApps(displayName),
        ({ apps }) => ({ candidates: apps, appToConfirm: null }),
      ),
    createApp: (displayName) =>
      run(
        'entra:createApp',
        (organizationId) => call('entra:createApp', { organizationId, displayName }),
        () => get().createApp(displayName),
        (view) => ({ ...withView(view), appToConfirm: null }),
      ),
    selectApp: (servicePrincipalId, confirmHost) =>
      run(
        'entra:useApp',
        (organizationId) =>
          call('entra:useApp', {
            organizationId,
            servicePrincipalId,
            ...(confirmHost === undefined ? {} : { confirmHost }),
          }),
        () => get().selectApp(servicePrincipalId, confirmHost),
        (answer) =>
          answer.outcome === 'confirm'
            ? { appToConfirm: { app: answer.app, host: answer.host } }
            : { ...withView(answer.view), appToConfirm: null },
      ),
    keepApp: () => set({ appToConfirm: null }),
    ensureJob: () =>
      run(
        'entra:ensureJob',
        (organizationId) => call('entra:ensureJob', { organizationId }),
        get().ensureJob,
        withView,
      ),
    testConnection: (connectionId) =>
      run(
        'entra:testConnection',
        (organizationId) => call('entra:testConnection', { organizationId, connectionId }),
        () => get().testConnection(connectionId),
        withView,
      ),
    saveCredentials: (connectionId) =>
      run(
        'entra:saveCredentials',
        (organizationId) => call('entra:saveCredentials', { organizationId, connectionId }),
        () => get().saveCredentials(connectionId),
        withView,
      ),
    readMapping: () =>
      run(
        'entra:readMapping',
        (organizationId) => call('entra:readMapping', { organizationId }),
        get().readMapping,
        withView,
      ),
    fixMapping: (fingerprint) =>
      run(
        'entra:fixMapping',
        (organizationId) => call('entra:fixMapping', { organizationId, fingerprint }),
        () => get().fixMapping(fingerprint),
        withView,
      ),
    assign: (principals) =>
      run(
        'entra:assign',
        (organizationId) =>
          call('entra:assign', {
            organizationId,
            principals: principals.map(({ id, kind }) => ({ id, kind })),
          }),
        () => get().assign(principals),
        ({ view, outcomes }) => ({
          view,
          assigned: outcomes.map((outcome) => ({
            ...outcome,
            displayName:
              principals.find((p) => p.id === outcome.principalId)?.displayName ??
              outcome.principalId,
          })),
        }),
      ),
    unassign: (principalId) =>
      run(
        'entra:unassign',
        (organizationId) => call('entra:unassign', { organizationId, principalId }),
        () => get().unassign(principalId),
        (view) => ({
          ...withView(view),
          // "Alice: assigned" from an earlier Assign would now say the opposite of the list.
          assigned: get().assigned?.filter((o) => o.principalId !== principalId) ?? null,
        }),
      ),
    readScope: () =>
      run(
        'entra:readScope',
        (organizationId) => call('entra:readScope', { organizationId }),
        get().readScope,
        withScope,
      ),
    refreshScope: async () => {
      const organizationId = get().organizationId;
      if (organizationId === null) return;
      const result = await call('entra:readScope', { organizationId });
      if (result.ok && get().organizationId === organizationId) set(withScope(result.data));
    },
    setAssignedOnly: (connectionId) =>
      run(
        'entra:setAssignedOnly',
        (organizationId) => call('entra:setAssignedOnly', { organizationId, connectionId }),
        () => get().setAssignedOnly(connectionId),
        withView,
      ),
    start: async (confirmScope) => {
      await run(
        'entra:start',
        (organizationId) =>
          call('entra:start', { organizationId, ...(confirmScope ? { confirmScope } : {}) }),
        () => get().start(confirmScope),
        withView,
      );
      // Main read a scope that needs the admin's yes: show it (the refusal stays on screen).
      if (
        get().failedOp === 'entra:start' &&
        get().failure?.error.code === 'ENTRA_CONFIRMATION_REQUIRED'
      )
        await get().refreshScope();
    },
    provisionOnDemand: async (userId) => {
      await run(
        'entra:provisionOnDemand',
        (organizationId) => call('entra:provisionOnDemand', { organizationId, userId }),
        () => get().provisionOnDemand(userId),
        withView,
      );
      set({ onDemandWait: null });
    },
    receiveOnDemandWait: (wait) => {
      if (wait.organizationId === get().organizationId && get().busy === 'entra:provisionOnDemand')
        set({ onDemandWait: wait });
    },
    readHealth: () =>
      run(
        'entra:health',
        (organizationId) => call('entra:health', { organizationId }),
        get().readHealth,
        withHealth,
      ),
    refreshHealth: async () => {
      const organizationId = get().organizationId;
      if (organizationId === null) return;
      const result = await call('entra:health', { organizationId });
      if (result.ok && get().organizationId === organizationId) set(withHealth(result.data));
    },
    createTestUser: async () => {
      const created: { principal?: DirectoryPrincipal } = {};
      await run(
        'sandbox:createTestUser',
        () => call('sandbox:createTestUser', {}),
        get().createTestUser,
        (principal) => {
          created.principal = principal;
          return {};
        },
      );
      if (created.principal) await get().assign([created.principal]);
    },
    restart: () =>
      run(
        'entra:restart',
        (organizationId) => call('entra:restart', { organizationId }),
        get().restart,
        withHealth,
      ),
  };
});

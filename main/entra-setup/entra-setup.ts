import type {
  DirectoryPrincipal,
  EntraApp,
  EntraHealth,
  EntraSetupView,
  JobScope,
} from '../../shared/entra/entra-views';
import { createApp, ensureJob, findApps, getSetup, useApp, type UseAppAnswer } from './app-steps';
import {
  fixMapping,
  readMapping,
  saveCredentials,
  testConnection,
} from './credentials-mapping-steps';
import { EntraContexts, type EntraSetupOptions, type EntraStepDeps } from './entra-context';
import type { AssignmentWaitNotice } from './on-demand-wait';
import {
  assign,
  health,
  provisionOnDemand,
  restart,
  searchDirectory,
  start,
  unassign,
} from './provisioning-steps';
import { readScope, setAssignedOnly } from './scope-steps';

export { ASSIGN_CONCURRENCY } from './assignments';
export type { EntraSetupOptions } from './entra-context';

/**
 * The Entra steps through Microsoft Graph, one method per `entra:*` channel, each usable on its
 * own. The app and job are remembered per organization and tenant (settings `entraApps`); what
 * each step saw is this run's evidence, returned as an {@link EntraSetupView}. A step asked
 * before the one it needs answers ENTRA_STEP_MISSING.
 *
 * Each method is the step function of the same name, in the order the admin walks them:
 * app-steps.ts (the app and its job), credentials-mapping-steps.ts (the job's credentials and
 * externalId mapping), scope-steps.ts (who the job provisions), provisioning-steps.ts
 * (assignments, provisioning and the job's health).
 */
export class EntraSetup {
  private readonly deps: EntraStepDeps;

  constructor(options: EntraSetupOptions) {
    this.deps = {
      contexts: new EntraContexts(options),
      options,
      now: options.now ?? (() => new Date()),
    };
  }

  get(organizationId: string): Promise<EntraSetupView> {
    return getSetup(this.deps, organizationId);
  }

  findApps(organizationId: string, displayName: string): Promise<EntraApp[]> {
    return findApps(this.deps, organizationId, displayName);
  }

  createApp(organizationId: string, displayName: string): Promise<EntraSetupView> {
    return createApp(this.deps, organizationId, displayName);
  }

  useApp(
    organizationId: string,
    servicePrincipalId: string,
    confirmHost?: string,
  ): Promise<UseAppAnswer> {
    return useApp(this.deps, organizationId, servicePrincipalId, confirmHost);
  }

  ensureJob(organizationId: string): Promise<EntraSetupView> {
    return ensureJob(this.deps, organizationId);
  }

  testConnection(organizationId: string, connectionId: string): Promise<EntraSetupView> {
    return testConnection(this.deps, organizationId, connectionId);
  }

  saveCredentials(organizationId: string, connectionId: string): Promise<EntraSetupView> {
    return saveCredentials(this.deps, organizationId, connectionId);
  }

  readMapping(organizationId: string): Promise<EntraSetupView> {
    return readMapping(this.deps, organizationId);
  }

  fixMapping(organizationId: string, fingerprint: string): Promise<EntraSetupView> {
    return fixMapping(this.deps, organizationId, fingerprint);
  }

  searchDirectory(kind: 'user' | 'group', text: string): Promise<DirectoryPrincipal[]> {
    return searchDirectory(this.deps, kind, text);
  }

  assign(organizationId: string, principals: readonly { id: string }[]) {
    return assign(this.deps, organizationId, principals);
  }

  unassign(organizationId: string, principalId: string): Promise<EntraSetupView> {
    return unassign(this.deps, organizationId, principalId);
  }

  readScope(organizationId: string): Promise<JobScope> {
    return readScope(this.deps, organizationId);
  }

  setAssignedOnly(organizationId: string, connectionId: string): Promise<EntraSetupView> {
    return setAssignedOnly(this.deps, organizationId, connectionId);
  }

  start(organizationId: string, confirmScope?: 'all' | 'unknown'): Promise<EntraSetupView> {
    return start(this.deps, organizationId, confirmScope);
  }

  provisionOnDemand(
    organizationId: string,
    userId: string,
    onWait?: (notice: AssignmentWaitNotice) => void,
  ): Promise<EntraSetupView> {
    return provisionOnDemand(this.deps, organizationId, userId, onWait);
  }

  health(organizationId: string): Promise<EntraHealth> {
    return health(this.deps, organizationId);
  }

  restart(organizationId: string): Promise<EntraHealth> {
    return restart(this.deps, organizationId);
  }
}

import type {
  DirectoryPrincipal,
  EntraApp,
  EntraHealth,
  EntraSetupView,
  OnDemandWait,
} from '../../shared/entra/entra-views';
import type { InvokeChannel } from '../../shared/ipc-channels';
import type { EntraStepsChoice } from '../../shared/settings/settings';
import type { Failure } from './failure';

/**
 * One call the entra store makes, named by its channel: an `entra:*` step through Microsoft Graph,
 * `settings:update` for step 3's choice, or `sandbox:createTestUser` for step 7's test user in the
 * sandbox tenant. (The pickers' `entra:searchDirectory` is the directory store's.)
 */
export type EntraOp =
  | Exclude<Extract<InvokeChannel, `entra:${string}`>, 'entra:searchDirectory'>
  | 'settings:update'
  | 'sandbox:createTestUser';

/** What assigning one user or group did, named for the screen. */
export interface AssignOutcome {
  principalId: string;
  displayName: string;
  alreadyAssigned: boolean;
}

/** The entra store's state and actions (renderer/state/entra-store.ts). */
export interface EntraState {
  /** Step 3's choice, as saved in the settings file. */
  choice: EntraStepsChoice | null;
  /** The organization `view` belongs to; answers about another one are dropped. */
  organizationId: string | null;
  view: EntraSetupView | null;
  /** The last "Find existing" answer. */
  candidates: readonly EntraApp[] | null;
  /**
   * An app main would not link without the admin's yes: its job already provisions to `host`
   * (entra:useApp's `confirm` answer). Cleared once an app is linked, or by `keepApp`.
   */
  appToConfirm: { app: EntraApp; host: string } | null;
  assigned: readonly AssignOutcome[] | null;
  health: EntraHealth | null;
  /** When `health` was read (ISO time, this computer's clock), so the panel can say how fresh it is. */
  healthReadAt: string | null;
  /**
   * While provision on demand waits for Entra to honour an assignment (`entra:onDemandWait`):
   * when it asks again. Null otherwise.
   */
  onDemandWait: OnDemandWait | null;
  /** The call in flight, by channel (one at a time: they change the same app and job). */
  busy: EntraOp | null;
  /** The call `failure` belongs to, by channel, so the panel that ran it shows it. */
  failedOp: EntraOp | null;
  failure: Failure | null;
  restoreChoice: (choice: EntraStepsChoice | null) => void;
  choose: (choice: EntraStepsChoice) => Promise<void>;
  load: (organizationId: string) => Promise<void>;
  findApps: (displayName: string) => Promise<void>;
  createApp: (displayName: string) => Promise<void>;
  /**
   * Works on an app found by name (entra:useApp); named so it is not mistaken for a hook. With
   * `confirmHost`, the admin's yes to taking over the provisioning that goes to that host.
   */
  selectApp: (servicePrincipalId: string, confirmHost?: string) => Promise<void>;
  /** Answers no to `appToConfirm`: nothing is linked. */
  keepApp: () => void;
  ensureJob: () => Promise<void>;
  testConnection: (connectionId: string) => Promise<void>;
  saveCredentials: (connectionId: string) => Promise<void>;
  readMapping: () => Promise<void>;
  fixMapping: (fingerprint: string) => Promise<void>;
  assign: (principals: readonly DirectoryPrincipal[]) => Promise<void>;
  /** Removes every app role the user or group holds (entra:unassign); Entra deprovisions next cycle. */
  unassign: (principalId: string) => Promise<void>;
  /** Reads the job's scope (SyncAll) and, unless assigned-only, the tenant's user count. */
  readScope: () => Promise<void>;
  /** The same read, shown only when it succeeds: when the step opens, and after a refused Start. */
  refreshScope: () => Promise<void>;
  /** Sets the scope to "Sync only assigned users and groups", the job's other settings kept. */
  setAssignedOnly: (connectionId: string) => Promise<void>;
  /** Starts the job; `confirmScope` is the admin's yes to an all/unknown scope shown to them. */
  start: (confirmScope?: 'all' | 'unknown') => Promise<void>;
  provisionOnDemand: (userId: string) => Promise<void>;
  /** Takes an `entra:onDemandWait` event for the organization on screen. */
  receiveOnDemandWait: (wait: OnDemandWait) => void;
  readHealth: () => Promise<void>;
  /**
   * Reads the job's health again without busy state or a failure on screen (the panel's own
   * refresh while the job is active): a failed read keeps the last health and its time.
   */
  refreshHealth: () => Promise<void>;
  restart: () => Promise<void>;
  /**
   * Creates the test user in the sandbox tenant (main refuses a real one) and assigns it: step 7's
   * optional deprovisioning proof, without unassigning a person.
   */
  createTestUser: () => Promise<void>;
}

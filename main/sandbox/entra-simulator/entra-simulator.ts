import { randomUUID } from 'node:crypto';

import type { FetchLike } from '../../http/create-http-client';
import { registerSecret } from '../../logging/redact';
import type { ExternalIdSource, MatchingAttribute } from './attribute-mapping';
import { connectionRequests, checkConnection } from './connection-check';
import { DirectorySchema, type Directory } from './directory';
import type { EngineContext } from './engine-context';
import { runCycle, runOnDemand, type CycleReport, type OnDemandReport } from './engine-runs';
import { emptyState } from './engine-state';
import { RANDOM_GROUP_LOOKUP_AT_CYCLE_START } from './entra-assumptions';
import type { PatchDialect } from './entra-requests';
import type { SimulatorError } from './error-codes';
import { Job } from './job';
import type { ProvisioningLogEntry } from './provisioning-log';
import { DOCUMENTED_THRESHOLDS, type Quarantine, type QuarantineThresholds } from './quarantine';
import { createScimSend, tenantTarget } from './scim-client';

/**
 * The Entra provisioning simulator: sends a SCIM server what Microsoft Entra's provisioning
 * engine sends (Test Connection, initial and incremental cycles, provision on demand) for a small
 * simulated directory, and keeps an Entra-style provisioning log and quarantine state. Requests
 * are built in entra-requests.ts; every guess about Entra is in entra-assumptions.ts.
 */
export type { CycleReport, OnDemandReport } from './engine-runs';
export type { ExternalIdSource } from './attribute-mapping';
export type { Directory, DirectoryGroup, DirectoryUser } from './directory';
export type { SimulatorError } from './error-codes';
export type { ProvisioningLogEntry } from './provisioning-log';
export type { Quarantine, QuarantineThresholds } from './quarantine';

/** How to start a simulated Entra provisioning job. */
export interface EntraSimulatorOptions {
  /** Entra's Tenant URL; `?aadOptscim062020` on it selects the flagged PATCH dialect. */
  tenantUrl: string;
  /** Entra's Secret Token, sent as the bearer token; never logged or returned. */
  token: string;
  /** Electron's net.fetch in the app, Node's fetch in tests. */
  fetch: FetchLike;
  /** Overrides the flag read from the Tenant URL. */
  flag?: boolean;
  /** The matching attribute (default `userName`, Entra's default: userPrincipalName → userName). */
  matchOn?: MatchingAttribute;
  /**
   * Where externalId comes from (default objectId). A function is read at each run, so a job
   * whose mapping is edited keeps its engine state, as Entra keeps a job across schema changes.
   */
  externalIdSource?: ExternalIdSource | (() => ExternalIdSource);
  now?: () => Date;
  newGuid?: () => string;
  /** Per-request time limit (default 30 s). */
  timeoutMs?: number;
  /** Escrow thresholds; defaults are the documented ones (quarantine.ts). */
  quarantineThresholds?: Partial<QuarantineThresholds>;
  /**
   * Whether the token is noted for redaction (default true). The sandbox's Graph stand-in says
   * false: the token it is sent is its caller's, who must not be able to fill the app's set.
   */
  noteToken?: boolean;
}

/** The result of Test Connection. */
export type ConnectionResult = { ok: true } | { ok: false; error: SimulatorError };

/** The parts of a restart's reset scope the simulator acts on. */
export type RestartScope = 'QuarantineState' | 'Escrows' | 'Watermark';

/** A simulated Entra provisioning job against one SCIM endpoint. */
export interface EntraSimulator {
  /** Whether requests use the `aadOptscim062020` dialect (on-demand runs never do). */
  readonly flag: boolean;
  testConnection(): Promise<ConnectionResult>;
  /** Runs one cycle: initial until a cycle has completed, incremental after. */
  runCycle(directory: Directory): Promise<CycleReport>;
  provisionOnDemand(directory: Directory, userObjectId: string): Promise<OnDemandReport>;
  /** Every log entry so far, oldest first (copies). */
  log(): ProvisioningLogEntry[];
  state(): 'running' | 'quarantined';
  quarantine(): Quarantine | null;
  /**
   * Graph's restart (`criteria.resetScope`, reference graph-provisioning.md §2 "Restart
   * criteria"): `QuarantineState` lifts the quarantine, `Escrows` drops the failed objects
   * awaiting a retry, `Watermark` makes the next cycle an initial one. Other scopes change
   * nothing the simulator keeps.
   */
  restart(resetScope: readonly RestartScope[]): Promise<void>;
  /** The objectIds of the users the job created or matched and still manages, in no order. */
  provisionedUsers(): string[];
}

// Our choice: Entra's own request time limit is not documented.
const DEFAULT_TIMEOUT_MS = 30_000;

function invalidDirectory(): SimulatorError {
  return {
    code: 'SIMULATOR_INVALID_DIRECTORY',
    message: 'The simulated directory is not well formed.',
    hint: 'Give each user an objectId, userPrincipalName and accountEnabled, and each group an objectId, displayName and members.',
  };
}

/** Starts a simulated job, or answers why the Tenant URL cannot be used. */
export function createEntraSimulator(
  options: EntraSimulatorOptions,
): { ok: true; simulator: EntraSimulator } | { ok: false; error: SimulatorError } {
  const target = tenantTarget(options.tenantUrl);
  if (target === null) {
    return {
      ok: false,
      error: {
        code: 'SIMULATOR_INVALID_TENANT_URL',
        message: 'The Tenant URL is not an http(s) address.',
        hint: 'Paste the SCIM base URL (Stytch calls it base_url).',
      },
    };
  }
  // Whatever main writes out later (log lines, errors over IPC) masks the token too.
  if (options.noteToken !== false) registerSecret(options.token, 'entra-simulator');
  const send = createScimSend({
    target,
    token: options.token,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const flag = options.flag ?? target.flag;
  const matchOn = options.matchOn ?? 'userName';
  const source = options.externalIdSource ?? 'objectId';
  const externalIdSource = typeof source === 'function' ? source : () => source;
  const now = options.now ?? (() => new Date());
  const newGuid = options.newGuid ?? (() => randomUUID());
  const engine = emptyState();
  const job = new Job({ ...DOCUMENTED_THRESHOLDS, ...options.quarantineThresholds }, now);
  const context = (dialect: PatchDialect, trigger: EngineContext['trigger']): EngineContext => ({
    send,
    dialect,
    matchOn,
    externalIdSource: externalIdSource(),
    state: engine,
    now,
    newGuid,
    cycleId: newGuid(),
    trigger,
  });
  // One engine run at a time, as one provisioning job runs.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  const parse = (directory: Directory): Directory | null => {
    const parsed = DirectorySchema.safeParse(directory);
    return parsed.success ? parsed.data : null;
  };

  const simulator: EntraSimulator = {
    flag,
    testConnection: () =>
      serial(async () => {
        const error = await checkConnection(send, connectionRequests(matchOn, newGuid, true));
        return error === null ? { ok: true } : { ok: false, error };
      }),
    runCycle: (directory) =>
      serial(async () => {
        const ctx = context(flag ? 'flagged' : 'legacy', 'cycle');
        const valid = parse(directory);
        if (valid === null) {
          const kind = engine.watermark === null ? 'initial' : 'incremental';
          return {
            cycleId: ctx.cycleId,
            kind,
            completed: false,
            entries: [],
            error: invalidDirectory(),
          };
        }
        const checks = connectionRequests(matchOn, newGuid, RANDOM_GROUP_LOOKUP_AT_CYCLE_START);
        return runCycle(ctx, job, valid, checks);
      }),
    provisionOnDemand: (directory, userObjectId) =>
      serial(async () => {
        const valid = parse(directory);
        if (valid === null) return { entry: null, error: invalidDirectory() };
        const ctx = context('legacy', 'onDemand');
        const checks = connectionRequests(matchOn, newGuid, false);
        return runOnDemand(ctx, job, valid, userObjectId, checks);
      }),
    restart: (resetScope) =>
      serial(() => {
        if (resetScope.includes('QuarantineState')) job.clearQuarantine();
        if (resetScope.includes('Escrows')) engine.escrows.clear();
        if (resetScope.includes('Watermark')) engine.watermark = null;
        return Promise.resolve();
      }),
    log: () => structuredClone(job.entries),
    state: () => (job.quarantine() === null ? 'running' : 'quarantined'),
    quarantine: () => structuredClone(job.quarantine()),
    provisionedUsers: () => [...engine.users.keys()],
  };
  return { ok: true, simulator };
}

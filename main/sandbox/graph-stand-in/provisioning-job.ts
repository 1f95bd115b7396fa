import { randomUUID } from 'node:crypto';

import {
  createEntraSimulator,
  type CycleReport,
  type Directory,
  type EntraSimulator,
  type ExternalIdSource,
  type RestartScope,
  type SimulatorError,
} from '../entra-simulator/entra-simulator';
import type { FetchLike } from '../../http/create-http-client';
import { defaultSchema, externalIdSourceOf, scheduleInterval } from './job-schema';

export { USER_RULE_ID } from './job-schema';

/** "Never" in Graph's timestamps (reference §2, Job status). */
const NEVER = '0001-01-01T00:00:00Z';

const RESTART_SCOPES: readonly RestartScope[] = ['QuarantineState', 'Escrows', 'Watermark'];

/**
 * A state a job was left in before this run (the large sandbox's jobs, set up "earlier"): shown
 * as is until the admin starts or restarts the job. A quarantine carries Graph's documented
 * reason (synchronizationQuarantine) and, where Entra would say more, the error it met.
 */
export type EarlierJobState =
  | { code: 'Active' | 'Paused' }
  | {
      code: 'Quarantine';
      reason: string;
      error: { code: string; message: string } | null;
      since: string;
    };

/** What a job needs from the stand-in around it. */
export interface JobContext {
  fetch: FetchLike;
  now: () => Date;
  /** The app's directory: Contoso's people and who is assigned. */
  directory: () => Directory;
  /** …as provision on demand sees it: assignments only once they have replicated. */
  onDemandDirectory: () => Directory;
  /** Time between cycles once started, shown as `schedule.interval`. */
  cycleIntervalMs: number;
  /** The one origin the job may provision to (the sandbox's SCIM server); null: none. */
  scimOrigin: string | null;
}

/** Why a Tenant URL off the sandbox's SCIM server is refused (nothing is sent to it). */
const NOT_THE_SANDBOX: SimulatorError = {
  code: 'SIMULATOR_INVALID_TENANT_URL',
  message: 'The sandbox provisions only to its own SCIM server.',
  hint: 'Use the Tenant URL of a sandbox SCIM connection.',
};

/** Whether `url` is an http(s) address on `origin` exactly. */
function isOn(url: string, origin: string | null): boolean {
  if (origin === null || !URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.origin === origin && parsed.username === '' && parsed.password === '';
}

/** One Test Connection or cycle's outcome, as synchronizationTaskExecution. */
function execution(report: CycleReport, began: Date, ended: Date) {
  const failed = report.entries.some((entry) => entry.status === 'Failure');
  return {
    activityIdentifier: report.cycleId,
    countExported: report.entries.filter((entry) => entry.action !== 'Other').length,
    state: report.error !== null ? 'Failed' : failed ? 'EntryLevelErrors' : 'Succeeded',
    timeBegan: began.toISOString(),
    timeEnded: ended.toISOString(),
    error:
      report.error === null
        ? null
        : { code: report.error.code, message: report.error.message, tenantActionable: true },
  };
}

/**
 * A provisioning job in the stand-in, played by the Entra simulator: credentials are tested with
 * its Test Connection, cycles run on an interval the stand-in's owner picks, on-demand runs one
 * user, and its log and quarantine are the simulator's.
 */
export class StandInJob {
  readonly id: string;
  schema: unknown;
  private simulator: EntraSimulator | null = null;
  private configuredWith: { tenantUrl: string; token: string } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private cycles = 0;
  private waiters: { count: number; resolve: () => void }[] = [];
  private lastExecution: ReturnType<typeof execution> | null = null;
  private forcedQuarantine = false;
  /** When the timer runs the next cycle: a quarantined job's next attempt. */
  private nextCycleAt: Date | null = null;
  private earlier: EarlierJobState | null = null;

  /**
   * `templateId` is `scim` for the jobs the app creates; a test passes another (a gallery app's,
   * e.g. `salesforce`) to play a job the app must not take over. The id has the documented form
   * `<templateId>.<tenant id without dashes>.<GUID>` (reference §2).
   */
  constructor(
    tenantId: string,
    private readonly context: JobContext,
    readonly templateId = 'scim',
    guid: string = randomUUID(),
  ) {
    this.id = `${templateId}.${tenantId.replace(/-/g, '')}.${guid}`;
    this.schema = defaultSchema(this.id);
  }

  /** Test Connection against the given endpoint, as validateCredentials does (reference §2). */
  async validate(tenantUrl: string, token: string): Promise<SimulatorError | null> {
    const created = this.simulatorFor(tenantUrl, token);
    if (!created.ok) return created.error;
    const result = await created.simulator.testConnection();
    return result.ok ? null : result.error;
  }

  /**
   * Uses the saved secrets from now on: a new Tenant URL or SecretToken makes a new engine; the
   * same ones saved again (another setting changed, e.g. the scope) keep the engine, its links
   * and its log, as Entra keeps its provisioning logs.
   */
  configure(tenantUrl: string, token: string): SimulatorError | null {
    const same = this.configuredWith;
    if (same !== null && same.tenantUrl === tenantUrl && same.token === token) return null;
    // The source is read at each run: a schema PUT applies from the next cycle on.
    const created = this.simulatorFor(tenantUrl, token, () => externalIdSourceOf(this.schema));
    if (!created.ok) return created.error;
    this.simulator = created.simulator;
    this.configuredWith = { tenantUrl, token };
    return null;
  }

  /**
   * A simulator for the endpoint, if it is on the sandbox's SCIM server. The token is the
   * caller's, not the app's, so it is not noted for redaction: whoever calls the stand-in must
   * not be able to fill the app's redaction set.
   */
  private simulatorFor(
    tenantUrl: string,
    token: string,
    externalIdSource?: () => ExternalIdSource,
  ): ReturnType<typeof createEntraSimulator> {
    if (!isOn(tenantUrl, this.context.scimOrigin)) return { ok: false, error: NOT_THE_SANDBOX };
    return createEntraSimulator({
      tenantUrl,
      token,
      fetch: this.context.fetch,
      noteToken: false,
      ...(externalIdSource === undefined ? {} : { externalIdSource }),
    });
  }

  get configured(): boolean {
    return this.simulator !== null;
  }

  /** Shows the job as it was left before this run, until it is started or restarted. */
  showAsEarlier(state: EarlierJobState): void {
    this.earlier = state;
  }

  /** Starts cycles: one at once, then one per cycle interval. */
  start(): void {
    this.earlier = null;
    if (this.started) return;
    this.started = true;
    void this.cycle();
    this.timer = setInterval(() => void this.cycle(), this.context.cycleIntervalMs);
    this.nextCycleAt = new Date(this.context.now().getTime() + this.context.cycleIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Cycles finished so far: a test waits for `cyclesDone(cyclesRun + n)` after a change. */
  get cyclesRun(): number {
    return this.cycles;
  }

  /** Resolves once `count` cycles in all have finished. */
  cyclesDone(count: number): Promise<void> {
    if (this.cycles >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** Puts the job in quarantine regardless of its cycles (a stand-in failure mode). */
  quarantine(): void {
    this.forcedQuarantine = true;
  }

  /**
   * Restart with `resetScope` (reference §2, Restart criteria): an empty scope is the portal's
   * "Restart provisioning", about QuarantineState + Watermark + Escrows.
   */
  async restart(resetScope: readonly string[]): Promise<void> {
    const scope: RestartScope[] =
      resetScope.length === 0
        ? ['QuarantineState', 'Watermark', 'Escrows']
        : RESTART_SCOPES.filter((item) => resetScope.includes(item));
    if (scope.includes('QuarantineState')) this.forcedQuarantine = false;
    if (this.earlier?.code === 'Quarantine' && scope.includes('QuarantineState'))
      this.earlier = null;
    await this.simulator?.restart(scope);
  }

  async onDemand(userObjectId: string) {
    if (this.simulator === null) return null;
    return this.simulator.provisionOnDemand(this.context.onDemandDirectory(), userObjectId);
  }

  log() {
    return this.simulator?.log() ?? [];
  }

  private async cycle(): Promise<void> {
    if (this.timer !== null)
      this.nextCycleAt = new Date(this.context.now().getTime() + this.context.cycleIntervalMs);
    const simulator = this.simulator;
    if (simulator !== null && !this.forcedQuarantine) {
      const began = this.context.now();
      const report = await simulator.runCycle(this.context.directory());
      this.lastExecution = execution(report, began, this.context.now());
    }
    this.cycles += 1;
    const ready = this.waiters.filter((waiter) => waiter.count <= this.cycles);
    this.waiters = this.waiters.filter((waiter) => waiter.count > this.cycles);
    for (const waiter of ready) waiter.resolve();
  }

  /** What the job's status says: its earlier state, else the simulator's and the stand-in's. */
  private state() {
    const earlier = this.earlier;
    if (earlier?.code === 'Quarantine') {
      const { reason, error, since } = earlier;
      return { code: earlier.code, quarantine: { reason, error, began: since } };
    }
    if (earlier !== null) return { code: earlier.code, quarantine: null };
    const simulated = this.simulator?.quarantine() ?? null;
    if (this.forcedQuarantine || simulated !== null)
      return {
        code: 'Quarantine',
        quarantine: {
          reason: simulated?.reason ?? 'QuarantinedOnDemand',
          error: simulated?.error ?? {
            code: 'QuarantinedOnDemand',
            message: 'The job was put in quarantine by the sandbox.',
          },
          began: simulated?.currentBegan ?? this.context.now().toISOString(),
        },
      };
    return { code: this.started ? 'Active' : 'NotConfigured', quarantine: null };
  }

  /** The synchronizationJob resource (reference §2, Job status). */
  view() {
    const { code, quarantine } = this.state();
    const scheduled = this.started || code === 'Active' || code === 'Quarantine';
    return {
      id: this.id,
      templateId: this.templateId,
      schedule: {
        expiration: null,
        // Entra's is PT40M; the sandbox's shorter one shows here, so nobody mistakes it for Entra's.
        interval: scheduleInterval(this.context.cycleIntervalMs),
        state: code === 'Paused' ? 'Paused' : scheduled ? 'Active' : 'Disabled',
      },
      status: {
        code,
        countSuccessiveCompleteFailures: this.lastExecution?.state === 'Failed' ? 1 : 0,
        escrowsPruned: false,
        lastExecution: this.lastExecution,
        lastSuccessfulExecution: null,
        lastSuccessfulExecutionWithExports: null,
        progress: [],
        quarantine:
          quarantine === null
            ? null
            : {
                currentBegan: quarantine.began,
                // The stand-in keeps its cycle interval in quarantine; Entra slows it down, up to
                // once a day (how-provisioning-works.md, "Quarantine").
                nextAttempt: (this.nextCycleAt ?? this.context.now()).toISOString(),
                reason: quarantine.reason,
                seriesBegan: quarantine.began,
                seriesCount: 1,
                error:
                  quarantine.error === null
                    ? null
                    : { ...quarantine.error, tenantActionable: true },
              },
        steadyStateFirstAchievedTime: NEVER,
        steadyStateLastAchievedTime: NEVER,
        synchronizedEntryCountByType: [],
        troubleshootingUrl: null,
      },
      synchronizationJobSettings: [],
    };
  }
}

import { AppFailure, appFailure, type AppError } from '../../shared/errors';
import {
  idleSweep,
  type FleetHealth,
  type FleetOverview,
  type FleetProgress,
  type FleetRow,
  type FleetSweepStatus,
} from '../../shared/fleet/fleet';
import type { SecretHandle } from '../../shared/stytch/views';
import { mapBounded } from '../entra-setup/bounded';
import type { RetryClock } from '../http/retry';
import type { Logger } from '../logging/logger';
import type { ProbeTransport } from '../probe/run-probe';
import { RequestBudget, hostOf } from './fleet-budget';
import { FleetCacheFile, type CachedRow, type FleetCache } from './fleet-cache';
import { refreshEntraJobs, type FleetEntra } from './fleet-entra';
import { checkHealth } from './fleet-health';
import { FLEET_POLICY, type FleetPolicy } from './fleet-policy';
import { refreshCache, type FleetStytch } from './fleet-refresh';
import { progressPump } from './fleet-progress';
import { listedRow, shownRow, withHealth } from './fleet-rows';

/** The connected project as the fleet needs it (`StytchSession` fits). */
export interface FleetProject {
  project(): { projectId: string; baseUrl: string; mode: 'real' | 'sandbox' } | null;
  client(): Promise<FleetStytch>;
}

/** What the fleet service is built from. */
export interface FleetDeps {
  dir: string;
  logger: Logger;
  stytch: FleetProject;
  /** The connections whose token this app keeps (the secrets index in settings). */
  heldConnections(projectId: string): Promise<ReadonlySet<string>>;
  /** A kept token, or throws SECRET_NOT_FOUND (main/secrets fits). */
  readToken(handle: SecretHandle): Promise<string>;
  probe: ProbeTransport;
  /** The Entra jobs' states (fleet-entra.ts); without it the overview shows none. */
  entra?: FleetEntra;
  clock?: Pick<RetryClock, 'now' | 'sleep'>;
  policy?: FleetPolicy;
}

const SYSTEM_CLOCK = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

function errorOf(error: unknown): AppError {
  if (error instanceof AppFailure) return error.appError;
  return {
    code: 'INTERNAL_ERROR',
    message: 'The overview could not be brought up to date.',
    hint: 'Try again; if it keeps failing, restart the app.',
  };
}

const COUNT_KEY = {
  passed: 'passed',
  failed: 'failed',
  warnings: 'warnings',
  'metadata-only': 'metadataOnly',
} as const;

/**
 * The connections overview and the health sweep of the connected project: one cache per project
 * (secret-free, in the app's data folder), one refresh and one sweep at a time, sharing one
 * request budget. Progress goes to the window that last called a fleet:* channel.
 */
export class FleetService {
  private cache: FleetCache | null = null;
  private refreshing: Promise<void> | null = null;
  private refreshError: AppError | null = null;
  /**
   * The running refresh's organizations listed by the search and not in the cache yet, as
   * provisional rows: shown until their connection is read (then the cache has them) or the
   * refresh ends. Kept for the cache they belong to, never written to it.
   */
  private listing: { cache: FleetCache; rows: Map<string, FleetRow> } | null = null;
  private sweeping: Promise<void> | null = null;
  /** Sign-in changes so far, and the one the last reading of the Entra jobs began after. */
  private signInChanges = 0;
  private entraReadFor = 0;
  private entraRereading: Promise<void> | null = null;
  private cancelSweep = false;
  private listener: (progress: FleetProgress) => void = () => undefined;
  private readonly files: FleetCacheFile;
  private readonly budget: RequestBudget;
  private readonly clock: Pick<RetryClock, 'now' | 'sleep'>;
  private readonly policy: FleetPolicy;

  constructor(private readonly deps: FleetDeps) {
    this.files = new FleetCacheFile({ dir: deps.dir, logger: deps.logger });
    this.clock = deps.clock ?? SYSTEM_CLOCK;
    this.policy = deps.policy ?? FLEET_POLICY;
    this.budget = new RequestBudget(
      this.clock,
      this.policy.perHostPerSecond,
      this.policy.searchPerMinute,
    );
  }

  /** Where progress events go from now on. */
  listen(listener: (progress: FleetProgress) => void): void {
    this.listener = listener;
  }

  /** The cached rows now; starts a refresh when none runs and the cache is not fresh. */
  async overview(): Promise<FleetOverview> {
    const cache = await this.loaded();
    const stale =
      cache.refreshedAt === null ||
      this.clock.now() - Date.parse(cache.refreshedAt) > this.policy.staleAfterMs / 24;
    if (stale) this.startRefresh(false);
    if (this.entraReadFor < this.signInChanges) this.startEntraReread();
    return this.describe();
  }

  /** Starts a refresh now (unless one runs); `full` reads every connection again. */
  async refresh(full: boolean): Promise<FleetOverview> {
    await this.loaded();
    this.startRefresh(full);
    return this.describe();
  }

  /** Waits for the refresh running now, if any (tests, the bench). */
  async settled(): Promise<void> {
    await this.refreshing;
    await this.sweeping;
    await this.entraRereading;
  }

  /**
   * Reads the Entra job column again, not Stytch, after the Microsoft sign-in changed: the
   * column then follows the account without the admin pressing anything. Changes during a
   * reading end in one more reading, not one each; a refresh whose Entra jobs are read after
   * the change counts as the reading.
   */
  entraSignInChanged(): void {
    this.signInChanges += 1;
    // Before the overview's first opening this run nothing is on screen to follow: that opening
    // reads them (`overview`), rather than a sign-in in the wizard loading and writing the cache.
    if (this.cache !== null) this.startEntraReread();
  }

  private startEntraReread(): void {
    this.entraRereading ??= this.rereadEntra().finally(() => {
      this.entraRereading = null;
    });
  }

  /** The sweep's state. */
  async sweepStatus(): Promise<FleetSweepStatus> {
    return (await this.loaded()).sweep?.status ?? idleSweep();
  }

  /**
   * Starts a sweep of the named organizations (those with a connection in the overview), or of
   * every connection; with no names and an interrupted or cancelled sweep waiting, resumes it.
   */
  async sweepStart(organizationIds: readonly string[] | undefined): Promise<FleetSweepStatus> {
    const cache = await this.loaded();
    if (this.sweeping)
      throw appFailure(
        'FLEET_SWEEP_RUNNING',
        'A health check of your connections is already running.',
        'Wait for it to finish, or cancel it first.',
      );
    const waiting = cache.sweep;
    const resumable =
      organizationIds === undefined &&
      waiting !== null &&
      waiting.remaining.length > 0 &&
      (waiting.status.state === 'interrupted' || waiting.status.state === 'cancelled');
    if (resumable) {
      waiting.status = { ...waiting.status, state: 'running', etaSeconds: null, finishedAt: null };
    } else {
      const wanted = organizationIds ? new Set(organizationIds) : null;
      const remaining = cache.rows
        .map((cached) => cached.row.organizationId)
        .filter((id) => wanted === null || wanted.has(id));
      cache.sweep = {
        remaining,
        status: {
          ...idleSweep(),
          state: 'running',
          total: remaining.length,
          startedAt: new Date(this.clock.now()).toISOString(),
        },
      };
    }
    this.cancelSweep = false;
    const sweep = cache.sweep;
    if (sweep === null) return idleSweep();
    await this.files.save(cache);
    this.sweeping = this.runSweep(cache).finally(() => {
      this.sweeping = null;
    });
    return { ...sweep.status };
  }

  /** Stops the sweep after the checks in flight; what was checked is kept. */
  async sweepCancel(): Promise<FleetSweepStatus> {
    this.cancelSweep = true;
    await this.sweeping;
    return this.sweepStatus();
  }

  /** Every cached row as shown now (for the report). */
  async rows(): Promise<FleetRow[]> {
    const now = new Date(this.clock.now());
    return (await this.loaded()).rows.map((cached) => shownRow(cached, now));
  }

  private describe(): FleetOverview {
    const cache = this.cache;
    const now = new Date(this.clock.now());
    const rows = cache?.rows.map((cached) => shownRow(cached, now)) ?? [];
    if (this.listing && this.listing.cache === cache) {
      const read = new Set(rows.map((row) => row.organizationId));
      for (const listed of this.listing.rows.values())
        if (!read.has(listed.organizationId)) rows.push(listed);
    }
    return {
      rows,
      refreshedAt: cache?.refreshedAt ?? null,
      refreshing: this.refreshing !== null,
      entraReading: this.entraRereading !== null,
      refreshError: this.refreshError,
      sweep: cache?.sweep?.status ?? idleSweep(),
    };
  }

  /** The project's cache, loaded once per project (a sweep found running was interrupted). */
  private async loaded(): Promise<FleetCache> {
    const project = this.deps.stytch.project();
    if (project === null)
      throw appFailure(
        'STYTCH_NOT_CONNECTED',
        'No Stytch project is connected.',
        'Connect your Stytch project first.',
      );
    if (this.cache?.projectId !== project.projectId) {
      this.cache = await this.files.load(project.projectId);
      const sweep = this.cache.sweep;
      if (sweep?.status.state === 'running')
        sweep.status = { ...sweep.status, state: 'interrupted', etaSeconds: null };
    }
    return this.cache;
  }

  private startRefresh(full: boolean): void {
    if (this.refreshing) return;
    const cache = this.cache;
    const project = this.deps.stytch.project();
    if (cache === null || project === null) return;
    this.refreshError = null;
    this.refreshing = this.runRefresh(cache, project, full).finally(() => {
      this.refreshing = null;
    });
  }

  private async runRefresh(
    cache: FleetCache,
    project: { projectId: string; baseUrl: string; mode: 'real' | 'sandbox' },
    full: boolean,
  ): Promise<void> {
    const progress = this.pump('refresh');
    const checkpoint = this.checkpointer(() => void this.files.save(cache));
    const listing = { cache, rows: new Map<string, FleetRow>() };
    this.listing = listing;
    let position = { done: 0, total: 0 };
    try {
      const stytch = await this.deps.stytch.client();
      const held = await this.deps.heldConnections(project.projectId);
      const cachedIds = new Set(cache.rows.map((cached) => cached.row.organizationId));
      await refreshCache({
        stytch,
        apiHost: hostOf(project.baseUrl),
        budget: this.budget,
        policy: this.policy,
        cache,
        held,
        full,
        now: () => new Date(this.clock.now()),
        cancelled: () => this.cache !== cache,
        // Organizations the cache has are shown as cached meanwhile; the others provisionally.
        onListed: (organizations) => {
          const now = new Date(this.clock.now());
          const fresh = organizations
            .filter((organization) => !cachedIds.has(organization.organization_id))
            .map((organization) =>
              listedRow(
                organization,
                held.has(organization.scim_active_connection?.connection_id ?? ''),
                now,
              ),
            );
          for (const row of fresh) listing.rows.set(row.organizationId, row);
          progress.list(fresh, organizations.length);
        },
        onRow: (done, total, row) => {
          position = { done, total };
          progress.step(done, total, row);
          checkpoint();
        },
      });
      if (this.deps.entra && this.cache === cache) {
        this.entraReadFor = this.signInChanges;
        const changed = await refreshEntraJobs({
          entra: this.deps.entra,
          sandbox: project.mode === 'sandbox',
          rows: cache.rows,
          logger: this.deps.logger,
          cancelled: () => this.cache !== cache,
        });
        for (const row of changed) progress.step(position.done, position.total, row);
      }
      cache.refreshedAt = new Date(this.clock.now()).toISOString();
      await this.files.save(cache);
      progress.end('finished', null);
    } catch (error) {
      this.refreshError = errorOf(error);
      this.deps.logger.warn('fleet.refresh-failed', { code: this.refreshError.code });
      await this.files.save(cache);
      progress.end('failed', this.refreshError);
    } finally {
      if (this.listing === listing) this.listing = null;
    }
  }

  private async rereadEntra(): Promise<void> {
    await this.refreshing;
    while (this.entraReadFor < this.signInChanges) {
      await this.entraPass();
      await this.refreshing;
    }
  }

  /** One reading of the Entra jobs, pushed as a run of kind `entra`; cut short by a newer change. */
  private async entraPass(): Promise<void> {
    const seen = this.signInChanges;
    this.entraReadFor = seen;
    const { entra, logger } = this.deps;
    const project = this.deps.stytch.project();
    if (!entra || project === null) return;
    const progress = this.pump('entra');
    try {
      const cache = await this.loaded();
      progress.begin();
      const changed = await refreshEntraJobs({
        entra,
        sandbox: project.mode === 'sandbox',
        rows: cache.rows,
        logger,
        cancelled: () => this.cache !== cache || this.signInChanges !== seen,
      });
      changed.forEach((row, index) => progress.step(index + 1, changed.length, row));
      await this.files.save(cache);
      progress.end('finished', null);
    } catch (error) {
      const failure = errorOf(error);
      logger.warn('fleet.entra-reread-failed', { code: failure.code });
      progress.end('failed', failure);
    }
  }

  private async runSweep(cache: FleetCache): Promise<void> {
    const sweep = cache.sweep;
    const project = this.deps.stytch.project();
    if (sweep === null || project === null) return;
    const progress = this.pump('sweep');
    const byOrg = new Map(cache.rows.map((cached) => [cached.row.organizationId, cached]));
    const queue = [...sweep.remaining];
    const finished = new Set<string>();
    const checkpoint = () => {
      sweep.remaining = queue.filter((id) => !finished.has(id));
      return this.files.save(cache);
    };
    const maybeCheckpoint = this.checkpointer(() => void checkpoint());
    try {
      const stytch = await this.deps.stytch.client();
      const input = {
        getConnection: (organizationId: string) => stytch.getConnection(organizationId),
        apiHost: hostOf(project.baseUrl),
        budget: this.budget,
        readToken: (connectionId: string) => this.tokenOrNull(connectionId),
        probe: this.deps.probe,
        localSandbox: project.mode === 'sandbox',
        now: () => new Date(this.clock.now()),
      };
      await mapBounded(queue, this.policy.concurrency, async (organizationId) => {
        if (this.cancelSweep) return;
        const cached = byOrg.get(organizationId);
        const health = cached ? await this.checkOne(input, cached) : null;
        if (cached && health) Object.assign(cached, withHealth(cached, health));
        finished.add(organizationId);
        const status = sweep.status;
        status.done += 1;
        if (health) status.counts[COUNT_KEY[health.verdict]] += 1;
        status.etaSeconds = progress.step(status.done, status.total, cached ?? null);
        maybeCheckpoint();
      });
      const state = this.cancelSweep ? 'cancelled' : 'finished';
      sweep.status = {
        ...sweep.status,
        state,
        etaSeconds: null,
        finishedAt: new Date(this.clock.now()).toISOString(),
      };
      await checkpoint();
      progress.end(state, null);
    } catch (error) {
      const failure = errorOf(error);
      sweep.status = { ...sweep.status, state: 'interrupted', etaSeconds: null };
      this.deps.logger.warn('fleet.sweep-failed', { code: failure.code });
      await checkpoint();
      progress.end('failed', failure);
    }
  }

  /**
   * Calls `save` at most once per `saveEveryMs`: each save serializes all 5,000 rows (about
   * 3 MB), so saving by rows made a fast sweep write, and allocate, many copies a second.
   */
  private checkpointer(save: () => void): () => void {
    let last = this.clock.now();
    return () => {
      if (this.clock.now() - last < this.policy.saveEveryMs) return;
      last = this.clock.now();
      save();
    };
  }

  /** One connection's check; a failure of that one connection is its result, not the sweep's end. */
  private async checkOne(
    input: Parameters<typeof checkHealth>[0],
    cached: CachedRow,
  ): Promise<FleetHealth> {
    try {
      return await checkHealth(input, cached);
    } catch (error) {
      const failure = errorOf(error);
      return {
        verdict: 'failed',
        failingCheck: failure.message,
        nextAction: failure.hint,
        at: new Date(this.clock.now()).toISOString(),
      };
    }
  }

  private pump(kind: FleetProgress['kind']) {
    return progressPump(kind, this.clock, this.policy, () => this.listener);
  }

  private async tokenOrNull(connectionId: string): Promise<string | null> {
    try {
      return await this.deps.readToken({ kind: 'scim-token', connectionId });
    } catch (error) {
      if (error instanceof AppFailure && error.appError.code === 'SECRET_NOT_FOUND') return null;
      throw error;
    }
  }
}

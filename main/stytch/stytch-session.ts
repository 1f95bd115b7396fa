import { AppFailure, appFailure } from '../../shared/errors';
import type { AppMode, StytchStatus } from '../../shared/ipc';
import type { StytchEnvironment } from '../../shared/stytch/views';
import type { FetchLike } from '../http/create-http-client';
import type { Logger } from '../logging/logger';
import { assertSecretMatches, baseUrlFor, environmentOf } from './environment';
import { RETRY_POLICIES, SYSTEM_CLOCK, type RetryClock, type RetryPolicy } from '../http/retry';
import type { Secrets } from '../secrets/secrets';
import { DEFAULT_TIMEOUTS, StytchClient, type StytchTimeouts } from './stytch-client';
import { StytchTransport } from './stytch-transport';

/**
 * Which (real) project the app was last connected to, so a restart reconnects without asking.
 * An interface for the test seam: settings-project-memory.ts in the app, MemoryProjectMemory in
 * test/main/stytch/support.ts.
 */
export interface ProjectMemory {
  remember(projectId: string, environment: StytchEnvironment): Promise<void>;
  recall(): Promise<{ projectId: string; environment: StytchEnvironment } | null>;
  forget(projectId: string): Promise<void>;
}

/** Timeouts, retries and time: the app's defaults, shortened by tests. */
export interface StytchTuning {
  timeouts: StytchTimeouts;
  retry: RetryPolicy;
  clock: RetryClock;
}

/** What a session is built from (by the composition root). */
export interface StytchSessionOptions {
  /** Electron's net.fetch in the app; Node's fetch in tests and the bridge. */
  fetch: FetchLike;
  /** Where the project secret is kept (a Pick, so the Stytch tests' in-memory double fits). */
  secrets: Pick<Secrets, 'saveProjectSecret' | 'readProjectSecret' | 'forgetProject'>;
  /** Where the connected (real) project's ID is remembered; none in tests that do not need it. */
  memory?: ProjectMemory;
  logger: Logger;
  tuning?: Partial<StytchTuning>;
  /**
   * Replaces Stytch's host for an environment (tests point `test` at the loopback stand-in).
   * The app passes none: the project ID's prefix picks Stytch's test or live host.
   */
  hosts?: Partial<Record<StytchEnvironment, string>>;
}

/** What `connect` needs. `baseUrl` and `mode` are for sandbox mode; the IPC channel sends neither. */
export interface ConnectInput {
  projectId: string;
  secret: string;
  baseUrl?: string;
  mode?: AppMode;
}

/** The project this run talks to. */
export interface CurrentProject {
  projectId: string;
  environment: StytchEnvironment;
  baseUrl: string;
  mode: AppMode;
}

/**
 * The current Stytch connection of this run: which project, which environment, which base URL,
 * and a client holding its credentials. The secret is verified once, kept in the keychain,
 * and never leaves main.
 */
export class StytchSession {
  private current: (CurrentProject & { client: StytchClient }) | null = null;
  private readonly tuning: StytchTuning;

  constructor(private readonly options: StytchSessionOptions) {
    this.tuning = {
      timeouts: options.tuning?.timeouts ?? DEFAULT_TIMEOUTS,
      retry: options.tuning?.retry ?? RETRY_POLICIES.stytch,
      clock: options.tuning?.clock ?? SYSTEM_CLOCK,
    };
  }

  /** What `stytch:status` answers; reconnects a remembered project first when it can. */
  async status(): Promise<StytchStatus> {
    await this.restore().catch((error: unknown) => {
      if (!(error instanceof AppFailure)) throw error;
      this.options.logger.warn('stytch.restore-failed', { code: error.appError.code });
    });
    return this.describe();
  }

  /**
   * Checks the project ID and secret with one cheap call (search, limit 1), then keeps the secret
   * and makes this project current. Nothing is kept when the check fails.
   */
  async connect(
    input: ConnectInput,
  ): Promise<{ status: StytchStatus; keychainWarning: string | null }> {
    const projectId = input.projectId.trim();
    const secret = input.secret.trim();
    const environment = environmentOf(projectId);
    assertSecretMatches(environment, secret);
    const mode = input.mode ?? 'real';
    const baseUrl = baseUrlFor(environment, input.baseUrl ?? this.options.hosts?.[environment]);
    const client = this.buildClient(projectId, secret, baseUrl, mode);
    await client.searchOrganizations({ limit: 1 });
    const kept = await this.options.secrets.saveProjectSecret(projectId, secret);
    if (mode === 'real') await this.remember(projectId, environment);
    this.current = { projectId, environment, baseUrl, mode, client };
    this.options.logger.info('stytch.connected', {
      projectId,
      environment,
      mode,
      storage: kept.storage,
    });
    return { status: this.describe(), keychainWarning: kept.keychainWarning };
  }

  /** The client of the current project; STYTCH_NOT_CONNECTED when there is none. */
  async client(): Promise<StytchClient> {
    await this.restore();
    if (this.current) return this.current.client;
    throw appFailure(
      'STYTCH_NOT_CONNECTED',
      'The app is not connected to a Stytch project.',
      'Go back to "Connect to Stytch" and enter the project ID and secret (or start the sandbox).',
    );
  }

  /** The current project (no secret), or null. */
  project(): CurrentProject | null {
    if (!this.current) return null;
    const { client: _client, ...project } = this.current;
    return project;
  }

  /** Removes the project's secret and tokens, and disconnects if it is the current one. */
  async forget(
    projectId: string,
  ): Promise<{ removedSecrets: number; keychainWarning: string | null }> {
    const outcome = await this.options.secrets.forgetProject(projectId);
    if (this.current?.projectId === projectId) this.current = null;
    await this.options.memory?.forget(projectId).catch((error: unknown) => {
      if (!(error instanceof AppFailure)) throw error;
      this.options.logger.warn('stytch.forget-memory-failed', { code: error.appError.code });
    });
    return outcome;
  }

  private describe(): StytchStatus {
    const current = this.current;
    return {
      connected: current !== null,
      projectId: current?.projectId ?? null,
      environment: current?.environment ?? null,
      mode: current?.mode ?? 'real',
    };
  }

  /** Reconnects to the remembered project, without a network call, when its secret is stored. */
  private async restore(): Promise<void> {
    if (this.current || !this.options.memory) return;
    const remembered = await this.options.memory.recall();
    if (!remembered) return;
    const secret = await this.options.secrets.readProjectSecret(remembered.projectId);
    if (secret === null) return;
    const environment = environmentOf(remembered.projectId);
    const baseUrl = baseUrlFor(environment, this.options.hosts?.[environment]);
    const client = this.buildClient(remembered.projectId, secret, baseUrl, 'real');
    this.current = { projectId: remembered.projectId, environment, baseUrl, mode: 'real', client };
  }

  private async remember(projectId: string, environment: StytchEnvironment): Promise<void> {
    try {
      await this.options.memory?.remember(projectId, environment);
    } catch (error) {
      // Connecting worked; only the automatic reconnect after a restart is lost.
      if (!(error instanceof AppFailure)) throw error;
      this.options.logger.warn('stytch.remember-failed', { code: error.appError.code });
    }
  }

  private buildClient(
    projectId: string,
    secret: string,
    baseUrl: string,
    mode: AppMode,
  ): StytchClient {
    const transport = new StytchTransport({
      fetch: this.options.fetch,
      baseUrl,
      credentials: { projectId, secret },
      peerName: mode === 'sandbox' ? 'the Stytch sandbox' : 'Stytch',
      defaultTimeoutMs: this.tuning.timeouts.readMs,
      retry: this.tuning.retry,
      clock: this.tuning.clock,
      logger: this.options.logger,
    });
    return new StytchClient(transport, this.tuning.timeouts);
  }
}

import { randomBytes } from 'node:crypto';

import { appFailure, AppFailure } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import { startSandboxMicrosoft, type SandboxMicrosoft } from './sandbox-microsoft';
import { SandboxScimServer } from './scim-server/scim-server';
import type { EntraAppLink } from '../../shared/settings/settings';
import { largeEntraLinks, largeSeed } from './large-seed';
import { DEFAULT_SEED } from './seed';
import { StandInHttp } from './stytch-stand-in/server';
import { StandInState, type OrganizationSeed } from './stytch-stand-in/state';

/**
 * The sandbox's project ID. Fixed, so each start replaces the previous run's keychain entry
 * instead of adding one; `project-test-` because the stand-in plays Stytch's test environment.
 */
export const SANDBOX_PROJECT_ID = 'project-test-sandbox-00000000-0000-4000-8000-000000000000';

/** How to start a sandbox. */
export interface StartSandboxOptions {
  /** Organizations to create (default {@link DEFAULT_SEED}). */
  seed?: readonly OrganizationSeed[];
  projectId?: string;
  /** Default: a fresh random secret, in Stytch's `secret-test-…` format. */
  secret?: string;
  /** The stand-in's clock (timestamps, token expiry, rate-limit windows); default: real time. */
  now?: () => Date;
  /** Time between the Microsoft side's provisioning cycles (default SANDBOX_CYCLE_INTERVAL_MS). */
  cycleIntervalMs?: number;
  /** Adds the large project's earlier Entra apps and jobs (large-seed.ts, largeEntraLinks). */
  largeEntra?: boolean;
}

/**
 * A running sandbox: the Stytch stand-in, its SCIM server, the project to connect with, and
 * Microsoft's side (identity platform and Graph for "Contoso (sandbox)").
 */
export interface RunningSandbox {
  /** The stand-in's API base URL (ends with `/`), used in place of Stytch's host. */
  apiBaseUrl: string;
  projectId: string;
  secret: string;
  /** The stand-in's state: organizations, connections, `setScimFault`, `history`. */
  state: StandInState;
  /** The stand-in's HTTP layer: `faults.inject(...)`, `requestCount(route)`. */
  http: StandInHttp;
  scim: SandboxScimServer;
  /** Sign-in and Graph stand-ins, whose provisioning job calls the SCIM server above. */
  microsoft: SandboxMicrosoft;
  /**
   * The links to the earlier Entra apps (the large project's), once: the app keeps them in its
   * settings as if it had linked them itself.
   */
  takeEarlierLinks(): EntraAppLink[];
  stop(): Promise<void>;
}

/**
 * Starts the local Stytch stand-in and its SCIM server on 127.0.0.1 (free ports), seeded with
 * example organizations. This is sandbox mode's back end and the tests' Stytch.
 *
 * Seeding a faulty org for an end-to-end test: the default seed already has "Initech"
 * (`SEEDED_ORGANIZATIONS.initech`), whose connections answer Entra's Test Connection with 404.
 * Or pass `seed: [{ organization_name, organization_slug, scimFault: 'filter-404' | 'server-error' }]`,
 * or call `sandbox.state.setScimFault(orgId, fault)` on a running sandbox.
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const scim = await SandboxScimServer.start();
  const now = options.now ?? (() => new Date());
  const state = new StandInState(scim, now);
  for (const organization of options.seed ?? DEFAULT_SEED) state.addOrganization(organization);
  const projectId = options.projectId ?? SANDBOX_PROJECT_ID;
  const secret = options.secret ?? `secret-test-${randomBytes(24).toString('base64url')}`;
  const http = new StandInHttp(state, { projectId, secret }, () => now().getTime());
  let apiBaseUrl: string;
  try {
    apiBaseUrl = await http.listen();
  } catch (error) {
    await scim.stop();
    throw error;
  }
  let microsoft: SandboxMicrosoft;
  try {
    microsoft = await startSandboxMicrosoft({
      now,
      scimOrigin: scim.origin,
      ...(options.cycleIntervalMs === undefined
        ? {}
        : { cycleIntervalMs: options.cycleIntervalMs }),
    });
  } catch (error) {
    await http.close();
    await scim.stop();
    throw error;
  }
  let earlierLinks = options.largeEntra === true ? largeEntraLinks(microsoft.graph.state) : [];
  return {
    apiBaseUrl,
    projectId,
    secret,
    state,
    http,
    scim,
    microsoft,
    takeEarlierLinks: () => {
      const taken = earlierLinks;
      earlierLinks = [];
      return taken;
    },
    stop: async () => {
      await microsoft.stop();
      await http.close();
      await scim.stop();
    },
  };
}

/**
 * Starts the sandbox once per app run, on first use (`sandbox:start`); later calls get the same
 * one. A failed start is reported as SANDBOX_START_FAILED and may be tried again.
 */
export class SandboxLauncher {
  private running: Promise<RunningSandbox> | null = null;

  constructor(
    private readonly deps: {
      logger: Logger;
      /** How the sandbox starts; tests shorten the provisioning cycles (`cycleIntervalMs`). */
      start?: StartSandboxOptions;
    },
  ) {}

  /**
   * The running sandbox, started if needed; `large` seeds the large project (large-seed.ts) on
   * top of the usual organizations. Only the first start of a run decides.
   */
  async ensureStarted(options: { large?: boolean } = {}): Promise<RunningSandbox> {
    const start =
      options.large === true
        ? {
            ...this.deps.start,
            seed: [...(this.deps.start?.seed ?? DEFAULT_SEED), ...largeSeed()],
            largeEntra: true,
          }
        : this.deps.start;
    this.running ??= startSandbox(start).catch((error: unknown) => {
      this.running = null;
      this.deps.logger.error('sandbox.start-failed', { error });
      if (error instanceof AppFailure) throw error;
      throw appFailure(
        'SANDBOX_START_FAILED',
        'The sandbox could not start on this computer.',
        'Try again. If it keeps failing, restart the app; security software may be blocking local connections (127.0.0.1).',
      );
    });
    return this.running;
  }

  /** Stops the sandbox if it was started (app quit, test teardown). */
  async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    const sandbox = await running?.catch(() => null);
    await sandbox?.stop();
  }
}

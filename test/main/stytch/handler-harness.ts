import { afterAll, beforeAll, beforeEach } from 'vitest';

import type { Result } from '../../../shared/errors';
import type { EventPayload, Res, StytchStatus } from '../../../shared/ipc';
import type { InvokeChannel } from '../../../shared/ipc-channels';
import type { ScimConnectionView } from '../../../shared/stytch/views';
import {
  createDispatcher,
  type Dispatch,
  type EmitEvent,
  type FeatureHandlers,
} from '../../../main/ipc/dispatch';
import { createLogger, type LogRecord } from '../../../main/logging/logger';
import { SandboxLauncher, type RunningSandbox } from '../../../main/sandbox/sandbox';
import { sandboxHandlers, type SandboxServices } from '../../../main/sandbox/sandbox-handlers';
import { scimHandlers } from '../../../main/stytch/scim-handlers';
import { stytchHandlers, type StytchServices } from '../../../main/stytch/stytch-handlers';
import { MemoryKeeper, MemoryProjectMemory, testSession } from '../../support/stytch-doubles';
import { captureLogger } from '../../support/capture-logger';

type TestServices = StytchServices & SandboxServices;

/** The Stytch, SCIM and sandbox handlers, as the app's table has them; other channels refuse. */
export const TABLE: FeatureHandlers<TestServices> = {
  ...sandboxHandlers,
  ...stytchHandlers,
  ...scimHandlers,
};

/**
 * The handlers end to end: a sandbox (as the Stytch test host), a session, an in-memory keeper
 * and project memory, and the real dispatcher. Fresh keeper, memory and session per test.
 */
export class HandlerHarness {
  launcher!: SandboxLauncher;
  sandbox!: RunningSandbox;
  keeper!: MemoryKeeper;
  memory!: MemoryProjectMemory;
  notices: EventPayload<'app:notice'>[] = [];
  /** The organizations the watch was told to expect a member change for, in order. */
  watchedChanges: string[] = [];
  logs: LogRecord[] = [];
  private dispatch!: Dispatch;
  private readonly emit: EmitEvent = (event, payload) => {
    if (event === 'app:notice') this.notices.push(payload as EventPayload<'app:notice'>);
  };

  /** Registers the vitest hooks that start, reset and stop everything. */
  static install(): HandlerHarness {
    const harness = new HandlerHarness();
    beforeAll(async () => {
      harness.launcher = new SandboxLauncher({ logger: captureLogger().logger });
      harness.sandbox = await harness.launcher.ensureStarted();
    });
    afterAll(async () => {
      await harness.launcher.stop();
    });
    beforeEach(() => {
      harness.keeper = new MemoryKeeper();
      harness.memory = new MemoryProjectMemory();
      harness.notices = [];
      harness.restart();
    });
    return harness;
  }

  /** A new session and dispatcher over the same keeper and memory, as after an app restart. */
  restart(): void {
    const made = testSession(this.keeper, {
      memory: this.memory,
      hosts: { test: this.sandbox.apiBaseUrl },
      tuning: { timeouts: { readMs: 2_000, writeMs: 400, searchMs: 2_000 } },
    });
    this.logs = made.records;
    const logger = createLogger((record) => this.logs.push(record));
    const services = {
      logger,
      stytch: made.session,
      secrets: this.keeper,
      sandbox: this.launcher,
      // The provisioning watch, as far as the handlers tell it anything.
      watch: {
        around: <T>(organizationId: string, action: () => Promise<T>) => {
          this.watchedChanges.push(organizationId);
          return action();
        },
      },
      // The large project's Entra links: these tests start only the usual sandbox.
      entra: { contexts: { links: { saveAll: () => Promise.resolve() } } },
    };
    this.dispatch = createDispatcher(TABLE, services, logger);
  }

  /** Invokes a channel as the renderer would. */
  async call<C extends InvokeChannel>(channel: C, request: unknown): Promise<Result<Res<C>>> {
    return (await this.dispatch(channel, request, this.emit)) as Result<Res<C>>;
  }

  /** Invokes a channel that must succeed. */
  async ok<C extends InvokeChannel>(channel: C, request: unknown): Promise<Res<C>> {
    const result = await this.call(channel, request);
    if (!result.ok)
      throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.data;
  }

  /** Connects to the sandbox's project as a real (test-environment) project. */
  connect(): Promise<StytchStatus> {
    return this.ok('stytch:connect', {
      projectId: this.sandbox.projectId,
      secret: this.sandbox.secret,
    });
  }

  /** Adds an organization without a connection. */
  newOrg(name: string): string {
    return this.sandbox.state.addOrganization({
      organization_name: name,
      organization_slug: name.toLowerCase().replace(/\W+/g, '-'),
    });
  }
}

/** The HTTP status the connection's SCIM endpoint answers a token with. */
export async function scimStatus(view: ScimConnectionView, token: string): Promise<number> {
  const url = new URL(view.baseUrl);
  const response = await fetch(`${url.origin}${url.pathname}/Users`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  return response.status;
}

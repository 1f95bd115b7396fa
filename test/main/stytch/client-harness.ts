import { beforeAll, beforeEach } from 'vitest';

import type { RunningSandbox } from '../../../main/sandbox/sandbox';
import type { StytchClient } from '../../../main/stytch/stytch-client';
import type { StytchTuning } from '../../../main/stytch/stytch-session';
import { installStandIn, type StandInHarness } from '../../support/stand-in-harness';
import { MemoryKeeper, testSession, type TestSessionOptions } from '../../support/stytch-doubles';
import type { FakeRetryClock } from '../../support/fake-retry-clock';

/** A client of the sandbox's project and the virtual clock of its session. */
export interface ConnectedClient {
  client: StytchClient;
  /** Starts with no sleeps recorded: the connect's own call is not counted. */
  clock: FakeRetryClock;
}

/**
 * The stand-in for one test file, and a client connected to it through a session wired like the
 * app's (an in-memory keeper, test tuning).
 */
export class ClientHarness implements ConnectedClient {
  client!: StytchClient;
  clock!: FakeRetryClock;

  constructor(
    private readonly standIn: StandInHarness,
    private readonly tuning: Partial<StytchTuning>,
  ) {}

  get sandbox(): RunningSandbox {
    return this.standIn.sandbox;
  }

  /** Adds an organization without a connection; answers its id. */
  newOrg(name: string): string {
    return this.standIn.newOrg(name);
  }

  /** Another client of the sandbox's project, from a session set up as `options` says. */
  async connect(options: TestSessionOptions = {}): Promise<ConnectedClient> {
    const { session, clock } = testSession(new MemoryKeeper(), {
      ...options,
      tuning: { ...this.tuning, ...options.tuning },
    });
    await session.connect({
      projectId: this.sandbox.projectId,
      secret: this.sandbox.secret,
      baseUrl: this.sandbox.apiBaseUrl,
    });
    clock.sleeps.length = 0;
    return { client: await session.client(), clock };
  }
}

/**
 * Registers the hooks: the stand-in starts and `client` connects once per file, with `tuning` over
 * the test defaults; faults are cleared after each test and `clock.sleeps` before each.
 */
export function installClient(tuning: Partial<StytchTuning> = {}): ClientHarness {
  const harness = new ClientHarness(installStandIn(), tuning);
  beforeAll(async () => {
    ({ client: harness.client, clock: harness.clock } = await harness.connect());
  });
  beforeEach(() => {
    harness.clock.sleeps.length = 0;
  });
  return harness;
}

import { afterAll, afterEach, beforeAll } from 'vitest';

import { scopesFor } from '../../shared/entra/graph-permissions';
import type { LogRecord } from '../../main/logging/logger';
import { GraphClient } from '../../main/graph/graph-client';
import { GraphTransport, type AccessTokenFn } from '../../main/graph/graph-transport';
import type { RetryPolicy } from '../../main/http/retry';
import {
  startGraphStandIn,
  type GraphStandInOptions,
  type RunningGraphStandIn,
} from '../../main/sandbox/graph-stand-in/graph-stand-in';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/sandbox';
import { captureLogger } from './capture-logger';
import { FakeRetryClock } from './fake-retry-clock';

/** Retries with test bounds; virtual time makes their waits free. */
export const TEST_GRAPH_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxTotalMs: 120_000,
};

export const TEST_REPLICATION_RETRY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 2_000,
  maxDelayMs: 10_000,
  maxTotalMs: 120_000,
};

/** A stand-in, a client of it, the client's virtual clock and its log. */
export interface GraphHarness {
  standIn: RunningGraphStandIn;
  client: GraphClient;
  clock: FakeRetryClock;
  records: LogRecord[];
  /** Every scope list the client asked the sign-in for. */
  scopeRequests: string[][];
  /** The token the stand-in accepts, for checking it never leaks. */
  token: string;
}

/** Starts a stand-in sharing the client's virtual clock, and a client wired like the app's. */
export async function graphHarness(
  options: GraphStandInOptions & { accessToken?: AccessTokenFn } = {},
): Promise<GraphHarness> {
  const clock = new FakeRetryClock();
  const standIn = await startGraphStandIn({ now: () => new Date(clock.now()), ...options });
  const token = await standIn.accessToken([]);
  const scopeRequests: string[][] = [];
  const { logger, records } = captureLogger();
  const transport = new GraphTransport({
    fetch,
    baseUrl: standIn.baseUrl,
    accessToken: (action) => {
      // The scopes the action costs: what MSAL is asked for in the app.
      scopeRequests.push(scopesFor(action));
      return options.accessToken ? options.accessToken(action) : standIn.accessToken([]);
    },
    clock,
    logger,
    retry: TEST_GRAPH_RETRY,
    replication: TEST_REPLICATION_RETRY,
    timeoutMs: 5_000,
  });
  return {
    standIn,
    client: new GraphClient(transport, clock),
    clock,
    records,
    scopeRequests,
    token,
  };
}

/**
 * For a test file whose tests provision into the sandbox's SCIM endpoint: one sandbox for the
 * file and a Graph harness per test, each stopped after its test (registers vitest hooks).
 */
export function sandboxWithGraphHarness(): {
  sandbox: () => RunningSandbox;
  harness: (options?: Parameters<typeof graphHarness>[0]) => Promise<GraphHarness>;
} {
  let sandbox: RunningSandbox | null = null;
  let current: GraphHarness | null = null;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: [] });
  });
  afterAll(async () => {
    await sandbox?.stop();
  });
  afterEach(async () => {
    await current?.standIn.stop();
    current = null;
  });
  return {
    sandbox: () => {
      if (sandbox === null) throw new Error('The sandbox starts in beforeAll.');
      return sandbox;
    },
    harness: async (options) => {
      if (sandbox === null) throw new Error('The sandbox starts in beforeAll.');
      // The stand-in provisions only to the sandbox's own SCIM server.
      current = await graphHarness({ scimOrigin: sandbox.scim.origin, ...options });
      return current;
    },
  };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach } from 'vitest';

import { GraphClient } from '../../../main/graph/graph-client';
import { GraphTransport } from '../../../main/graph/graph-transport';
import type { LogRecord } from '../../../main/logging/logger';
import { captureLogger } from '../../support/capture-logger';
import { TEST_GRAPH_RETRY, TEST_REPLICATION_RETRY } from '../../support/graph-harness';
import { FakeRetryClock } from '../../support/fake-retry-clock';

/** One scripted answer of the loopback server. */
export type Answer = { status: number; headers?: Record<string, string>; body?: string | Buffer };

/** A scripted server's client, its virtual clock, its log and how many requests arrived. */
export interface ScriptedGraph {
  client: GraphClient;
  clock: FakeRetryClock;
  records: LogRecord[];
  hits: () => number;
}

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** A 200 with a JSON body, as Graph answers a read. */
export const jsonAnswer = (body: string, status = 200): Answer => ({
  status,
  headers: JSON_HEADERS,
  body,
});

/**
 * For a test file that plays Graph answers by hand: `scripted(answers)` starts a loopback server
 * that plays them in order (the last one repeats) and a client wired like the app's, on virtual
 * time; the server stops after each test (registers a vitest hook).
 */
export function scriptedGraph(): (answers: Answer[]) => Promise<ScriptedGraph> {
  let server: http.Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });
  return async (answers) => {
    let hits = 0;
    const started = http.createServer((_request, response) => {
      const answer = answers[Math.min(hits, answers.length - 1)] ?? { status: 500 };
      hits += 1;
      response.writeHead(answer.status, answer.headers ?? {});
      response.end(answer.body);
    });
    server = started;
    await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
    const { port } = started.address() as AddressInfo;
    const clock = new FakeRetryClock();
    const { logger, records } = captureLogger();
    const transport = new GraphTransport({
      fetch,
      baseUrl: `http://127.0.0.1:${port}/v1.0`,
      accessToken: () => Promise.resolve('token'),
      clock,
      logger,
      retry: TEST_GRAPH_RETRY,
      replication: TEST_REPLICATION_RETRY,
      timeoutMs: 5_000,
    });
    return { client: new GraphClient(transport, clock), clock, records, hits: () => hits };
  };
}

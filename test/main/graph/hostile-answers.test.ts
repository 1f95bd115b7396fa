import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { GraphClient } from '../../../main/graph/graph-client';
import { GraphTransport } from '../../../main/graph/graph-transport';
import { failure, memoryLogger } from '../stytch/support';
import { TEST_GRAPH_RETRY, TEST_REPLICATION_RETRY, VirtualClock } from './graph-harness';

type Answer = { status: number; headers?: Record<string, string>; body?: string | Buffer };

let server: http.Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A loopback server that plays the given answers in order (the last one repeats). */
async function scripted(
  answers: Answer[],
): Promise<{ client: GraphClient; clock: VirtualClock; hits: () => number }> {
  let hits = 0;
  server = http.createServer((_request, response) => {
    const answer = answers[Math.min(hits, answers.length - 1)] ?? { status: 500 };
    hits += 1;
    response.writeHead(answer.status, answer.headers ?? {});
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const clock = new VirtualClock();
  const transport = new GraphTransport({
    fetch,
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    accessToken: () => Promise.resolve('token'),
    clock,
    logger: memoryLogger().logger,
    retry: TEST_GRAPH_RETRY,
    replication: TEST_REPLICATION_RETRY,
    timeoutMs: 5_000,
  });
  return { client: new GraphClient(transport, clock), clock, hits: () => hits };
}

const json = { 'content-type': 'application/json' };
const EMPTY_PAGE: Answer = { status: 200, headers: json, body: '{"value":[]}' };

describe('answers that are not what Graph sends', () => {
  it('calls a 200 that is not JSON (a proxy page) an unexpected answer with the client request id', async () => {
    const { client } = await scripted([
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Sign in</html>' },
    ]);
    const error = await failure(() => client.directory.searchUsers('a'));
    expect(error.code).toBe('GRAPH_UNEXPECTED_RESPONSE');
    expect(error.message).toMatch(/client request ID [0-9a-f-]{36}/);
  });

  it('stops reading an answer larger than the limit', async () => {
    const { client } = await scripted([
      { status: 200, headers: json, body: Buffer.alloc(9 * 1024 * 1024, 32) },
    ]);
    const error = await failure(() => client.directory.searchUsers('a'));
    expect(error.code).toBe('NET_RESPONSE_TOO_LARGE');
  });

  it('retries a 503 on a read after its Retry-After', async () => {
    const busy: Answer = {
      status: 503,
      headers: { ...json, 'retry-after': '3' },
      body: '{"error":{"code":"serviceNotAvailable"}}',
    };
    const { client, clock, hits } = await scripted([busy, EMPTY_PAGE]);
    expect(await client.directory.searchGroups('a')).toEqual([]);
    expect(clock.sleeps).toEqual([3_000]);
    expect(hits()).toBe(2);
  });

  it('does not repeat the app creation after a 503, which may have taken effect', async () => {
    const busy: Answer = {
      status: 503,
      headers: { ...json, 'retry-after': '3' },
      body: '{"error":{"code":"serviceNotAvailable"}}',
    };
    const { client, hits } = await scripted([busy]);
    const error = await failure(() => client.instantiateNonGalleryApp('Stytch SCIM'));
    expect(error.code).toBe('GRAPH_SERVER_ERROR');
    expect(hits()).toBe(1);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { createHttpClient } from '../../../main/http/create-http-client';
import { classifyTransportError, transportAppError } from '../../../main/http/transport-error';
import { startBigAnswerServer, type BigAnswerServer } from './big-answer-server';

const LIMIT = 4 * 1024 * 1024;
const JSON_BODY = { prefix: '{"padding":"', suffix: '"}' };

let server: BigAnswerServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function fetchBig(declareLength: boolean): Promise<unknown> {
  server = await startBigAnswerServer(JSON_BODY, declareLength);
  const client = createHttpClient({ fetch, timeoutMs: 20_000, maxResponseBytes: LIMIT });
  try {
    const response = await client.get(server.url, { responseType: 'text' });
    return { acceptedBytes: String(response.data).length };
  } catch (error) {
    return error;
  }
}

describe('createHttpClient() response size limit', () => {
  it('refuses a 50 MB answer that declares its length, and closes the connection unread', async () => {
    const outcome = await fetchBig(true);
    expect(classifyTransportError(outcome).kind).toBe('too-large');
    await expect(server?.lastAnswerFinished()).resolves.toBe(false);
  });

  it('stops reading a 50 MB chunked answer past the limit, and closes the connection', async () => {
    const outcome = await fetchBig(false);
    expect(classifyTransportError(outcome).kind).toBe('too-large');
    await expect(server?.lastAnswerFinished()).resolves.toBe(false);
  });

  it('words a too-large answer for a person, with a hint', async () => {
    const error = transportAppError(await fetchBig(false), 'Stytch');
    expect(error.code).toBe('NET_RESPONSE_TOO_LARGE');
    expect(error.message).toMatch(/answer from Stytch was larger/);
    expect(error.hint.length).toBeGreaterThan(20);
    expect(error.retryable).toBe(false);
  });

  it('ends an answer whose body stops arriving at the time limit, and closes the connection', async () => {
    let closed!: Promise<void>;
    const stalled = http.createServer((_request, response) => {
      closed = new Promise((resolve) => response.on('close', resolve));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"half":');
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const { port } = stalled.address() as AddressInfo;
    const client = createHttpClient({ fetch, timeoutMs: 300, maxResponseBytes: LIMIT });
    try {
      const outcome = await client
        .get(`http://127.0.0.1:${port}/`)
        .catch((error: unknown) => error);
      expect(classifyTransportError(outcome).kind).toBe('timeout');
      await expect(closed).resolves.toBeUndefined();
    } finally {
      stalled.closeAllConnections();
      await new Promise((resolve) => stalled.close(resolve));
    }
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHttpClient } from '../../../main/http/create-http-client';
import { classifyTransportError, transportAppError } from '../../../main/http/transport-error';
import { netFetchDouble } from '../../support/net-fetch-double';

let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/hang') return;
    if (request.url === '/redirect') {
      response.writeHead(307, { location: 'https://login.example.invalid/sso' });
      response.end();
      return;
    }
    if (request.url === '/reset') {
      request.socket.destroy();
      return;
    }
    response.setHeader('content-type', 'application/json');
    response.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function failureOf(url: string, timeoutMs = 300, via = fetch): Promise<unknown> {
  const client = createHttpClient({ fetch: via, timeoutMs, maxResponseBytes: 1024 });
  try {
    await client.get(url);
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${url} to fail`);
}

describe('createHttpClient', () => {
  it('returns non-2xx statuses instead of throwing, with JSON parsed', async () => {
    const client = createHttpClient({
      fetch,
      timeoutMs: 2_000,
      maxResponseBytes: 1024,
      baseURL: base,
    });
    const response = await client.get('/anything');
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ ok: true });
  });
});

describe('classifyTransportError', () => {
  it('names a timeout when the server never answers', async () => {
    expect(classifyTransportError(await failureOf(`${base}/hang`)).kind).toBe('timeout');
  });

  it('names a reset when the server drops the socket', async () => {
    expect(classifyTransportError(await failureOf(`${base}/reset`)).kind).toBe('reset');
  });

  it('names a DNS failure for a host that does not resolve', async () => {
    expect(classifyTransportError(await failureOf('http://no-such-host.invalid/')).kind).toBe(
      'dns',
    );
  });

  it('names a refused connection for a closed port', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(classifyTransportError(await failureOf(`http://127.0.0.1:${port}/`)).kind).toBe(
      'refused',
    );
  });

  it('names a TLS failure when https meets a plain-http server', async () => {
    expect(classifyTransportError(await failureOf(base.replace('http:', 'https:'))).kind).toBe(
      'tls',
    );
  });

  it('names a redirect when Electron net.fetch rejects a manual redirect ("Redirect was cancelled")', async () => {
    const error = await failureOf(`${base}/redirect`, 2_000, netFetchDouble);
    expect(classifyTransportError(error).kind).toBe('redirect');
  });

  it('recognises Chromium net error names from Electron net.fetch', () => {
    expect(classifyTransportError(new Error('net::ERR_CERT_AUTHORITY_INVALID')).kind).toBe('tls');
    expect(classifyTransportError(new Error('net::ERR_NAME_NOT_RESOLVED')).kind).toBe('dns');
    expect(classifyTransportError(new Error('net::ERR_CONNECTION_REFUSED')).kind).toBe('refused');
    expect(classifyTransportError(new Error('net::ERR_PROXY_AUTH_UNSUPPORTED')).kind).toBe(
      'proxy-auth',
    );
    expect(classifyTransportError(new Error('net::ERR_UNEXPECTED_PROXY_AUTH')).kind).toBe(
      'proxy-auth',
    );
  });
});

describe('transportAppError', () => {
  it('says a TLS failure may be a TLS-inspecting proxy', () => {
    const error = transportAppError(new Error('net::ERR_CERT_AUTHORITY_INVALID'), 'Stytch');
    expect(error.code).toBe('NET_TLS');
    expect(error.hint).toMatch(/TLS-inspecting proxy/);
  });

  it('says a redirect was an answer from the peer or a proxy, not a lost request', () => {
    const error = transportAppError(new Error('Redirect was cancelled'), 'Stytch');
    expect(error.code).toBe('NET_REDIRECTED');
    expect(error.message).toMatch(/Stytch, or a proxy .*, answered with a redirect/);
    expect(error.hint).toMatch(/proxy/);
    expect(error.retryable).toBe(false);
  });

  it('never repeats a bearer token that appears in the low-level message', () => {
    const failure = classifyTransportError(
      new Error('ECONNRESET while sending Bearer abc123secretvalue'),
    );
    expect(failure.detail).not.toContain('abc123secretvalue');
  });
});

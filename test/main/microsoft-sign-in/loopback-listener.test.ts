import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { AppFailure } from '../../../shared/errors';
import {
  LoopbackListener,
  MAX_ANSWER_BYTES,
  type LoopbackListenerOptions,
} from '../../../main/microsoft-sign-in/loopback-listener';

/**
 * The sign-in's own loopback listener, over real loopback HTTP (issue 19 item 1): only the form
 * POST on its path, a capped body, a timeout, one answer, nothing else touches the sign-in.
 */

const STATE = 'state-0123';
let listener: LoopbackListener | null = null;

afterEach(async () => {
  await listener?.close();
  listener = null;
});

async function start(options: Partial<LoopbackListenerOptions> = {}): Promise<LoopbackListener> {
  listener = await LoopbackListener.start({
    state: STATE,
    successPage: '<p>signed in</p>',
    failurePage: '<p>not finished</p>',
    ...options,
  });
  return listener;
}

function origin(of: LoopbackListener, host = '127.0.0.1'): string {
  return of.redirectUri.replace('localhost', host);
}

function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Where the answer settled: the answer, or the AppError code it failed with. */
async function outcome(of: LoopbackListener): Promise<unknown> {
  return of.answer.then(
    (answer) => answer,
    (error: unknown) => (error instanceof AppFailure ? error.appError.code : String(error)),
  );
}

/** IPv6 loopback on this machine? (Containers sometimes have none.) */
async function hasIpv6Loopback(): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(0, '::1', () => probe.close(() => resolve(true)));
  });
}

const IPV6_LOOPBACK = await hasIpv6Loopback();

describe('the sign-in loopback listener', () => {
  it('takes the form POST with this sign-in’s state on /, answers the page, and settles once', async () => {
    const running = await start();
    expect(running.redirectUri).toMatch(/^http:\/\/localhost:\d+$/);

    const response = await postForm(`${origin(running)}/`, {
      code: 'code-1',
      state: STATE,
      client_info: 'info',
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(await response.text()).toBe('<p>signed in</p>');
    expect(await outcome(running)).toEqual({ code: 'code-1', state: STATE, client_info: 'info' });
  });

  it('refuses a second request after the answer (closed: nothing listens any more)', async () => {
    const running = await start();
    const url = `${origin(running)}/`;
    await (await postForm(url, { code: 'code-1', state: STATE })).text();
    await running.answer;

    const second = await postForm(url, { code: 'code-2', state: STATE }).then(
      (response) => response.status,
      () => 'refused',
    );

    expect(second).toBe('refused');
    expect(await outcome(running)).toMatchObject({ code: 'code-1' });
  });

  it('answers 404 to a wrong path or method without touching the sign-in', async () => {
    const running = await start({ timeoutMs: 1_000 });
    const base = origin(running);

    const answers = [
      (await postForm(`${base}/other`, { code: 'x', state: STATE })).status,
      (await postForm(`${base}/?code=x&state=${STATE}`, { code: 'x', state: STATE })).status,
      (await fetch(`${base}/?code=x&state=${STATE}`)).status,
      (await fetch(`${base}/`, { method: 'PUT', body: `code=x&state=${STATE}` })).status,
      (await fetch(`${base}/favicon.ico`)).status,
    ];

    expect(answers).toEqual([404, 404, 404, 404, 404]);
    // Still waiting for the real answer, which then arrives.
    const response = await postForm(`${base}/`, { code: 'code-1', state: STATE });
    expect(response.status).toBe(200);
    expect(await outcome(running)).toMatchObject({ code: 'code-1' });
  });

  it('refuses an answer for another state, or with no code and no error, and keeps waiting', async () => {
    const running = await start();
    const url = `${origin(running)}/`;

    expect((await postForm(url, { code: 'x', state: 'other' })).status).toBe(400);
    expect((await postForm(url, { state: STATE })).status).toBe(400);
    const doubled = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `code=x&state=${STATE}&state=other`,
    });
    expect(doubled.status).toBe(400);
    expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(415);

    await (await postForm(url, { error: 'access_denied', state: STATE })).text();
    expect(await outcome(running)).toMatchObject({ error: 'access_denied' });
  });

  it('refuses a 300 MB body at the cap without reading it, and keeps waiting', async () => {
    const running = await start();
    const { port } = new URL(origin(running));
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const total = 300 * 1024 * 1024;
    const before = process.memoryUsage().rss;

    // Sent chunked (no Content-Length), so the cap has to hold while the body streams in.
    const result = await new Promise<{ status: number | 'cut'; written: number }>((resolve) => {
      let written = 0;
      let status: number | 'cut' = 'cut';
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      request.on('response', (response) => {
        status = response.statusCode ?? 0;
        response.resume();
      });
      request.on('error', () => resolve({ status, written }));
      request.on('close', () => resolve({ status, written }));
      const pump = (): void => {
        while (written < total) {
          written += chunk.length;
          if (!request.write(chunk)) {
            request.once('drain', pump);
            return;
          }
        }
        request.end();
      };
      pump();
    });

    expect(result.status).toBe(413);
    expect(result.written).toBeLessThan(total / 10);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    // A Content-Length over the cap is refused before any of it is read.
    const declared = await fetch(`${origin(running)}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `state=${STATE}&code=${'a'.repeat(MAX_ANSWER_BYTES)}`,
    });
    expect(declared.status).toBe(413);
    const response = await postForm(`${origin(running)}/`, { code: 'code-1', state: STATE });
    expect(response.status).toBe(200);
  });

  it('ends with a plain error when nobody answers in time, and stops listening', async () => {
    const running = await start({ timeoutMs: 50 });

    const code = await outcome(running);

    expect(code).toBe('MICROSOFT_SIGN_IN_FAILED');
    const error = await running.answer.catch((failure: unknown) => failure);
    expect((error as AppFailure).appError.message).toBe(
      'The Microsoft sign-in was not finished within 1 second.',
    );
    const late = await postForm(`${origin(running)}/`, { code: 'x', state: STATE }).then(
      (response) => response.status,
      () => 'refused',
    );
    expect(late).toBe('refused');
  });

  it('ends the wait as cancelled when the sign-in closes it', async () => {
    const running = await start();
    await running.close();
    expect(await outcome(running)).toBe('MICROSOFT_SIGN_IN_CANCELLED');
  });

  it.skipIf(!IPV6_LOOPBACK)(
    'listens on [::1] on the same port too, so nobody else can take the other half of localhost',
    async () => {
      const running = await start();
      const v6 = origin(running, '[::1]');

      expect((await fetch(`${v6}/nothing`)).status).toBe(404);
      const response = await postForm(`${v6}/`, { code: 'code-6', state: STATE });
      expect(response.status).toBe(200);
      expect(await outcome(running)).toMatchObject({ code: 'code-6' });
    },
  );
});

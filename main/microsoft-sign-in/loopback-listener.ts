import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { appFailure, type AppFailure } from '../../shared/errors';
import { errorCode } from '../settings/atomic-write';

/**
 * The loopback listener an interactive sign-in waits on for Microsoft's authorization response.
 * MSAL Node 7 has no way to replace its own listener (`acquireTokenInteractive`'s
 * `loopbackClient`/`ILoopbackClient` was removed after v5), so the sign-in drives MSAL's
 * documented two-step authorization-code API instead (`getAuthCodeUrl`, then `acquireTokenByCode`
 * with PKCE, state and nonce: MSAL still builds the request, redeems the code and checks the
 * answer), and this listener takes the one step between: receiving the code.
 *
 * Redirect URI `http://localhost:<port>`, listening on 127.0.0.1 AND [::1] on that port.
 * Microsoft's "Redirect URI (reply URL) restrictions and limitations" (learn.microsoft.com,
 * entra/identity-platform/reply-url, "Localhost exceptions") ignores the port of loopback
 * redirect URIs, so one registered `http://localhost` serves every port; it says "Prefer
 * 127.0.0.1 over localhost", but also that the portal's Redirect URIs box refuses an `http`
 * 127.0.0.1 URI (it has to be added by editing the app manifest) and that "The IPv6 loopback
 * address ([::1]) is not currently supported". So the registration keeps `http://localhost`, which
 * the admin can type in the portal, and the browser may resolve it to either address: listening
 * on both leaves no half of the name for another local user to squat on with the same port.
 *
 * Only `POST /` with a form body (Entra's `response_mode=form_post`, the only mode MSAL 7 asks
 * for) is read, up to {@link MAX_ANSWER_BYTES}; the first answer carrying this sign-in's `state`
 * ends it and the listener closes. Anything else is answered 404 (or 413/415) without touching
 * the sign-in. Nobody answering within the timeout ends it with a plain error.
 */

/** An authorization response is a code, a state and a few ids: well under 4 KB. */
export const MAX_ANSWER_BYTES = 8 * 1024;
/** How long the admin has to finish in the browser (MFA and a password change included). */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;
/** Ports tried before giving up when someone else holds [::1] on the port 127.0.0.1 gave us. */
const BIND_ATTEMPTS = 5;

/** The authorization response's fields (RFC 6749 §4.1.2, Entra's form_post adds the last two). */
export interface AuthorizationAnswer {
  code?: string;
  state: string;
  error?: string;
  error_description?: string;
  suberror?: string;
  client_info?: string;
  session_state?: string;
}

/** How to start a {@link LoopbackListener}. */
export interface LoopbackListenerOptions {
  /** The `state` of this sign-in's authorize request; an answer without it is not the answer. */
  state: string;
  /** The page shown in the browser after a code arrived, and after an error arrived. */
  successPage: string;
  failurePage: string;
  /** Default {@link SIGN_IN_TIMEOUT_MS}; tests use a short one. */
  timeoutMs?: number;
  /** Default {@link MAX_ANSWER_BYTES}. */
  maxBodyBytes?: number;
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function durationText(ms: number): string {
  const [count, unit] =
    ms >= 60_000 ? [Math.round(ms / 60_000), 'minute'] : [Math.ceil(ms / 1000), 'second'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** Answers and closes the connection, so no keep-alive socket outlives the listener. */
function reply(response: ServerResponse, status: number, body = ''): void {
  const headers = status === 200 ? PAGE_HEADERS : { 'content-type': 'text/plain; charset=utf-8' };
  response.writeHead(status, { ...headers, connection: 'close' });
  response.end(body, () => response.socket?.destroy());
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error): void => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** One sign-in's listener: start, give MSAL {@link redirectUri}, await {@link answer}, close. */
export class LoopbackListener {
  /** Settles once: the answer, a timeout, a cancel or a close. */
  readonly answer: Promise<AuthorizationAnswer>;
  private settle: {
    resolve: (answer: AuthorizationAnswer) => void;
    reject: (error: AppFailure) => void;
  } | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly maxBodyBytes: number;

  private constructor(
    private readonly servers: Server[],
    private readonly port: number,
    private readonly options: LoopbackListenerOptions,
  ) {
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_ANSWER_BYTES;
    this.answer = new Promise<AuthorizationAnswer>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // Awaited by the sign-in; a rejection nobody awaited yet must not be "unhandled".
    this.answer.catch(() => undefined);
    const timeoutMs = options.timeoutMs ?? SIGN_IN_TIMEOUT_MS;
    this.timer = setTimeout(() => {
      this.fail(
        appFailure(
          'MICROSOFT_SIGN_IN_FAILED',
          `The Microsoft sign-in was not finished within ${durationText(timeoutMs)}.`,
          'Select "Sign in to Microsoft" again and finish in the browser tab that opens.',
          { retryable: true },
        ),
      );
    }, timeoutMs);
    for (const server of servers) {
      server.on('request', (request: IncomingMessage, response: ServerResponse) =>
        this.handle(request, response),
      );
    }
  }

  /** Listens on 127.0.0.1 and, where this computer has it, [::1], on one free port. */
  static async start(options: LoopbackListenerOptions): Promise<LoopbackListener> {
    for (let attempt = 1; ; attempt += 1) {
      const v4 = createServer();
      await listen(v4, 0, '127.0.0.1');
      const { port } = v4.address() as AddressInfo;
      const v6 = createServer();
      try {
        await listen(v6, port, '::1');
        return new LoopbackListener([v4, v6], port, options);
      } catch (error) {
        const code = errorCode(error);
        // No IPv6 loopback here: nobody can listen on it either, so 127.0.0.1 alone is enough.
        if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')
          return new LoopbackListener([v4], port, options);
        await closeServer(v4);
        // Someone else holds [::1] on this port: a browser resolving localhost there would hand
        // them the code. Take another port.
        if (code !== 'EADDRINUSE' || attempt >= BIND_ATTEMPTS) throw error;
      }
    }
  }

  /** The redirect URI to put in the authorize request (and to redeem the code with). */
  get redirectUri(): string {
    return `http://localhost:${this.port}`;
  }

  /** Ends the wait with "cancelled" (the admin cancelled in the app). */
  cancel(): void {
    this.fail(
      appFailure(
        'MICROSOFT_SIGN_IN_CANCELLED',
        'The Microsoft sign-in was cancelled or declined.',
        'Sign in again when you are ready; if you declined a permission, the step cannot run without it.',
      ),
    );
  }

  /** Stops listening (idempotent); an answer still awaited is cancelled. */
  async close(): Promise<void> {
    this.cancel();
    await Promise.all(this.servers.map((server) => closeServer(server)));
  }

  private fail(error: AppFailure): void {
    const settle = this.settle;
    if (settle === null) return;
    this.settle = null;
    clearTimeout(this.timer);
    settle.reject(error);
    void this.close();
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    if (this.settle === null || request.method !== 'POST' || request.url !== '/') {
      reply(response, 404, 'Not found.');
      return;
    }
    const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      reply(response, 415, 'Expected a form.');
      return;
    }
    if (Number(request.headers['content-length'] ?? 0) > this.maxBodyBytes) {
      reply(response, 413, 'Too large.');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > this.maxBodyBytes) {
        // Sent without a Content-Length (chunked) and over the cap: stop reading at once.
        refused = true;
        chunks.length = 0;
        request.pause();
        reply(response, 413, 'Too large.');
        return;
      }
      chunks.push(chunk);
    });
    request.on('error', () => response.socket?.destroy());
    request.on('end', () => {
      if (!refused) this.receive(Buffer.concat(chunks).toString('utf8'), response);
    });
  }

  private receive(body: string, response: ServerResponse): void {
    const form = new URLSearchParams(body);
    const states = form.getAll('state');
    const code = form.get('code');
    const error = form.get('error');
    // Exactly one state, this sign-in's; and a code or an error. Anything else is not the answer.
    if (
      states.length !== 1 ||
      states[0] !== this.options.state ||
      (code === null && error === null)
    ) {
      reply(response, 400, 'Not an answer to this sign-in.');
      return;
    }
    const settle = this.settle;
    if (settle === null) {
      reply(response, 404, 'Not found.');
      return;
    }
    this.settle = null;
    clearTimeout(this.timer);
    const answer: AuthorizationAnswer = { state: this.options.state };
    for (const name of [
      'code',
      'error',
      'error_description',
      'suberror',
      'client_info',
      'session_state',
    ] as const) {
      const value = form.get(name);
      if (value !== null) answer[name] = value;
    }
    // Closed once the page is out: one answer per sign-in, nothing listens after it.
    response.on('close', () => {
      void Promise.all(this.servers.map((server) => closeServer(server)));
    });
    reply(response, 200, error === null ? this.options.successPage : this.options.failurePage);
    settle.resolve(answer);
  }
}

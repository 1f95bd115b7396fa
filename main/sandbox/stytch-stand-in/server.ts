import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

import type { StytchOperation } from '../../stytch/operations';
import type { KnownStytchErrorType } from '../../stytch/stytch-errors';
import { FaultPlan, type ChosenFault } from './faults';
import { RateLimiter } from './rate-limit';
import { refusedHost, sameSecret } from '../loopback-only';
import { errorBody, newRequestId, StandInError } from './errors';
import { matchRoute, type RouteOutput } from './routes';
import type { StandInState } from './state';
import { RATE_LIMITS, RETRY_AFTER_ON_429 } from './stytch-behaviour';

/** The project the stand-in authenticates (HTTP Basic, like Stytch). */
export interface StandInProject {
  projectId: string;
  secret: string;
}

const MAX_BODY_BYTES = 100_000;

function authenticate(header: string | undefined, project: StandInProject): void {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  const decoded = match ? Buffer.from(match[1] ?? '', 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new StandInError('invalid_authorization_header');
  const projectId = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  // The stand-in plays Stytch's test environment.
  if (projectId.startsWith('project-live-'))
    throw new StandInError('live_id_used_in_test_environment');
  if (!sameSecret(projectId, project.projectId) || !sameSecret(secret, project.secret)) {
    throw new StandInError('unauthorized_credentials');
  }
}

async function readBody(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new StandInError('internal_server_error', 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  const parsed = JSON.parse(text) as unknown;
  return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Stytch's error body for `errorType` under `status`, with `Retry-After` when given one. */
function sendError(
  response: http.ServerResponse,
  status: number,
  errorType: KnownStytchErrorType,
  requestId: string,
  retryAfter: string | undefined,
): void {
  const message = new StandInError(errorType).message;
  sendJson(response, status, errorBody(status, errorType, message, requestId), {
    ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
  });
}

function omitField(body: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(body);
  const parts = path.split('.');
  const last = parts.pop() ?? '';
  let target: unknown = copy;
  for (const part of parts) target = (target as Record<string, unknown> | undefined)?.[part];
  if (target !== null && typeof target === 'object') Reflect.deleteProperty(target, last);
  return copy;
}

/**
 * The stand-in's HTTP layer: routes, HTTP Basic auth against its own project, Stytch's error
 * bodies, and the fault plan (before or after the request takes effect).
 */
export class StandInHttp {
  private readonly server: http.Server;
  private readonly counts = new Map<StytchOperation, number>();
  private readonly limiter: RateLimiter;
  readonly faults = new FaultPlan();

  constructor(
    private readonly state: StandInState,
    private readonly project: StandInProject,
    /** The clock of the rate limits' windows. */
    now: () => number = Date.now,
  ) {
    this.server = http.createServer((request, response) => {
      if (!refusedHost(request, response)) void this.handle(request, response);
    });
    this.limiter = new RateLimiter(RATE_LIMITS, now);
  }

  /**
   * Listens on 127.0.0.1, on a free port, answering loopback Host names only; answers the base URL
   * (ending with `/`). Its per-run key is the project secret, random unless a test chose one.
   */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** How many requests reached an operation's route (faulted ones included), or all routes. */
  requestCount(route?: StytchOperation): number {
    if (route) return this.counts.get(route) ?? 0;
    return [...this.counts.values()].reduce((sum, n) => sum + n, 0);
  }

  /** Stops listening and drops every open connection (hanging requests included). */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<void> {
    const requestId = newRequestId();
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const matched = matchRoute(request.method ?? 'GET', url.pathname);
    try {
      const body = await readBody(request).catch((error: unknown) => {
        if (error instanceof StandInError) throw error;
        throw new StandInError('internal_server_error', 'The request body is not valid JSON.');
      });
      if (!matched) {
        sendJson(response, 404, errorBody(404, 'route_not_found', 'No such endpoint.', requestId));
        return;
      }
      const { operation } = matched;
      this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
      const fault = this.faults.take(operation);
      if (
        fault &&
        !fault.afterProcessing &&
        (await this.applyFault(fault, request, response, requestId))
      )
        return;
      authenticate(request.headers.authorization, this.project);
      const wait = this.limiter.take(operation);
      if (wait !== null) {
        const retryAfter = RETRY_AFTER_ON_429 ? String(wait) : undefined;
        sendError(response, 429, 'too_many_requests', requestId, retryAfter);
        return;
      }
      const output = matched.run(this.state, {
        params: matched.params,
        body,
        query: url.searchParams,
      });
      if (
        fault?.afterProcessing &&
        (await this.applyFault(fault, request, response, requestId, output))
      )
        return;
      sendJson(response, output.status, {
        status_code: output.status,
        request_id: requestId,
        ...output.body,
      });
    } catch (error) {
      const failure =
        error instanceof StandInError ? error : new StandInError('internal_server_error');
      sendJson(
        response,
        failure.status,
        errorBody(failure.status, failure.errorType, failure.message, requestId),
      );
    }
  }

  /** Applies a fault; true when it answered (or dropped) the request, false to carry on. */
  private async applyFault(
    chosen: ChosenFault,
    request: http.IncomingMessage,
    response: http.ServerResponse,
    requestId: string,
    output?: RouteOutput,
  ): Promise<boolean> {
    const { fault } = chosen;
    switch (fault.kind) {
      case 'latency':
        await delay(fault.ms);
        return false;
      case 'reset':
        request.socket.destroy();
        return true;
      case 'hang':
        return true;
      case 'malformed-json':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`{"status_code": 200, "request_id": "${requestId}", "conn`);
        return true;
      case 'html':
        response.writeHead(fault.status ?? 200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          '<!doctype html><html><body><h1>Access denied</h1><p>Blocked by network policy.</p></body></html>',
        );
        return true;
      case 'status': {
        const type = fault.status === 429 ? 'too_many_requests' : 'internal_server_error';
        sendError(response, fault.status, type, requestId, fault.retryAfter);
        return true;
      }
      case 'omit-field': {
        if (!output) return false;
        const body = omitField(
          { status_code: output.status, request_id: requestId, ...output.body },
          fault.field,
        );
        sendJson(response, output.status, body);
        return true;
      }
    }
  }
}

import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { GRAPH_RESOURCE } from '../../../shared/entra/graph-permissions';
import {
  graphApiVersion,
  graphNeeds,
  matchGraphOperation,
  type GraphApiVersion,
  type GraphOperation,
} from '../../graph/graph-operations';
import type { FetchLike } from '../../http/create-http-client';
import { newRunKey, pathAfterKey, refusedHost, sameSecret } from '../loopback-only';
import { GraphControls, type TokenGrant } from './controls';
import { GRAPH_ROUTES, type RouteAnswer } from './routes';
import { GraphStandInError, GraphStandInState } from './state';

/** How to start the Graph stand-in. */
export interface GraphStandInOptions {
  /** What the simulated provisioning engine calls SCIM endpoints with (Node's fetch by default). */
  fetch?: FetchLike;
  now?: () => Date;
  /** Reads of a just-created app that answer 404 Request_ResourceNotFound (default 0). */
  replicationReads?: number;
  /** Time between a started job's cycles (default one minute). */
  cycleIntervalMs?: number;
  /** How long an assignment takes to reach provision on demand (default 0; state.ts). */
  assignmentDelayMs?: number;
  /**
   * The one origin the simulated provisioning engine may call: the sandbox's SCIM server. Any
   * other Tenant URL is refused before a request is sent, so the stand-in can never be made to
   * fetch another address and report its answer. Unset: no endpoint at all.
   */
  scimOrigin?: string;
  /**
   * Accepts bearer tokens someone else issued (the identity stand-in's): what the token grants,
   * or null when it is unknown or expired (401). The stand-in's own {@link
   * RunningGraphStandIn.accessToken} is accepted either way.
   */
  verifyToken?: (bearer: string) => TokenGrant | null;
}

export type { TokenGrant } from './controls';

/** One request the stand-in received, for tests (no token: only whether one was sent). */
export interface GraphRequestRecord {
  operation: GraphOperation | null;
  method: string;
  /** The path after the version segment, e.g. `/servicePrincipals/…`. */
  path: string;
  /** The version segment it was sent to (`/v1.0/…` or `/beta/…`); null for neither. */
  apiVersion: GraphApiVersion | null;
  clientRequestId: string | undefined;
}

/**
 * A running stand-in: its base URL (in place of `https://graph.microsoft.com/v1.0`, under a
 * random per-run path segment only the app is told; its beta is the same with `/beta`) and state.
 */
export interface RunningGraphStandIn {
  baseUrl: string;
  /** The sign-in's stand-in: the one token the stand-in accepts. */
  accessToken: (scopes: string[]) => Promise<string>;
  state: GraphStandInState;
  controls: GraphControls;
  history: GraphRequestRecord[];
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

async function readBody(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new GraphStandInError(413, 'Request_BadRequest', 'Too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new GraphStandInError(400, 'BadRequest', 'Unable to read JSON request payload.');
  }
}

/**
 * What the request's bearer token grants: null for the stand-in's own token (everything), or
 * the verifier's answer with scopes as permission names. Anything else is Graph's 401.
 */
function grantOf(
  authorization: string | undefined,
  ownToken: string,
  verify: GraphStandInOptions['verifyToken'],
): TokenGrant | null {
  const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  if (bearer === '')
    throw new GraphStandInError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  if (sameSecret(bearer, ownToken)) return null;
  const grant = verify?.(bearer) ?? null;
  if (grant === null) {
    throw new GraphStandInError(
      401,
      'InvalidAuthenticationToken',
      'Access token validation failure. Invalid audience or expired token.',
    );
  }
  const prefix = `${GRAPH_RESOURCE}/`;
  const scopes = grant.scopes.map((scope) =>
    scope.startsWith(prefix) ? scope.slice(prefix.length) : scope,
  );
  return { scopes, isAdmin: grant.isAdmin };
}

/**
 * Starts a Microsoft Graph stand-in on 127.0.0.1 (a free port, loopback Host names only) for the
 * tenant "Contoso (sandbox)": the calls of main/graph with their documented shapes and failure
 * modes (reference §1–§5), provisioning played by the Entra simulator against the SCIM endpoint
 * it is given, if that is on `scimOrigin`.
 */
export async function startGraphStandIn(
  options: GraphStandInOptions = {},
): Promise<RunningGraphStandIn> {
  const now = options.now ?? (() => new Date());
  const state = new GraphStandInState({
    fetch: options.fetch ?? fetch,
    now,
    replicationReads: options.replicationReads ?? 0,
    cycleIntervalMs: options.cycleIntervalMs ?? 60_000,
    scimOrigin: options.scimOrigin ?? null,
    assignmentDelayMs: options.assignmentDelayMs ?? 0,
  });
  const controls = new GraphControls(() => now().getTime());
  const token = `graph-standin-${randomBytes(24).toString('base64url')}`;
  const key = newRunKey();
  const history: GraphRequestRecord[] = [];

  const handle = async (request: http.IncomingMessage): Promise<RouteAnswer> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // Without the per-run segment nothing is served, not even Graph's own errors.
    const keyed = pathAfterKey(url.pathname, key);
    if (keyed === null) throw new GraphStandInError(404, 'NotFound', 'Not found.');
    const versioned = /^\/(v1\.0|beta)(\/.*)$/.exec(keyed);
    const apiVersion = (versioned?.[1] ?? null) as GraphApiVersion | null;
    const path = versioned?.[2] ?? keyed;
    // Each operation is served on its own version only (graph-operations.ts): a v1.0 call sent
    // to beta, or the beta-only secrets read sent to v1.0, is not found, so a slip shows in tests.
    const found = matchGraphOperation(request.method ?? 'GET', path);
    const match = found !== null && graphApiVersion(found.operation) === apiVersion ? found : null;
    const clientRequestId = request.headers['client-request-id'];
    history.push({
      operation: match?.operation ?? null,
      method: request.method ?? 'GET',
      path,
      apiVersion,
      clientRequestId: typeof clientRequestId === 'string' ? clientRequestId : undefined,
    });
    const grant = grantOf(request.headers.authorization, token, options.verifyToken);
    if (match === null) {
      throw new GraphStandInError(
        400,
        'BadRequest',
        `Resource not found for the segment '${path}'.`,
      );
    }
    controls.check(match.operation, graphNeeds(match.operation), grant ?? undefined);
    const body = await readBody(request);
    return GRAPH_ROUTES[match.operation](
      { params: match.params, query: url.searchParams, body, headers: request.headers },
      state,
    );
  };

  const server = http.createServer((request, response) => {
    if (refusedHost(request, response)) return;
    const clientRequestId = request.headers['client-request-id'];
    const ids = {
      'request-id': randomUUID(),
      'client-request-id': typeof clientRequestId === 'string' ? clientRequestId : '',
    };
    const headers = {
      'request-id': ids['request-id'],
      'client-request-id': ids['client-request-id'],
    };
    handle(request).then(
      (answer) => {
        if (answer.text !== undefined) {
          response.writeHead(answer.status, { ...headers, 'content-type': 'text/plain' });
          response.end(answer.text);
          return;
        }
        if (answer.body === undefined) {
          response.writeHead(answer.status, headers).end();
          return;
        }
        response.writeHead(answer.status, { ...headers, 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
      },
      (error: unknown) => {
        const known =
          error instanceof GraphStandInError
            ? error
            : new GraphStandInError(500, 'InternalServerError', 'The stand-in failed.');
        const innerError = { date: now().toISOString().slice(0, 19), ...ids };
        response.writeHead(known.status, {
          ...headers,
          ...known.headers,
          'content-type': 'application/json',
        });
        response.end(
          JSON.stringify({ error: { code: known.code, message: known.message, innerError } }),
        );
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/${key}/v1.0`,
    accessToken: () => Promise.resolve(token),
    state,
    controls,
    history,
    stop: async () => {
      state.stopJobs();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

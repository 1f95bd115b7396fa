import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express, { type NextFunction, type Request, type Response } from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';

import { refusedHost, sameSecret } from '../loopback-only';
import { declareScimResources, ScimStore, type ScimRequestContext } from './scim-store';

/**
 * How a connection's SCIM endpoint misbehaves, so a test (or a rehearsal in sandbox mode) can
 * watch the probe catch it:
 * - `filter-404`: a filtered GET (what Entra's Test Connection sends) answers 404 instead of an
 *   empty ListResponse, the commonest real-world SCIM bug;
 * - `server-error`: every authorised request answers 500.
 * Faults apply only to requests with a valid token, so the auth checks still behave.
 */
export type ScimFault = 'none' | 'filter-404' | 'server-error';

/** Mirrors Stytch's base_url path: `{origin}/v1/b2b/scim/{connection_id}`. */
export const SCIM_BASE_PATH = '/v1/b2b/scim';

interface Endpoint {
  tokens: string[];
  fault: ScimFault;
  store: ScimStore;
  /** Accepts Entra's legacy "True"/"False" for `active`, as Stytch does (`entraLegacyBooleans`). */
  entraCompat: boolean;
}

/** How a connection's endpoint is opened. */
export interface EndpointOptions {
  /**
   * Take Entra's legacy PATCH dialect the way Stytch's SCIM server does. Off unless asked:
   * the Entra simulator's tests rely on today's refusal of "False" (see `entraLegacyBooleans`).
   */
  entraCompat?: boolean;
}

function tokenOf(request: Request): string | null {
  const header = request.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

function scimErrorBody(status: 404 | 500, detail: string) {
  return new SCIMMY.Messages.Error({ status, message: detail });
}

/**
 * The sandbox's SCIM 2.0 service provider: scimmy + scimmy-routers on express 5, one endpoint
 * per Stytch connection, each with its own in-memory users and groups. It accepts exactly the
 * connection's current token (and the next one while a rotation is in progress) and answers 401
 * to anything else, like Stytch's SCIM API.
 */
export class SandboxScimServer {
  private readonly endpoints = new Map<string, Endpoint>();

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  /** Starts the server on 127.0.0.1, on a free port, answering loopback Host names only. */
  static async start(): Promise<SandboxScimServer> {
    declareScimResources();
    const app = express();
    app.disable('x-powered-by');
    // Before anything else: a request not addressed to loopback by name is not the app's.
    app.use((request: Request, response: Response, next: NextFunction) => {
      if (!refusedHost(request, response)) next();
    });
    let instance: SandboxScimServer | null = null;
    const endpointOf = (request: Request): Endpoint | undefined =>
      instance?.endpoints.get(String(request.params.connectionId));
    const router = new SCIMMYRouters({
      type: 'bearer',
      handler: (request) => {
        const endpoint = endpointOf(request);
        if (!endpoint || !isAuthorised(request, endpoint)) {
          throw new Error('The bearer token is not valid for this SCIM connection.');
        }
        return String(request.params.connectionId);
      },
      context: (request): ScimRequestContext | undefined => {
        const endpoint = endpointOf(request);
        return endpoint ? { store: endpoint.store } : undefined;
      },
      baseUri: () => instance?.origin ?? '',
    });
    // The routers' constructor resets SCIMMY's service-provider config, so ours goes after it.
    configureServiceProvider();
    app.use(`${SCIM_BASE_PATH}/:connectionId`, (request, response, next) =>
      applyFault(request, response, next, endpointOf(request)),
    );
    app.use(
      `${SCIM_BASE_PATH}/:connectionId`,
      express.json({ type: ['application/scim+json', 'application/json'] }),
      (request: Request, response: Response, next: NextFunction) =>
        endpointOf(request)?.entraCompat === true
          ? entraLegacyBooleans(request, response, next)
          : next(),
    );
    app.use(`${SCIM_BASE_PATH}/:connectionId`, router);
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    instance = new SandboxScimServer(server, `http://127.0.0.1:${port}`);
    return instance;
  }

  /** The SCIM base URL of a connection (no query string; Stytch's behaviour adds that). */
  baseUrlFor(connectionId: string): string {
    return `${this.origin}${SCIM_BASE_PATH}/${encodeURIComponent(connectionId)}`;
  }

  /** Opens a connection's endpoint with the tokens it accepts. */
  open(
    connectionId: string,
    tokens: string[],
    fault: ScimFault = 'none',
    options: EndpointOptions = {},
  ): void {
    this.endpoints.set(connectionId, {
      tokens: [...tokens],
      fault,
      store: new ScimStore(),
      entraCompat: options.entraCompat ?? false,
    });
  }

  /** Changes the accepted tokens (rotation start, complete, cancel). */
  setTokens(connectionId: string, tokens: string[]): void {
    const endpoint = this.endpoints.get(connectionId);
    if (endpoint) endpoint.tokens = [...tokens];
  }

  /** Makes a connection's endpoint misbehave (or behave again, with 'none'). */
  setFault(connectionId: string, fault: ScimFault): void {
    const endpoint = this.endpoints.get(connectionId);
    if (endpoint) endpoint.fault = fault;
  }

  /** Closes a connection's endpoint: every later request is refused with 401. */
  close(connectionId: string): void {
    this.endpoints.delete(connectionId);
  }

  /** The connection's store (users and groups), for Get Groups and for tests. */
  storeOf(connectionId: string): ScimStore | undefined {
    return this.endpoints.get(connectionId)?.store;
  }

  /** Stops the server, dropping any open connection. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function isAuthorised(request: Request, endpoint: Endpoint): boolean {
  const token = tokenOf(request);
  return token !== null && endpoint.tokens.some((accepted) => sameSecret(accepted, token));
}

function configureServiceProvider(): void {
  SCIMMY.Config.set({ authenticationSchemes: [] });
  SCIMMY.Config.set({
    patch: true,
    filter: 200,
    sort: true,
    bulk: false,
    etag: false,
    changePassword: false,
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'The SCIM connection bearer token issued by the (sandbox) Stytch API',
        specUri: 'https://datatracker.ietf.org/doc/html/rfc6750',
      },
    ],
  });
}

/** "True"/"False" as the boolean they stand for; anything else unchanged. */
const legacyBoolean = (value: unknown): unknown =>
  value === 'True' ? true : value === 'False' ? false : value;

/**
 * Entra's legacy PATCH dialect, accepted the way Stytch's SCIM server accepts it: without
 * ?aadOptscim062020 (and always for Provision on demand) Entra sends `"active"` as the strings
 * "True"/"False" (MicrosoftDocs/entra-docs application-provisioning-config-problem-scim-
 * compatibility.md, "Disable user", "Without feature flag"). SCIMMY alone refuses a string for
 * a boolean; its PascalCase ops and path-less dotted keys it already takes. Only `active` is
 * converted, with a path or inside a path-less value, so a "False" given name stays a name.
 * [Inference] That Stytch accepts this dialect is inferred from its Entra support (Provision on
 * demand sends it whatever the URL says), not from a Stytch document.
 */
function entraLegacyBooleans(request: Request, _response: Response, next: NextFunction): void {
  const operations = (request.body as { Operations?: unknown } | undefined)?.Operations;
  if (request.method !== 'PATCH' || !Array.isArray(operations)) return next();
  for (const op of operations as Array<{ path?: unknown; value?: unknown }>) {
    if (typeof op.path === 'string' && op.path.toLowerCase() === 'active') {
      op.value = legacyBoolean(op.value);
    } else if (op.path === undefined && op.value !== null && typeof op.value === 'object') {
      const value = op.value as Record<string, unknown>;
      for (const key of Object.keys(value)) {
        if (key.toLowerCase() === 'active') value[key] = legacyBoolean(value[key]);
      }
    }
  }
  next();
}

function applyFault(
  request: Request,
  response: Response,
  next: NextFunction,
  endpoint?: Endpoint,
): void {
  if (!endpoint || endpoint.fault === 'none' || !isAuthorised(request, endpoint)) return next();
  response.setHeader('Content-Type', 'application/scim+json');
  if (endpoint.fault === 'server-error') {
    response
      .status(500)
      .send(scimErrorBody(500, 'The SCIM service failed (sandbox fault "server-error").'));
    return;
  }
  if (request.method === 'GET' && typeof request.query.filter === 'string') {
    response
      .status(404)
      .send(scimErrorBody(404, 'No resource matches the filter (sandbox fault "filter-404").'));
    return;
  }
  next();
}

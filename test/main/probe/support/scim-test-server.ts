import { randomUUID } from 'node:crypto';

import express, { type NextFunction, type Request, type Response } from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';

import { matching } from '../../../../main/sandbox/scim-server/scim-store';

/** One in-memory directory: a server's users and groups, keyed by id. */
export interface ScimDirectory {
  users: Map<string, Record<string, unknown>>;
  groups: Map<string, Record<string, unknown>>;
}

type AnyResource = { id?: string; filter?: SCIMMY.Types.Filter };

// SCIMMY's typings want a string scimType; SCIM omits it for 404 (RFC 7644 §3.12), as SCIMMY does.
function notFound(id: string | undefined): Error {
  return new SCIMMY.Types.Error(404, null as unknown as string, `Resource ${id} not found`);
}

function storeOf(ctx: unknown): ScimDirectory {
  return ctx as ScimDirectory;
}

function egressFrom(pick: (d: ScimDirectory) => Map<string, Record<string, unknown>>) {
  return (resource: AnyResource, ctx: unknown) => {
    const items = pick(storeOf(ctx));
    if (resource.id !== undefined) {
      const found = items.get(resource.id);
      if (!found) throw notFound(resource.id);
      return found;
    }
    const all = [...items.values()];
    // Like the sandbox (RFC 7643 §8.7.1, "caseExact": false), userName matches in any case.
    return resource.filter ? matching(resource.filter, all) : all;
  };
}

function ingressFrom(
  pick: (d: ScimDirectory) => Map<string, Record<string, unknown>>,
  unique: string,
) {
  return (resource: AnyResource, instance: Record<string, unknown>, ctx: unknown) => {
    const items = pick(storeOf(ctx));
    const clash = [...items.values()].find(
      (i) => i[unique] === instance[unique] && i.id !== resource.id,
    );
    if (clash) throw new SCIMMY.Types.Error(409, 'uniqueness', `${unique} already in use`);
    if (resource.id !== undefined && !items.has(resource.id)) {
      throw notFound(resource.id);
    }
    const id = resource.id ?? randomUUID();
    const now = new Date();
    const previous = items.get(id);
    const meta = {
      created: (previous?.meta as { created?: Date } | undefined)?.created ?? now,
      lastModified: now,
    };
    const stored = { ...instance, id, meta };
    items.set(id, stored);
    return stored;
  };
}

function degressFrom(pick: (d: ScimDirectory) => Map<string, Record<string, unknown>>) {
  return (resource: AnyResource, ctx: unknown) => {
    if (resource.id === undefined || !pick(storeOf(ctx)).delete(resource.id)) {
      throw notFound(resource.id);
    }
  };
}

let declared = false;

// SCIMMY's resource declarations are process-wide; the per-server directory arrives as context.
function declareResources(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Resources.declare(
    SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser as never, false) as never,
  );
  SCIMMY.Resources.User.ingress(ingressFrom((d) => d.users, 'userName') as never)
    .egress(egressFrom((d) => d.users) as never)
    .degress(degressFrom((d) => d.users) as never);
  SCIMMY.Resources.declare(SCIMMY.Resources.Group);
  SCIMMY.Resources.Group.ingress(ingressFrom((d) => d.groups, 'displayName') as never)
    .egress(egressFrom((d) => d.groups) as never)
    .degress(degressFrom((d) => d.groups) as never);
}

/**
 * What Entra-compatible servers (Stytch among them) do and SCIMMY alone does not: accept
 * Entra's legacy PATCH values "True"/"False" for boolean attributes (reference C.1).
 */
function entraLegacyBooleans(request: Request, _response: Response, next: NextFunction): void {
  const operations = (request.body as { Operations?: unknown } | undefined)?.Operations;
  if (request.method === 'PATCH' && Array.isArray(operations)) {
    for (const op of operations as Array<{ value?: unknown }>) {
      if (op.value === 'True' || op.value === 'False') op.value = op.value === 'True';
    }
  }
  next();
}

/** How a test SCIM server behaves. */
export interface ScimAppOptions {
  /** The bearer token it accepts. */
  token: string;
  /** Accept Entra's legacy "True"/"False" PATCH values (default true). */
  entraCompat?: boolean;
  /** Where the SCIM routes are mounted (default '/scim'). */
  mount?: string;
}

/**
 * A real SCIM 2.0 server for the probe's tests: scimmy + scimmy-routers on express 5, bearer
 * authentication, Users and Groups in memory.
 */
export function createScimApp(options: ScimAppOptions): {
  app: express.Express;
  directory: ScimDirectory;
} {
  declareResources();
  const directory: ScimDirectory = { users: new Map(), groups: new Map() };
  const router = new SCIMMYRouters({
    type: 'bearer',
    handler: (request) => {
      if (request.header('authorization') !== `Bearer ${options.token}`)
        throw new Error('Invalid bearer token');
      return 'probe-test-admin';
    },
    context: () => directory,
  });
  // The router's constructor resets SCIMMY.Config, so our settings come after it.
  SCIMMY.Config.set({
    patch: true,
    filter: true,
    sort: false,
    bulk: false,
    etag: false,
    changePassword: false,
  });
  const app = express();
  const mount = options.mount ?? '/scim';
  if (options.entraCompat !== false) {
    app.use(
      mount,
      express.json({ type: ['application/scim+json', 'application/json'] }),
      entraLegacyBooleans,
    );
  }
  app.use(mount, router);
  return { app, directory };
}

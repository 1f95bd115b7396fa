import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the double received. */
export interface DoubleRequest {
  method: string;
  /** '/Users', '/Groups/<id>' (below /scim). */
  path: string;
  query: URLSearchParams;
  authorization: string;
  body: Record<string, unknown> | null;
}

/** An answer a fault gives instead of the double's own. */
export interface DoubleReply {
  status: number;
  body?: unknown;
}

export interface ScimDoubleOptions {
  token: string;
  /** Consulted for every authorised request; a reply replaces the normal answer. */
  fault?: (request: DoubleRequest, count: number) => DoubleReply | null;
}

type Resource = Record<string, unknown> & { id: string };

/** A SCIM error body, as RFC 7644 §3.12 shapes it. */
export function scimError(status: number, detail: string, scimType?: string): DoubleReply {
  const body = {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: String(status),
    ...(scimType === undefined ? {} : { scimType }),
    detail,
  };
  return { status, body };
}

const list = (resources: Resource[]) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: resources.length,
  Resources: resources,
  startIndex: 1,
  itemsPerPage: 20,
});

function setPath(resource: Record<string, unknown>, path: string, value: unknown): void {
  const work = /^emails\[type eq "work"\]\.value$/.exec(path);
  if (work) {
    resource.emails = [{ primary: true, type: 'work', value }];
    return;
  }
  const [head, tail] = path.split('.');
  if (head === undefined) return;
  if (tail === undefined) resource[head] = value;
  else resource[head] = { ...(resource[head] as object | undefined), [tail]: value };
}

/** Applies the PATCH forms Entra sends, both dialects, leniently. */
function applyPatch(resource: Resource, operations: Record<string, unknown>[]): void {
  for (const { op, path, value } of operations) {
    const name = String(op).toLowerCase();
    const members = (resource.members as { value: string }[] | undefined) ?? [];
    if (path === 'members' && name === 'add') {
      resource.members = [
        ...members,
        ...(value as { value: string }[]).map((m) => ({ value: m.value })),
      ];
    } else if (path === 'members' && name === 'remove') {
      const gone = new Set((value as { value: string }[]).map((m) => m.value));
      resource.members = members.filter((m) => !gone.has(m.value));
    } else if (typeof path === 'string' && path.startsWith('members[')) {
      const id = /"(.*)"/.exec(path)?.[1];
      resource.members = members.filter((m) => m.value !== id);
    } else if (typeof path === 'string') {
      setPath(resource, path, value);
    } else {
      for (const [key, inner] of Object.entries(value as object)) setPath(resource, key, inner);
    }
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text === '' ? null : (JSON.parse(text) as Record<string, unknown>);
}

/**
 * A small SCIM 2.0 server on 127.0.0.1 for fault tests: in-memory Users and Groups, `eq` filters,
 * POST, GET, PATCH (both of Entra's dialects) and DELETE, every request recorded, and a `fault`
 * hook that can answer instead.
 */
export async function startScimDouble(options: ScimDoubleOptions) {
  const store = { Users: new Map<string, Resource>(), Groups: new Map<string, Resource>() };
  const received: DoubleRequest[] = [];
  const answer = (response: ServerResponse, reply: DoubleReply): void => {
    response.writeHead(reply.status, { 'content-type': 'application/scim+json' });
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  };
  const handle = (request: DoubleRequest): DoubleReply => {
    const [, kind, id] = request.path.split('/') as [string, 'Users' | 'Groups', string?];
    const resources = store[kind];
    if (request.method === 'GET' && id === undefined) {
      const filter = /^(\w+) eq "(.*)"$/.exec(request.query.get('filter') ?? '');
      const all = [...resources.values()];
      const found = filter ? all.filter((r) => r[filter[1] ?? ''] === filter[2]) : all;
      return { status: 200, body: list(found) };
    }
    if (request.method === 'POST') {
      const created: Resource = { ...request.body, id: randomUUID() };
      resources.set(created.id, created);
      return { status: 201, body: created };
    }
    const resource = resources.get(id ?? '');
    if (resource === undefined) return scimError(404, `Resource ${id ?? ''} not found`);
    if (request.method === 'GET') return { status: 200, body: resource };
    if (request.method === 'DELETE') {
      resources.delete(resource.id);
      return { status: 204 };
    }
    applyPatch(resource, (request.body?.Operations as Record<string, unknown>[] | undefined) ?? []);
    return {
      status: kind === 'Groups' ? 204 : 200,
      body: kind === 'Groups' ? undefined : resource,
    };
  };
  const server = createServer((incoming, response) => {
    void readJson(incoming).then((body) => {
      const url = new URL(incoming.url ?? '/', 'http://double');
      const request: DoubleRequest = {
        method: incoming.method ?? 'GET',
        path: url.pathname.replace(/^\/scim/, ''),
        query: url.searchParams,
        authorization: incoming.headers.authorization ?? '',
        body,
      };
      received.push(request);
      if (request.authorization !== `Bearer ${options.token}`) {
        answer(response, scimError(401, 'The bearer token is not valid.'));
        return;
      }
      answer(response, options.fault?.(request, received.length) ?? handle(request));
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    tenantUrl: `http://127.0.0.1:${port}/scim`,
    received,
    store,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type ScimDouble = Awaited<ReturnType<typeof startScimDouble>>;

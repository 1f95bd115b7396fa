import { randomUUID } from 'node:crypto';

import SCIMMY from 'scimmy';

/** A SCIM resource as the sandbox keeps it: plain JSON with `id` and `meta`. */
export type StoredResource = Record<string, unknown> & {
  id: string;
  meta: { resourceType: string; created: string; lastModified: string };
};

type Kind = 'User' | 'Group';

/** A resource written (created or replaced) or removed, as the store now keeps it (or kept it). */
export interface ScimChange {
  kind: Kind;
  resource: StoredResource;
  removed: boolean;
}

/** The attribute that must be unique per kind (Entra matches on it). */
const UNIQUE_ATTRIBUTE: Record<Kind, string> = { User: 'userName', Group: 'displayName' };

/** A SCIM error for the routers to answer with; `scimType` is omitted when there is none. */
export function scimError(status: number, message: string, scimType?: string): Error {
  // SCIMMY's typings want a string, but its own code passes null for "no scimType".
  return new SCIMMY.Types.Error(status, scimType ?? (null as unknown as string), message);
}

function notFound(id: string): Error {
  return scimError(404, `Resource ${id} not found`);
}

type Expression = Record<string, unknown>;

/** A filter expression with every value compared against `userName` in lower case. */
function foldUserName(expression: Expression): Expression {
  const fold = (value: unknown): unknown =>
    typeof value === 'string' ? value.toLowerCase() : value;
  return Object.fromEntries(
    Object.entries(expression).map(([key, value]) => {
      if (key.toLowerCase() === 'username' && Array.isArray(value)) return [key, value.map(fold)];
      const nested = value !== null && typeof value === 'object' && !Array.isArray(value);
      return [key, nested ? foldUserName(value as Expression) : value];
    }),
  );
}

/**
 * The resources a filter matches, with `userName` compared in any case: RFC 7643 gives it
 * `"caseExact": false` (§8.7.1), and Entra looks a user up by it in whatever case its
 * source holds (use-scim-to-provision-users-and-groups.md, "Get User by query"). SCIMMY compares
 * exactly, so both sides are folded to lower case; what is stored keeps the case it was sent in.
 */
export function matching<T extends Record<string, unknown>>(
  filter: SCIMMY.Types.Filter,
  all: T[],
): T[] {
  const folded = all.map((item) =>
    typeof item.userName === 'string' ? { ...item, userName: item.userName.toLowerCase() } : item,
  );
  const expressions = JSON.parse(JSON.stringify([...filter])) as Expression[];
  const matched: unknown[] = new SCIMMY.Types.Filter(expressions.map(foldUserName)).match(folded);
  return all.filter((_item, index) => matched.includes(folded[index]));
}

/**
 * One SCIM connection's users and groups, in memory. Every connection of the sandbox has its
 * own store, so what Entra (or the probe) writes through one token is invisible to another.
 */
export class ScimStore {
  private readonly resources: Record<Kind, Map<string, StoredResource>> = {
    User: new Map(),
    Group: new Map(),
  };

  private readonly listeners: ((change: ScimChange) => void)[] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Calls `listener` after every write and removal: the stand-in's members follow their users. */
  subscribe(listener: (change: ScimChange) => void): void {
    this.listeners.push(listener);
  }

  /** Every resource of a kind, oldest first. */
  list(kind: Kind): StoredResource[] {
    return [...this.resources[kind].values()];
  }

  /** Egress: one resource by id (404 when absent), or all of them filtered by the request. */
  read(kind: Kind, resource: SCIMMY.Types.Resource): StoredResource | StoredResource[] {
    if (resource.id !== undefined) {
      const found = this.resources[kind].get(resource.id);
      if (!found) throw notFound(resource.id);
      return structuredClone(found);
    }
    const all = this.list(kind).map((item) => structuredClone(item));
    return resource.filter ? matching(resource.filter, all) : all;
  }

  /** Ingress: creates (no id) or replaces (id) a resource; 409 when the unique attribute is taken. */
  write(kind: Kind, id: string | undefined, instance: object): StoredResource {
    const data = JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
    delete data.schemas;
    const map = this.resources[kind];
    const existing = id === undefined ? undefined : map.get(id);
    if (id !== undefined && !existing) throw notFound(id);
    this.assertUnique(kind, data, id);
    const at = this.now().toISOString();
    const stored: StoredResource = {
      ...data,
      id: existing?.id ?? randomUUID().replace(/-/g, ''),
      meta: { resourceType: kind, created: existing?.meta.created ?? at, lastModified: at },
    };
    map.set(stored.id, stored);
    this.notify({ kind, resource: stored, removed: false });
    return structuredClone(stored);
  }

  /** Degress: deletes a resource (404 when absent) and drops it from every group. */
  remove(kind: Kind, id: string | undefined): void {
    const removed = id === undefined ? undefined : this.resources[kind].get(id);
    if (id === undefined || !removed) throw notFound(id ?? '(none)');
    this.resources[kind].delete(id);
    this.notify({ kind, resource: removed, removed: true });
    if (kind !== 'User') return;
    for (const group of this.resources.Group.values()) {
      const members = group.members;
      if (Array.isArray(members)) {
        group.members = members.filter((m) => (m as { value?: unknown }).value !== id);
      }
    }
  }

  private notify(change: ScimChange): void {
    for (const listener of this.listeners) listener(structuredClone(change));
  }

  private assertUnique(kind: Kind, data: Record<string, unknown>, ownId: string | undefined): void {
    const attribute = UNIQUE_ATTRIBUTE[kind];
    const value = data[attribute];
    if (typeof value !== 'string') return;
    const clash = this.list(kind).find((item) => {
      const other = item[attribute];
      return (
        item.id !== ownId &&
        typeof other === 'string' &&
        other.toLowerCase() === value.toLowerCase()
      );
    });
    if (clash) {
      throw scimError(409, `${attribute} "${value}" is already in use`, 'uniqueness');
    }
  }
}

/** What the SCIM routers pass to the resource handlers: the store of the addressed connection. */
export interface ScimRequestContext {
  store: ScimStore;
}

function storeOf(ctx: unknown): ScimStore {
  const store = (ctx as Partial<ScimRequestContext> | undefined)?.store;
  if (!(store instanceof ScimStore)) {
    throw scimError(500, 'No SCIM store for this request');
  }
  return store;
}

let declared = false;

/**
 * Declares Users and Groups to SCIMMY (a process-wide singleton) once. The handlers keep no
 * state: each request's context names the connection's store, so any number of sandbox SCIM
 * servers can share one process. Must run before a router is constructed.
 */
export function declareScimResources(): void {
  if (declared) return;
  declared = true;
  for (const kind of ['User', 'Group'] as const) {
    SCIMMY.Resources.declare(SCIMMY.Resources[kind], {
      ingress: (resource: SCIMMY.Types.Resource, instance: object, ctx: unknown) =>
        storeOf(ctx).write(kind, resource.id, instance),
      egress: (resource: SCIMMY.Types.Resource, ctx: unknown) => storeOf(ctx).read(kind, resource),
      degress: (resource: SCIMMY.Types.Resource, ctx: unknown) =>
        storeOf(ctx).remove(kind, resource.id),
    });
  }
}

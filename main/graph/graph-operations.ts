import { operationTable, type OperationRow, type RowParams } from '../http/operation-table';
import { GRAPH_ACTIONS, type GraphActionName } from '../../shared/entra/graph-permissions';

/**
 * The Graph versions the app calls: v1.0 for everything it can; `beta` only for an operation v1.0
 * does not have, marked `apiVersion: 'beta'` on its row.
 */
export type GraphApiVersion = 'v1.0' | 'beta';

/**
 * What one Graph call needs from the signed-in admin: the least-privileged delegated scope(s) and
 * the Entra role(s) that allow it. Each operation names its row of the one permission table that
 * sign-in asks from (shared/entra/graph-permissions.ts, reference graph-provisioning.md §5);
 * error hints quote it.
 */
export interface GraphNeeds {
  scopes: readonly string[];
  roles: string;
}

/**
 * THE list of Microsoft Graph calls the app makes (reference §1–§4), by the name logs, the
 * client, error hints and the stand-in's routes use. `{name}` marks a path parameter. Every call
 * is v1.0 unless its row says `apiVersion: 'beta'` (the transport then sends it to
 * `…/beta/…`, graphBaseUrl below).
 * `idempotent` calls are retried on 502/503/504 and resets; every call is retried on 429, which
 * Graph sends before doing anything (concepts/throttling.md). `replicates` marks calls on an
 * object that may have just been created: a 404 `Request_ResourceNotFound` is retried with
 * backoff (reference §1, "Replication delay").
 */
export const GRAPH_OPERATIONS = {
  // §1: find or create the non-gallery enterprise app.
  'servicePrincipals.list': {
    method: 'GET',
    path: '/servicePrincipals',
    action: 'read-apps',
    idempotent: true,
    replicates: false,
  },
  'servicePrincipals.get': {
    method: 'GET',
    path: '/servicePrincipals/{spId}',
    action: 'read-apps',
    idempotent: true,
    replicates: true,
  },
  'applicationTemplates.instantiate': {
    method: 'POST',
    path: '/applicationTemplates/{templateId}/instantiate',
    action: 'create-app',
    idempotent: false,
    replicates: false,
  },
  // §2: the provisioning (synchronization) API on the service principal.
  'jobs.list': {
    method: 'GET',
    path: '/servicePrincipals/{spId}/synchronization/jobs',
    action: 'read-provisioning',
    idempotent: true,
    replicates: true,
  },
  // [G-templates]: which provisioning templates the app offers (`scim` for a new non-gallery
  // app, reference §2 "Which template"); read before creating a job to pick its template.
  'templates.list': {
    method: 'GET',
    path: '/servicePrincipals/{spId}/synchronization/templates',
    action: 'read-provisioning',
    idempotent: true,
    replicates: true,
  },
  'jobs.create': {
    method: 'POST',
    path: '/servicePrincipals/{spId}/synchronization/jobs',
    action: 'configure-provisioning',
    idempotent: false,
    replicates: true,
  },
  'jobs.get': {
    method: 'GET',
    path: '/servicePrincipals/{spId}/synchronization/jobs/{jobId}',
    action: 'read-provisioning',
    idempotent: true,
    replicates: true,
  },
  'jobs.validateCredentials': {
    method: 'POST',
    path: '/servicePrincipals/{spId}/synchronization/jobs/{jobId}/validateCredentials',
    action: 'configure-provisioning',
    idempotent: true,
    replicates: true,
  },
  // Beta only: v1.0 documents PUT alone (reference §2 "Secrets": a (beta) `GET …/secrets`
  // exists; Entra's skip-out-of-scope-deletions how-to reads the list, appends a key and PUTs
  // the whole list back). Whether it echoes SecretToken is [unconfirmed]. Its permission is not
  // in the reference's table (§5 lists only "secrets PUT": Synchronization.ReadWrite.All); it
  // asks for that same row, which the PUT right after it needs anyway, so reading adds no
  // consent and a read that wants more than Synchronization.Read.All still has it. Not
  // `replicates`: its 404 is an answer (this tenant's beta does not serve it, and the save goes
  // on without it), not worth two minutes of replication waits; by the time credentials are
  // saved the job was already created on this app, and the PUT still waits out replication.
  'secrets.list': {
    method: 'GET',
    path: '/servicePrincipals/{spId}/synchronization/secrets',
    apiVersion: 'beta',
    action: 'configure-provisioning',
    idempotent: true,
    replicates: false,
  },
  'secrets.put': {
    method: 'PUT',
    path: '/servicePrincipals/{spId}/synchronization/secrets',
    action: 'configure-provisioning',
    idempotent: true,
    replicates: true,
  },
  'jobs.start': {
    method: 'POST',
    path: '/servicePrincipals/{spId}/synchronization/jobs/{jobId}/start',
    action: 'configure-provisioning',
    idempotent: true,
    replicates: true,
  },
  'jobs.restart': {
    method: 'POST',
    path: '/servicePrincipals/{spId}/synchronization/jobs/{jobId}/restart',
    action: 'configure-provisioning',
    idempotent: true,
    replicates: true,
  },
  'jobs.schema.get': {
    method: 'GET',
    path: '/servicePrincipals/{spId}/synchronization/jobs/{jobId}/schema',
    action: 'read-provisioning',
    idempotent: true,
    replicates: true,
  },
  'jobs.schema.put': {
    method: 'PUT',
    path: '/servicePrincipals/{spId}/synchronization/jobs/{jobId}/schema',
    action: 'configure-provisioning',
    idempotent: true,
    replicates: true,
  },
  // An on-demand run exports the user: repeating it after a lost answer is harmless (the second
  // run finds the user and skips as RedundantExport, reference §2 provisionOnDemand).
  'jobs.provisionOnDemand': {
    method: 'POST',
    path: '/servicePrincipals/{spId}/synchronization/jobs/{jobId}/provisionOnDemand',
    action: 'configure-provisioning',
    idempotent: true,
    replicates: true,
  },
  // §3: assignments.
  'appRoleAssignedTo.list': {
    method: 'GET',
    path: '/servicePrincipals/{spId}/appRoleAssignedTo',
    action: 'read-apps',
    idempotent: true,
    replicates: true,
  },
  'appRoleAssignedTo.create': {
    method: 'POST',
    path: '/servicePrincipals/{spId}/appRoleAssignedTo',
    action: 'assign-users',
    // A repeat answers "already exists", which the client reads as success (reference §3).
    idempotent: true,
    replicates: true,
  },
  // Graph v1.0 "Delete appRoleAssignedTo": 204 No Content. Deleting an id twice changes nothing,
  // so a lost answer may be retried; the repeat's 404 reads as "already gone" in the client. Not
  // `replicates`: the id came from a list read on this app, so a 404 means the assignment is gone,
  // not that the app is still being copied across the directory.
  'appRoleAssignedTo.delete': {
    method: 'DELETE',
    path: '/servicePrincipals/{spId}/appRoleAssignedTo/{assignmentId}',
    action: 'assign-users',
    idempotent: true,
    replicates: false,
  },
  // §4: provisioning logs.
  'auditLogs.provisioning': {
    method: 'GET',
    path: '/auditLogs/provisioning',
    action: 'read-provisioning-logs',
    idempotent: true,
    replicates: false,
  },
  // §5: pickers.
  'users.list': {
    method: 'GET',
    path: '/users',
    action: 'pick-users-and-groups',
    idempotent: true,
    replicates: false,
  },
  'groups.list': {
    method: 'GET',
    path: '/groups',
    action: 'pick-users-and-groups',
    idempotent: true,
    replicates: false,
  },
  // The users a "Sync all users and groups" scope would send: Graph v1.0 "List users", example
  // "Get only a count of users" (user-list.md): `GET /users/$count` with `ConsistencyLevel:
  // eventual` answers `200 text/plain` and a number ("893"). Without the header Graph answers 400
  // "$count is not currently supported." (microsoftgraph/microsoft-graph-docs#13226). Accept asks
  // for that text first, JSON (Graph's error envelope) next.
  'users.count': {
    method: 'GET',
    path: '/users/$count',
    action: 'count-users',
    idempotent: true,
    replicates: false,
    headers: { ConsistencyLevel: 'eventual', Accept: 'text/plain, application/json;q=0.9' },
  },
} as const satisfies Record<
  string,
  OperationRow & {
    apiVersion?: GraphApiVersion;
    action: GraphActionName;
    idempotent: boolean;
    replicates: boolean;
    /** Headers the call needs beyond the transport's own (which they replace). */
    headers?: Readonly<Record<string, string>>;
  }
>;

/** One of {@link GRAPH_OPERATIONS}. */
export type GraphOperation = keyof typeof GRAPH_OPERATIONS;

const table = operationTable(GRAPH_OPERATIONS);

/** Every operation, in the list's order. */
export const GRAPH_OPERATION_NAMES = table.names;

/** The path parameters of an operation, by name, e.g. `{ spId, jobId }`. */
export type GraphPathParams<O extends GraphOperation> = RowParams<(typeof GRAPH_OPERATIONS)[O]>;

/** The path of a call, each parameter URL-encoded (ids come from Graph and from users). */
export const graphPath = table.path;

/** The headers an operation's row adds to the transport's own (none by default). */
export function graphHeaders(operation: GraphOperation): Readonly<Record<string, string>> {
  const row = GRAPH_OPERATIONS[operation];
  return 'headers' in row ? row.headers : {};
}

/** The Graph version an operation is sent to: its row's `apiVersion`, v1.0 by default. */
export function graphApiVersion(operation: GraphOperation): GraphApiVersion {
  const row = GRAPH_OPERATIONS[operation];
  return 'apiVersion' in row ? row.apiVersion : 'v1.0';
}

/**
 * The base URL of a version, from the configured v1.0 base (`https://graph.microsoft.com/v1.0`
 * or the stand-in's `http://127.0.0.1:<port>/v1.0`): its trailing `/v1.0` swapped for `/beta`.
 * Throws for a base without that segment: where its beta is cannot be guessed.
 */
export function graphBaseUrl(v1BaseUrl: string, version: GraphApiVersion): string {
  const base = v1BaseUrl.replace(/\/+$/, '');
  if (version === 'v1.0') return base;
  if (!base.endsWith('/v1.0'))
    throw new Error(`The Graph base URL does not end in /v1.0, so its ${version} is unknown.`);
  return `${base.slice(0, -'/v1.0'.length)}/${version}`;
}

/** The operation a request is for (as the stand-in receives it), with its decoded parameters. */
export const matchGraphOperation = table.match;

/** The scopes and roles an operation needs, for hints and the stand-in's checks. */
export function graphNeeds(operation: GraphOperation): GraphNeeds {
  const { permissions, roles } = GRAPH_ACTIONS[GRAPH_OPERATIONS[operation].action];
  return {
    scopes: permissions,
    roles: roles.length > 0 ? roles.join(' or ') : 'any directory role',
  };
}

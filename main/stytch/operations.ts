import { operationTable, type OperationRow, type RowParams } from '../http/operation-table';

/**
 * THE list of Stytch B2B endpoints (reference A.2–A.9), by the name logs, the client, and the
 * sandbox stand-in's routes, fault rules and request counts use. `{name}` marks a path parameter.
 * The stand-in serves every one of them; the client calls those the app needs.
 */
export const STYTCH_OPERATIONS = {
  'organizations.search': { method: 'POST', path: '/v1/b2b/organizations/search' },
  'organizations.get': { method: 'GET', path: '/v1/b2b/organizations/{organization_id}' },
  // Members search (reference stytch-members-scim.md §1): organization_ids go in the body.
  'members.search': { method: 'POST', path: '/v1/b2b/organizations/members/search' },
  'scim.create': { method: 'POST', path: '/v1/b2b/scim/{organization_id}/connection' },
  'scim.get': { method: 'GET', path: '/v1/b2b/scim/{organization_id}/connection' },
  'scim.update': {
    method: 'PUT',
    path: '/v1/b2b/scim/{organization_id}/connection/{connection_id}',
  },
  'scim.delete': {
    method: 'DELETE',
    path: '/v1/b2b/scim/{organization_id}/connection/{connection_id}',
  },
  'scim.get-groups': {
    method: 'GET',
    path: '/v1/b2b/scim/{organization_id}/connection/{connection_id}',
  },
  'scim.rotate-start': {
    method: 'POST',
    path: '/v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/start',
  },
  'scim.rotate-complete': {
    method: 'POST',
    path: '/v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/complete',
  },
  'scim.rotate-cancel': {
    method: 'POST',
    path: '/v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/cancel',
  },
  // The project's RBAC policy (roles and resources); Stytch's SDK: `rbac.policy()`.
  'rbac.policy': { method: 'GET', path: '/v1/b2b/rbac/policy' },
} as const satisfies Record<string, OperationRow>;

/** One of {@link STYTCH_OPERATIONS}. */
export type StytchOperation = keyof typeof STYTCH_OPERATIONS;

const table = operationTable(STYTCH_OPERATIONS);

/** Every operation, in the list's order. */
export const OPERATION_NAMES = table.names;

/** The path parameters of an operation, by name, e.g. `{ organization_id }`. */
export type PathParams<O extends StytchOperation> = RowParams<(typeof STYTCH_OPERATIONS)[O]>;

/** The path of a call, each parameter URL-encoded (ids come from users and from Stytch). */
export const operationPath = table.path;

/** The operation a request is for (as the stand-in receives it), with its decoded parameters. */
export const matchOperation = table.match;

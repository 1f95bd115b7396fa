/** The HTTP methods Stytch's B2B API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

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
} as const satisfies Record<string, { method: HttpMethod; path: string }>;

/** One of {@link STYTCH_OPERATIONS}. */
export type StytchOperation = keyof typeof STYTCH_OPERATIONS;

/** Every operation, in the list's order. */
export const OPERATION_NAMES = Object.keys(STYTCH_OPERATIONS) as StytchOperation[];

type ParamsOf<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamsOf<Rest>
  : never;

/** The path parameters of an operation, by name, e.g. `{ organization_id }`. */
export type PathParams<O extends StytchOperation> = Record<
  ParamsOf<(typeof STYTCH_OPERATIONS)[O]['path']>,
  string
>;

/** A template split at its parameters: literal text at even indexes, names at odd ones. */
const splitTemplate = (path: string) => path.split(/\{(\w+)\}/);

/** The path of a call, each parameter URL-encoded (ids come from users and from Stytch). */
export function operationPath<O extends StytchOperation>(operation: O, params: PathParams<O>) {
  const values: Record<string, string> = params;
  return splitTemplate(STYTCH_OPERATIONS[operation].path)
    .map((part, index) => (index % 2 === 0 ? part : encodeURIComponent(values[part] ?? '')))
    .join('');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const MATCHERS = OPERATION_NAMES.map((operation) => {
  const parts = splitTemplate(STYTCH_OPERATIONS[operation].path);
  const source = parts
    .map((part, index) => (index % 2 === 0 ? escapeRegExp(part) : '([^/]+)'))
    .join('');
  const names = parts.filter((_, index) => index % 2 === 1);
  return { operation, pattern: new RegExp(`^${source}$`), names };
});

/** The operation a request is for (as the stand-in receives it), with its decoded parameters. */
export function matchOperation(
  method: string,
  path: string,
): { operation: StytchOperation; params: Record<string, string> } | null {
  for (const { operation, pattern, names } of MATCHERS) {
    if (STYTCH_OPERATIONS[operation].method !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    const values = match.slice(1).map((value) => decodeURIComponent(value));
    return {
      operation,
      params: Object.fromEntries(names.map((name, i) => [name, values[i] ?? ''])),
    };
  }
  return null;
}

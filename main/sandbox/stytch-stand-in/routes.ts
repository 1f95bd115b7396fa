import { matchOperation, type StytchOperation } from '../../stytch/operations';
import { StandInError } from './errors';
import { pageOf } from './search';
import type { StandInState } from './state';
import { CREATE_SUCCESS_STATUS, GET_WITHOUT_CONNECTION } from './stytch-behaviour';

/** What a route handler receives; `params` are the path's, by name (`organization_id`, …). */
export interface RouteInput {
  params: Record<string, string>;
  body: Record<string, unknown>;
  query: URLSearchParams;
}

/** What a route handler answers: the body without the envelope (request_id and status_code). */
export interface RouteOutput {
  status: number;
  body: Record<string, unknown>;
}

type RouteHandler = (state: StandInState, input: RouteInput) => RouteOutput;

const ok = (body: Record<string, unknown>): RouteOutput => ({ status: 200, body });

const orgOf = (input: RouteInput) => input.params.organization_id ?? '';
const connectionOf = (input: RouteInput) => input.params.connection_id ?? '';

/** Get groups pages like a search, but `cursor` and `limit` come as query parameters (§3). */
function groupsPage(state: StandInState, input: RouteInput): RouteOutput {
  const all = state.groups(orgOf(input), connectionOf(input));
  const limit = input.query.get('limit');
  const { items, results_metadata } = pageOf(all, {
    cursor: input.query.get('cursor') ?? undefined,
    limit: limit === null ? undefined : Number(limit),
  });
  // `next_cursor` is top-level here, not in results_metadata (stytch-members-scim.md §3).
  return ok({ scim_groups: items, next_cursor: results_metadata.next_cursor });
}

/** Every Stytch operation (main/stytch/operations.ts), with the stand-in's state behind it. */
const ROUTES: Record<StytchOperation, RouteHandler> = {
  'organizations.search': (state, input) => ok({ ...state.search(input.body) }),
  'organizations.get': (state, input) => ok({ organization: state.organization(orgOf(input)) }),
  'members.search': (state, input) =>
    ok({ ...state.members.search(input.body, (id) => state.organization(id)) }),
  'scim.create': (state, input) => ({
    status: CREATE_SUCCESS_STATUS,
    body: { connection: state.createConnection(orgOf(input), input.body) },
  }),
  'scim.get': (state, input) => {
    const connection = state.getConnection(orgOf(input));
    if (connection) return ok({ connection });
    if (GET_WITHOUT_CONNECTION === 'error') throw new StandInError('no_active_scim_connection');
    return ok({});
  },
  'scim.update': (state, input) =>
    ok({ connection: state.updateConnection(orgOf(input), connectionOf(input), input.body) }),
  'scim.delete': (state, input) =>
    ok({ connection_id: state.deleteConnection(orgOf(input), connectionOf(input)) }),
  'scim.get-groups': groupsPage,
  'scim.rotate-start': (state, input) =>
    ok({ connection: state.rotateStart(orgOf(input), connectionOf(input)) }),
  'scim.rotate-complete': (state, input) =>
    ok({ connection: state.rotateComplete(orgOf(input), connectionOf(input)) }),
  'scim.rotate-cancel': (state, input) =>
    ok({ connection: state.rotateCancel(orgOf(input), connectionOf(input)) }),
  'rbac.policy': (state) => ok({ policy: state.rbacPolicy }),
};

/** The route for a method and path: its operation, decoded path parameters, and handler. */
export function matchRoute(
  method: string,
  path: string,
): { operation: StytchOperation; params: Record<string, string>; run: RouteHandler } | null {
  const matched = matchOperation(method, path);
  return matched ? { ...matched, run: ROUTES[matched.operation] } : null;
}

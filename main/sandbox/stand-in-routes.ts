import type { StandInRoute } from './faults';
import { StandInError } from './stand-in-errors';
import type { StandInState } from './stand-in-state';
import { CREATE_SUCCESS_STATUS, GET_WITHOUT_CONNECTION } from './stytch-behaviour';

/** What a route handler receives. */
export interface RouteInput {
  params: string[];
  body: Record<string, unknown>;
  query: URLSearchParams;
}

/** What a route handler answers: the body without the envelope (request_id and status_code). */
export interface RouteOutput {
  status: number;
  body: Record<string, unknown>;
}

interface RouteDefinition {
  route: StandInRoute;
  method: string;
  pattern: RegExp;
  run(state: StandInState, input: RouteInput): RouteOutput;
}

const ID = '([^/]+)';
const CONNECTION = `^/v1/b2b/scim/${ID}/connection`;
const ok = (body: Record<string, unknown>): RouteOutput => ({ status: 200, body });

function param(input: RouteInput, index: number): string {
  return input.params[index] ?? '';
}

function groupsPage(state: StandInState, input: RouteInput): RouteOutput {
  const all = state.groups(param(input, 0), param(input, 1));
  const limit = Number(input.query.get('limit') ?? 100);
  const offset = Number(input.query.get('cursor') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new StandInError('user_search_invalid_limit');
  if (!Number.isInteger(offset) || offset < 0) throw new StandInError('user_search_invalid_cursor');
  const page = all.slice(offset, offset + limit);
  const next = offset + page.length;
  return ok({ scim_groups: page, ...(next < all.length ? { next_cursor: String(next) } : {}) });
}

/** The endpoints of reference A.2 and A.9, with the stand-in's state behind them. */
export const ROUTES: readonly RouteDefinition[] = [
  {
    route: 'organizations.search',
    method: 'POST',
    pattern: /^\/v1\/b2b\/organizations\/search$/,
    run: (state, input) => ok({ ...state.search(input.body) }),
  },
  {
    route: 'organizations.get',
    method: 'GET',
    pattern: new RegExp(`^/v1/b2b/organizations/${ID}$`),
    run: (state, input) => ok({ organization: state.organization(param(input, 0)) }),
  },
  {
    route: 'scim.create',
    method: 'POST',
    pattern: new RegExp(`${CONNECTION}$`),
    run: (state, input) => ({
      status: CREATE_SUCCESS_STATUS,
      body: { connection: state.createConnection(param(input, 0), input.body) },
    }),
  },
  {
    route: 'scim.get',
    method: 'GET',
    pattern: new RegExp(`${CONNECTION}$`),
    run: (state, input) => {
      const connection = state.getConnection(param(input, 0));
      if (connection) return ok({ connection });
      if (GET_WITHOUT_CONNECTION === 'error') throw new StandInError('no_active_scim_connection');
      return ok({});
    },
  },
  {
    route: 'scim.update',
    method: 'PUT',
    pattern: new RegExp(`${CONNECTION}/${ID}$`),
    run: (state, input) =>
      ok({ connection: state.updateConnection(param(input, 0), param(input, 1), input.body) }),
  },
  {
    route: 'scim.delete',
    method: 'DELETE',
    pattern: new RegExp(`${CONNECTION}/${ID}$`),
    run: (state, input) =>
      ok({ connection_id: state.deleteConnection(param(input, 0), param(input, 1)) }),
  },
  {
    route: 'scim.get-groups',
    method: 'GET',
    pattern: new RegExp(`${CONNECTION}/${ID}$`),
    run: groupsPage,
  },
  {
    route: 'scim.rotate-start',
    method: 'POST',
    pattern: new RegExp(`${CONNECTION}/${ID}/rotate/start$`),
    run: (state, input) => ok({ connection: state.rotateStart(param(input, 0), param(input, 1)) }),
  },
  {
    route: 'scim.rotate-complete',
    method: 'POST',
    pattern: new RegExp(`${CONNECTION}/${ID}/rotate/complete$`),
    run: (state, input) =>
      ok({ connection: state.rotateComplete(param(input, 0), param(input, 1)) }),
  },
  {
    route: 'scim.rotate-cancel',
    method: 'POST',
    pattern: new RegExp(`${CONNECTION}/${ID}/rotate/cancel$`),
    run: (state, input) => ok({ connection: state.rotateCancel(param(input, 0), param(input, 1)) }),
  },
];

/** The route for a method and path, with its decoded path parameters. */
export function matchRoute(
  method: string,
  path: string,
): { definition: RouteDefinition; params: string[] } | null {
  for (const definition of ROUTES) {
    if (definition.method !== method) continue;
    const match = definition.pattern.exec(path);
    if (match) return { definition, params: match.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return null;
}

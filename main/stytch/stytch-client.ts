import type { z } from 'zod';

import {
  ConnectionResponseSchema,
  CreateConnectionResponseSchema,
  DeleteConnectionResponseSchema,
  GetConnectionResponseSchema,
  GetGroupsResponseSchema,
  RbacPolicyResponseSchema,
  RotateStartResponseSchema,
  SearchMembersResponseSchema,
  SearchOrganizationsResponseSchema,
  type ImplicitRoleAssignment,
  type PolicyRole,
  type ScimConnection,
  type ScimConnectionWithNextToken,
  type ScimConnectionWithToken,
  type ScimGroup,
  type SearchMembersResponse,
  type SearchOrganizationsResponse,
} from '../../shared/stytch/api-schemas';
import { registerSecret } from '../logging/redact';
import { StytchCallError, type StytchTransport } from './stytch-transport';

/** One operand of an organization search query (reference A.9). A type, so it fits the SDK's open operand. */
export type SearchOperand = {
  filter_name: string;
  filter_value: string | string[] | boolean;
};

/** The body of `POST /v1/b2b/organizations/search`. */
export interface SearchOrganizationsRequest {
  cursor?: string;
  limit?: number;
  query?: { operator: 'AND' | 'OR'; operands: SearchOperand[] };
}

/** The body of `POST /v1/b2b/organizations/members/search` (reference stytch-members-scim.md §1). */
export interface SearchMembersRequest {
  organization_ids: string[];
  cursor?: string;
  /** Default 100, max 1000. */
  limit?: number;
  /** `OR` is deprecated and no longer supported (§1), so only `AND` is offered. */
  query?: { operator: 'AND'; operands: SearchOperand[] };
}

/** One page of a connection's SCIM groups; `nextCursor` is null on the last page. */
export interface GroupsPage {
  groups: ScimGroup[];
  nextCursor: string | null;
}

/** What the app sends to create a connection. */
export interface CreateConnectionInput {
  displayName: string;
  identityProvider: string;
}

/** The body of Create (reference A.3): both fields optional at Stytch, both always sent here. */
export function createConnectionBody(input: CreateConnectionInput) {
  return { display_name: input.displayName, identity_provider: input.identityProvider };
}

/**
 * The body of Update (`PUT …/connection/{connection_id}`): every field optional at Stytch. The
 * app always sends the connection's current name and identity provider with the assignments:
 * whether Stytch keeps an omitted field or clears it is not documented (group-roles.ts).
 * [Uncertain] Each assignment has the two fields Stytch's Update page says it "must contain"
 * (group_id, role_id); the SDK's request type reuses the answer's entry, with group_name too.
 */
export interface UpdateConnectionBody {
  display_name: string;
  identity_provider: string;
  scim_group_implicit_role_assignments: { group_id: string; role_id: string }[];
}

/** Timeouts by kind of call. Search can take up to 9 s at Stytch (reference A.8). */
export interface StytchTimeouts {
  readMs: number;
  writeMs: number;
  searchMs: number;
}

/** The app's defaults. */
export const DEFAULT_TIMEOUTS: StytchTimeouts = {
  readMs: 15_000,
  writeMs: 20_000,
  searchMs: 20_000,
};

/**
 * The Stytch B2B calls the app makes, one method per endpoint (endpoints in operations.ts, bodies
 * per reference A.2–A.9). Idempotent calls retry; Create and Rotate Start are sent exactly once (see
 * safe-writes.ts for what happens after an ambiguous failure).
 */
export class StytchClient {
  constructor(
    private readonly transport: StytchTransport,
    private readonly timeouts: StytchTimeouts = DEFAULT_TIMEOUTS,
  ) {}

  /** `POST /v1/b2b/organizations/search`. */
  async searchOrganizations(
    request: SearchOrganizationsRequest,
  ): Promise<SearchOrganizationsResponse> {
    return this.search('organizations.search', request, SearchOrganizationsResponseSchema);
  }

  /** `POST /v1/b2b/organizations/members/search`: one page. */
  async searchMembers(request: SearchMembersRequest): Promise<SearchMembersResponse> {
    return this.search('members.search', request, SearchMembersResponseSchema);
  }

  /** `GET …/connection/{connection_id}` with `cursor`/`limit` (§3): one page of SCIM groups. */
  async getGroups(
    organizationId: string,
    connectionId: string,
    page: { cursor?: string; limit?: number } = {},
  ): Promise<GroupsPage> {
    const result = await this.transport.call({
      operation: 'scim.get-groups',
      params: { organization_id: organizationId, connection_id: connectionId },
      query: { cursor: page.cursor, limit: page.limit },
      schema: GetGroupsResponseSchema,
      idempotent: true,
      timeoutMs: this.timeouts.readMs,
    });
    return { groups: result.data.scim_groups, nextCursor: result.data.next_cursor ?? null };
  }

  /**
   * The connection's group → role assignments (§3), read from Get connection; null when the
   * org's active connection is no longer this one.
   */
  async groupRoleAssignments(
    organizationId: string,
    connectionId: string,
  ): Promise<ImplicitRoleAssignment[] | null> {
    const connection = await this.getConnection(organizationId);
    if (connection?.connection_id !== connectionId) return null;
    return connection.scim_group_implicit_role_assignments;
  }

  /**
   * `PUT …/connection/{connection_id}`: the answer is the connection as Stytch now holds it.
   * Retried like a read: sending the same whole body twice leaves the same connection.
   */
  async updateConnection(
    organizationId: string,
    connectionId: string,
    body: UpdateConnectionBody,
  ): Promise<ScimConnection> {
    const result = await this.transport.call({
      operation: 'scim.update',
      params: { organization_id: organizationId, connection_id: connectionId },
      body,
      schema: ConnectionResponseSchema,
      idempotent: true,
      timeoutMs: this.timeouts.writeMs,
    });
    return result.data.connection;
  }

  /**
   * `GET /v1/b2b/rbac/policy`: the project's roles, Stytch's defaults (`stytch_member`,
   * `stytch_admin`) included. [Uncertain] Roles an organization defines for itself (its own
   * org policy, `GET /v1/b2b/rbac/organizations/{organization_id}`) are not read: whether a SCIM
   * group may be mapped to one is not documented.
   */
  async rbacRoles(): Promise<PolicyRole[]> {
    const result = await this.transport.call({
      operation: 'rbac.policy',
      params: {},
      schema: RbacPolicyResponseSchema,
      idempotent: true,
      timeoutMs: this.timeouts.readMs,
    });
    return result.data.policy?.roles ?? [];
  }

  /**
   * `GET …/connection`: the org's connection, or null when it has none (whether Stytch says so
   * with an empty body or with `no_active_scim_connection`).
   */
  async getConnection(organizationId: string): Promise<ScimConnection | null> {
    try {
      const result = await this.transport.call({
        operation: 'scim.get',
        params: { organization_id: organizationId },
        schema: GetConnectionResponseSchema,
        idempotent: true,
        timeoutMs: this.timeouts.readMs,
      });
      const connection = result.data.connection;
      return connection && connection.status !== 'deleted' ? connection : null;
    } catch (error) {
      if (error instanceof StytchCallError && error.facts.errorType === 'no_active_scim_connection')
        return null;
      throw error;
    }
  }

  /** `POST …/connection`, sent once. The token in the answer exists nowhere else. */
  async createConnection(
    organizationId: string,
    input: CreateConnectionInput,
  ): Promise<ScimConnectionWithToken> {
    const result = await this.transport.call({
      operation: 'scim.create',
      params: { organization_id: organizationId },
      body: createConnectionBody(input),
      schema: CreateConnectionResponseSchema,
      idempotent: false,
      timeoutMs: this.timeouts.writeMs,
    });
    registerSecret(result.data.connection.bearer_token, 'stytch');
    return result.data.connection;
  }

  /**
   * `DELETE …/connection/{connection_id}` (the SDK sends `{}`; so does the app). When a retry
   * after a lost answer finds the connection gone, the first attempt did it: that is success.
   */
  async deleteConnection(
    organizationId: string,
    connectionId: string,
  ): Promise<{ connectionId: string }> {
    try {
      const result = await this.transport.call({
        operation: 'scim.delete',
        params: { organization_id: organizationId, connection_id: connectionId },
        body: {},
        schema: DeleteConnectionResponseSchema,
        idempotent: true,
        timeoutMs: this.timeouts.writeMs,
      });
      return { connectionId: result.data.connection_id };
    } catch (error) {
      const gone =
        error instanceof StytchCallError &&
        error.facts.earlierAttemptAmbiguous &&
        error.appError.code === 'STYTCH_SCIM_CONNECTION_NOT_FOUND';
      if (gone) return { connectionId };
      throw error;
    }
  }

  /** `POST …/rotate/start`, sent once. The next token in the answer exists nowhere else. */
  async rotateStart(
    organizationId: string,
    connectionId: string,
  ): Promise<ScimConnectionWithNextToken> {
    const result = await this.transport.call({
      operation: 'scim.rotate-start',
      params: { organization_id: organizationId, connection_id: connectionId },
      body: {},
      schema: RotateStartResponseSchema,
      idempotent: false,
      timeoutMs: this.timeouts.writeMs,
    });
    registerSecret(result.data.connection.next_bearer_token, 'stytch');
    return result.data.connection;
  }

  /** `POST …/rotate/complete`: the next token becomes the only valid one. */
  async rotateComplete(organizationId: string, connectionId: string): Promise<ScimConnection> {
    return this.finishRotation(organizationId, connectionId, 'complete');
  }

  /** `POST …/rotate/cancel`: the next token is dropped; the current one stays. */
  async rotateCancel(organizationId: string, connectionId: string): Promise<ScimConnection> {
    return this.finishRotation(organizationId, connectionId, 'cancel');
  }

  /** A search: a POST that only reads, so it is retried, with the longer search timeout. */
  private async search<S extends z.ZodType>(
    operation: 'organizations.search' | 'members.search',
    body: object,
    schema: S,
  ): Promise<z.output<S>> {
    const result = await this.transport.call({
      operation,
      params: {},
      body,
      schema,
      idempotent: true,
      timeoutMs: this.timeouts.searchMs,
    });
    return result.data;
  }

  private async finishRotation(
    organizationId: string,
    connectionId: string,
    step: 'complete' | 'cancel',
  ) {
    const result = await this.transport.call({
      operation: `scim.rotate-${step}`,
      params: { organization_id: organizationId, connection_id: connectionId },
      body: {},
      schema: ConnectionResponseSchema,
      idempotent: true,
      timeoutMs: this.timeouts.writeMs,
    });
    return result.data.connection;
  }
}

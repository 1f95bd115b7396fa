import { randomBytes, randomUUID } from 'node:crypto';

import type {
  Organization,
  Policy,
  SCIMConnection,
  SCIMConnectionWithNextToken,
  SCIMConnectionWithToken,
  SCIMGroup,
} from 'stytch';

import { assignmentsView, groupNameOf, updatedAssignments } from './group-roles';
import { SEEDED_RBAC_POLICY } from './rbac-policy';
import { searchOrganizations, type SearchPage } from './organization-search';
import { organizationView } from './organization-view';
import type { SandboxScimServer, ScimFault } from '../scim-server/scim-server';
import { StandInError } from './errors';
import { StandInMembers } from './members';
import type { ConnectionRecord, OrgRecord, Token } from './records';
import {
  DEFAULT_IDENTITY_PROVIDER,
  IDENTITY_PROVIDERS,
  PENDING_TOKEN_ACCEPTED,
  ROTATE_START_WHILE_ROTATING,
  stytchBaseUrl,
  TOKEN_LIFETIME_DAYS,
} from './stytch-behaviour';

/** An organization to seed. */
export interface OrganizationSeed {
  organization_id?: string;
  organization_name: string;
  organization_slug: string;
  /** The fault every SCIM endpoint of this org's connections gets (see ScimFault). */
  scimFault?: ScimFault;
  /** Seeds an existing connection too (its token is known to nobody: rotate to get one). */
  connection?: {
    display_name: string;
    identity_provider: string;
    /** Its token's lifetime from now, when not Stytch's usual (to show a token about to expire). */
    tokenExpiresInDays?: number;
    /** A rotation started and never finished (its next token known to nobody). */
    rotationPending?: boolean;
    /**
     * As if made through the app: its token is handed to the app's keychain when the sandbox
     * starts ({@link StandInState.takeHandedTokens}), so the health sweep can use it.
     */
    heldByApp?: boolean;
  };
}

/** A seeded connection's token, handed to the app as Create's answer would have been. */
export interface HandedToken {
  organizationId: string;
  connectionId: string;
  token: string;
}

/** A token in the shape of Stytch's examples: 48 letters and digits. */
function newToken(): string {
  return randomBytes(48)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 48);
}

/**
 * The stand-in's Stytch project: organizations, one active SCIM connection per organization, and
 * the rotation state machine (current token + next token; complete promotes, cancel drops). Plain
 * tokens leave this object only in the answers of Create and Rotate Start.
 */
export class StandInState {
  private readonly orgs: OrgRecord[] = [];
  /** The orgs' members: the users written through their connections' SCIM endpoints. */
  readonly members = new StandInMembers(() => this.now());
  private handed: HandedToken[] = [];
  /**
   * Whether a rotation's pending token is accepted before Complete (see PENDING_TOKEN_ACCEPTED);
   * changed by tests and the sandbox for rotations started afterwards.
   */
  pendingToken: 'until-complete' | 'at-once' = PENDING_TOKEN_ACCEPTED;
  /** The project's RBAC policy (Get RBAC Policy); a test may replace it. */
  rbacPolicy: Policy = structuredClone(SEEDED_RBAC_POLICY);

  constructor(
    /** One SCIM endpoint per connection. */
    private readonly scim: SandboxScimServer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds an organization (and its seeded connection, if any); answers its id. */
  addOrganization(seed: OrganizationSeed): string {
    const org: OrgRecord = {
      organization_id: seed.organization_id ?? `organization-test-${randomUUID()}`,
      organization_name: seed.organization_name,
      organization_slug: seed.organization_slug,
      created_at: this.now().toISOString(),
      scimFault: seed.scimFault ?? 'none',
      active: null,
      history: [],
    };
    this.orgs.push(org);
    if (seed.connection) {
      const { tokenExpiresInDays, rotationPending, heldByApp, ...body } = seed.connection;
      const created = this.createConnection(org.organization_id, body);
      if (tokenExpiresInDays !== undefined && org.active) {
        org.active.current.expiresAt = this.expiryIn(tokenExpiresInDays);
      }
      if (heldByApp === true) {
        const { organization_id, connection_id, bearer_token } = created;
        this.handed.push({
          organizationId: organization_id,
          connectionId: connection_id,
          token: bearer_token,
        });
      }
      if (rotationPending === true) this.rotateStart(org.organization_id, created.connection_id);
    }
    return org.organization_id;
  }

  /** The seeded tokens the app is to keep, once: later calls answer none. */
  takeHandedTokens(): HandedToken[] {
    const handed = this.handed;
    this.handed = [];
    return handed;
  }

  /** Search organizations (reference A.9). */
  search(body: unknown): SearchPage<Organization> {
    const page = searchOrganizations(this.orgs, body);
    return { ...page, organizations: page.organizations.map((org) => organizationView(org)) };
  }

  /** Get organization, by id or slug. */
  organization(ref: string): Organization {
    return organizationView(this.org(ref));
  }

  /** Create: one active connection per org; the answer is the only place the token appears. */
  createConnection(
    orgRef: string,
    body: { display_name?: unknown; identity_provider?: unknown },
  ): SCIMConnectionWithToken {
    const org = this.org(orgRef);
    if (org.active) throw new StandInError('active_scim_connection_exists');
    const identityProvider =
      this.identityProvider(body.identity_provider) ?? DEFAULT_IDENTITY_PROVIDER;
    const record: ConnectionRecord = {
      connection_id: `scim-connection-test-${randomUUID()}`,
      organization_id: org.organization_id,
      display_name: typeof body.display_name === 'string' ? body.display_name : '',
      identity_provider: identityProvider,
      status: 'active',
      current: this.newTokenRecord(),
      next: null,
      roleAssignments: [],
    };
    org.active = record;
    org.history.push(record);
    // Stytch's SCIM server takes Entra's legacy dialect (its Entra guide needs no server option),
    // so the sandbox's does too (scim-server.ts, entraCompat).
    this.scim.open(record.connection_id, [record.current.value], org.scimFault, {
      entraCompat: true,
    });
    this.members.follow(record, this.scim.storeOf(record.connection_id));
    return { ...this.coreView(record), bearer_token: record.current.value };
  }

  /** Get: the org's active connection, or null. */
  getConnection(orgRef: string): SCIMConnection | null {
    const active = this.org(orgRef).active;
    return active ? this.connectionView(active) : null;
  }

  /** Update: display name, identity provider (which recomputes base_url). */
  updateConnection(
    orgRef: string,
    connectionId: string,
    body: {
      display_name?: unknown;
      identity_provider?: unknown;
      scim_group_implicit_role_assignments?: unknown;
    },
  ): SCIMConnection {
    const record = this.connection(orgRef, connectionId);
    const identityProvider = this.identityProvider(body.identity_provider);
    const groups = this.scim.storeOf(connectionId)?.list('Group') ?? [];
    const assignments = body.scim_group_implicit_role_assignments;
    if (assignments !== undefined)
      record.roleAssignments = updatedAssignments(
        record.roleAssignments,
        assignments,
        groups,
        new Set(this.rbacPolicy.roles.map((role) => role.role_id)),
      );
    if (identityProvider) record.identity_provider = identityProvider;
    if (typeof body.display_name === 'string') record.display_name = body.display_name;
    return this.connectionView(record);
  }

  /** Delete: the connection goes, and so does its SCIM endpoint. */
  deleteConnection(orgRef: string, connectionId: string): string {
    const org = this.org(orgRef);
    const record = this.connection(orgRef, connectionId);
    record.status = 'deleted';
    org.active = null;
    this.scim.close(record.connection_id);
    return record.connection_id;
  }

  /**
   * Rotate start: issues the next token. The current one keeps working until complete or cancel;
   * the next one only from complete on, unless `pendingToken` is `'at-once'`.
   */
  rotateStart(orgRef: string, connectionId: string): SCIMConnectionWithNextToken {
    const record = this.connection(orgRef, connectionId);
    if (record.next && ROTATE_START_WHILE_ROTATING === 'error') {
      throw new StandInError('internal_server_error', 'A token rotation is already in progress.');
    }
    record.next = this.newTokenRecord();
    const accepted =
      this.pendingToken === 'at-once'
        ? [record.current.value, record.next.value]
        : [record.current.value];
    this.scim.setTokens(record.connection_id, accepted);
    return {
      ...this.coreView(record),
      bearer_token_last_four: record.current.value.slice(-4),
      next_bearer_token: record.next.value,
      next_bearer_token_expires_at: record.next.expiresAt,
    };
  }

  /** Rotate complete: the next token replaces the current one. */
  rotateComplete(orgRef: string, connectionId: string): SCIMConnection {
    const record = this.rotating(orgRef, connectionId);
    record.current = record.next as Token;
    record.next = null;
    this.scim.setTokens(record.connection_id, [record.current.value]);
    return this.connectionView(record);
  }

  /** Rotate cancel: the next token is dropped. */
  rotateCancel(orgRef: string, connectionId: string): SCIMConnection {
    const record = this.rotating(orgRef, connectionId);
    record.next = null;
    this.scim.setTokens(record.connection_id, [record.current.value]);
    return this.connectionView(record);
  }

  /** Get groups: the SCIM groups Entra pushed to this connection. */
  groups(orgRef: string, connectionId: string): SCIMGroup[] {
    const record = this.connection(orgRef, connectionId);
    const store = this.scim.storeOf(record.connection_id);
    return (store?.list('Group') ?? []).map((group) => ({
      group_id: group.id,
      group_name: groupNameOf(group),
      organization_id: record.organization_id,
      connection_id: record.connection_id,
    }));
  }

  /** Every connection ever created for an org (for tests proving nothing was created twice). */
  history(orgRef: string): { connection_id: string; status: string }[] {
    return this.org(orgRef).history.map(({ connection_id, status }) => ({ connection_id, status }));
  }

  /** Sets the SCIM fault of an org (for its future connections) and of its active connection. */
  setScimFault(orgRef: string, fault: ScimFault): void {
    const org = this.org(orgRef);
    org.scimFault = fault;
    if (org.active) this.scim.setFault(org.active.connection_id, fault);
  }

  private org(ref: string): OrgRecord {
    const org = this.orgs.find((o) => o.organization_id === ref || o.organization_slug === ref);
    if (!org) throw new StandInError('organization_not_found');
    return org;
  }

  private connection(orgRef: string, connectionId: string): ConnectionRecord {
    const active = this.org(orgRef).active;
    if (!active || active.connection_id !== connectionId)
      throw new StandInError('no_active_scim_connection');
    return active;
  }

  private rotating(orgRef: string, connectionId: string): ConnectionRecord {
    const record = this.connection(orgRef, connectionId);
    if (!record.next) throw new StandInError('scim_connection_not_rotating_token');
    return record;
  }

  private identityProvider(raw: unknown): string | undefined {
    if (raw === undefined || raw === null || raw === '') return undefined;
    if (typeof raw !== 'string' || !IDENTITY_PROVIDERS.has(raw))
      throw new StandInError('invalid_scim_idp');
    return raw;
  }

  private newTokenRecord(): Token {
    return { value: newToken(), expiresAt: this.expiryIn(TOKEN_LIFETIME_DAYS) };
  }

  /** An expiry `days` from now, in Stytch's format (no milliseconds). */
  private expiryIn(days: number): string {
    const expires = new Date(this.now().getTime() + days * 86_400_000);
    return expires.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** The fields every connection variant shares. */
  private coreView(record: ConnectionRecord) {
    return {
      organization_id: record.organization_id,
      connection_id: record.connection_id,
      status: record.status,
      display_name: record.display_name,
      identity_provider: record.identity_provider,
      base_url: stytchBaseUrl(this.scim.baseUrlFor(record.connection_id), record.identity_provider),
      scim_group_implicit_role_assignments: assignmentsView(
        record,
        this.scim.storeOf(record.connection_id),
      ),
      bearer_token_expires_at: record.current.expiresAt,
    };
  }

  private connectionView(record: ConnectionRecord): SCIMConnection {
    return {
      ...this.coreView(record),
      bearer_token_last_four: record.current.value.slice(-4),
      next_bearer_token_last_four: record.next?.value.slice(-4) ?? '',
      ...(record.next ? { next_bearer_token_expires_at: record.next.expiresAt } : {}),
    };
  }
}

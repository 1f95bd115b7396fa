import type { ScimFault } from '../scim-server/scim-server';

/*
 * The stand-in's records, apart from the state that keeps them, so the views built from them
 * (organization-view.ts) need not import the state.
 */

/** A token and its expiry. */
export interface Token {
  value: string;
  expiresAt: string;
}

/** A SCIM group → role mapping; the group's name is looked up when shown (Entra renames groups). */
export interface RoleAssignment {
  group_id: string;
  role_id: string;
}

/** A connection as the stand-in keeps it, with its plain tokens. */
export interface ConnectionRecord {
  connection_id: string;
  organization_id: string;
  display_name: string;
  identity_provider: string;
  status: 'active' | 'deleted';
  current: Token;
  next: Token | null;
  /** `scim_group_implicit_role_assignments` (reference stytch-members-scim.md §3). */
  roleAssignments: RoleAssignment[];
}

/** An organization as the stand-in keeps it. */
export interface OrgRecord {
  organization_id: string;
  organization_name: string;
  organization_slug: string;
  created_at: string;
  scimFault: ScimFault;
  active: ConnectionRecord | null;
  /** Every connection ever created for the org, deleted ones included. */
  history: ConnectionRecord[];
}

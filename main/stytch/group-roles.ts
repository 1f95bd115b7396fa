import type { ImplicitRoleAssignment, ScimConnection } from '../../shared/stytch/api-schemas';
import type { GroupRolesView } from '../../shared/stytch/views';
import { notFound } from './safe-writes';
import type { StytchClient } from './stytch-client';

/*
 * SCIM groups → Stytch roles (reference stytch-members-scim.md §3): the connection's
 * `scim_group_implicit_role_assignments` give every member of a group the group's role.
 */

/** Groups per page: Stytch's maximum (§3). */
const GROUPS_PAGE_SIZE = 1000;
/** Pages read at most: 10,000 groups is far beyond what an admin maps by hand. */
const MAX_GROUP_PAGES = 10;

/** Stytch's own roles start with this prefix (the SDK reserves `stytch_member`, `stytch_admin`). */
const STYTCH_ROLE_PREFIX = 'stytch_';

/** The organization's active connection, when it is still `connectionId`. */
async function activeConnection(
  client: StytchClient,
  organizationId: string,
  connectionId: string,
): Promise<ScimConnection> {
  const connection = await client.getConnection(organizationId);
  if (connection?.connection_id !== connectionId) throw notFound(connectionId);
  return connection;
}

/** The connection's groups, page after page up to the bound; `complete` false when cut short. */
async function allGroups(client: StytchClient, organizationId: string, connectionId: string) {
  const groups = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_GROUP_PAGES; page += 1) {
    const answer = await client.getGroups(organizationId, connectionId, {
      cursor,
      limit: GROUPS_PAGE_SIZE,
    });
    groups.push(...answer.groups);
    if (answer.nextCursor === null) return { groups, complete: true };
    cursor = answer.nextCursor;
  }
  return { groups, complete: false };
}

/**
 * The connection's SCIM groups, each with the roles mapped to it, and the project's roles to
 * choose from (the project's own first, then Stytch's defaults; each alphabetically).
 */
export async function readGroupRoles(
  client: StytchClient,
  organizationId: string,
  connectionId: string,
): Promise<GroupRolesView> {
  const connection = await activeConnection(client, organizationId, connectionId);
  const { groups, complete } = await allGroups(client, organizationId, connectionId);
  const policyRoles = await client.rbacRoles();
  const assignments = connection.scim_group_implicit_role_assignments;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const roles = policyRoles
    .map((role) => ({
      roleId: role.role_id,
      description: role.description,
      stytchDefault: role.role_id.startsWith(STYTCH_ROLE_PREFIX),
    }))
    .sort(
      (a, b) =>
        Number(a.stytchDefault) - Number(b.stytchDefault) || a.roleId.localeCompare(b.roleId),
    );
  return {
    groups: groups
      .map((group) => ({
        groupId: group.group_id,
        name: group.group_name,
        roleIds: assignments.filter((a) => a.group_id === group.group_id).map((a) => a.role_id),
      }))
      .sort(byName),
    roles,
    complete,
  };
}

/** A group's new role, or null for none. */
export interface GroupRoleChange {
  groupId: string;
  roleId: string | null;
}

/** The assignments after `changes`: each changed group gets only its new role; others are kept. */
export function changedAssignments(
  current: readonly ImplicitRoleAssignment[],
  changes: readonly GroupRoleChange[],
): { group_id: string; role_id: string }[] {
  const changed = new Set(changes.map((change) => change.groupId));
  return [
    ...current
      .filter((a) => !changed.has(a.group_id))
      .map(({ group_id, role_id }) => ({ group_id, role_id })),
    ...changes.flatMap((change) =>
      change.roleId === null ? [] : [{ group_id: change.groupId, role_id: change.roleId }],
    ),
  ];
}

/**
 * Maps groups to roles: read, change, write back. Update replaces the whole list ([Uncertain]
 * in Stytch's docs; the likely reading, and the safe one: a merge would keep a role the admin
 * removed), so the list sent is the current one with only the changed groups touched, read just
 * before: mappings made elsewhere (Stytch's dashboard) meanwhile are kept. The connection's name
 * and identity provider are sent back as read, so the Update cannot clear them.
 * Answers every assignment Stytch accepted.
 */
export async function setGroupRolesSafely(
  client: StytchClient,
  organizationId: string,
  connectionId: string,
  changes: readonly GroupRoleChange[],
): Promise<{ groupId: string; roleId: string }[]> {
  const before = await activeConnection(client, organizationId, connectionId);
  const assignments = changedAssignments(before.scim_group_implicit_role_assignments, changes);
  await client.updateConnection(organizationId, connectionId, {
    display_name: before.display_name,
    identity_provider: before.identity_provider,
    scim_group_implicit_role_assignments: assignments,
  });
  // What was sent, not the answer's list: Stytch's documented Update answer omits the list, which
  // reads as empty, and a 2xx means the list sent is the one it holds.
  return assignments.map((a) => ({ groupId: a.group_id, roleId: a.role_id }));
}

import type { Group, MemberRole, SCIMGroupImplicitRoleAssignments } from 'stytch';

import type { ScimStore, StoredResource } from '../scim-server/scim-store';
import { StandInError } from './errors';
import type { ConnectionRecord, RoleAssignment } from './records';
import {
  DROP_ASSIGNMENTS_OF_DELETED_GROUPS,
  GROUP_ROLE_ASSIGNMENTS_ON_UPDATE,
  scimGroupRoleSource,
  UNKNOWN_ROLE_ON_UPDATE,
} from './stytch-behaviour';

/*
 * SCIM groups and the roles they grant (reference stytch-members-scim.md §3): a connection maps
 * group ids to role ids, and members of a mapped group have the role with a
 * `scim_connection_group` source.
 */

/** A SCIM group's name as Stytch shows it (`group_name` is the IdP's displayName, §3). */
export function groupNameOf(group: StoredResource): string {
  return typeof group.displayName === 'string' ? group.displayName : '';
}

/** The groups of a connection that list a SCIM user as a member, as `scim_attributes.groups`. */
export function groupsOf(store: ScimStore, userId: string): Group[] {
  return store
    .list('Group')
    .filter(
      (group) =>
        Array.isArray(group.members) &&
        group.members.some((m) => (m as { value?: unknown } | null)?.value === userId),
    )
    .map((group) => ({ value: group.id, display: groupNameOf(group) }));
}

/**
 * An Update body's `scim_group_implicit_role_assignments`, checked with Stytch's errors (§3),
 * its roles against the project's (`roleIds`).
 */
export function updatedAssignments(
  current: RoleAssignment[],
  raw: unknown,
  groups: StoredResource[],
  roleIds: ReadonlySet<string>,
): RoleAssignment[] {
  // No error is documented for a value that is not a list; it cannot name a group either.
  if (!Array.isArray(raw))
    throw new StandInError('scim_group_role_assignment_does_not_contain_group_id');
  const incoming = raw.map((entry): RoleAssignment => {
    const { group_id, role_id } = (entry ?? {}) as { group_id?: unknown; role_id?: unknown };
    if (typeof group_id !== 'string' || group_id === '')
      throw new StandInError('scim_group_role_assignment_does_not_contain_group_id');
    if (!groups.some((group) => group.id === group_id))
      throw new StandInError('scim_group_role_assignment_group_does_not_exist');
    if (typeof role_id !== 'string' || role_id === '') throw new StandInError('invalid_role');
    if (UNKNOWN_ROLE_ON_UPDATE === 'refuse' && !roleIds.has(role_id))
      throw new StandInError('invalid_role');
    return { group_id, role_id };
  });
  if (GROUP_ROLE_ASSIGNMENTS_ON_UPDATE === 'replace') return incoming;
  const key = (a: RoleAssignment) => JSON.stringify([a.group_id, a.role_id]);
  const known = new Set(current.map(key));
  return [...current, ...incoming.filter((a) => !known.has(key(a)))];
}

/** A connection's assignments as Stytch shows them, each with its group's current name. */
export function assignmentsView(
  connection: ConnectionRecord,
  store: ScimStore | undefined,
): SCIMGroupImplicitRoleAssignments[] {
  const groups = store?.list('Group') ?? [];
  return connection.roleAssignments.flatMap((assignment) => {
    const group = groups.find((g) => g.id === assignment.group_id);
    if (!group && DROP_ASSIGNMENTS_OF_DELETED_GROUPS) return [];
    return [{ ...assignment, group_name: group ? groupNameOf(group) : '' }];
  });
}

/** The roles a member has through the groups it is in, one entry per role with every source. */
export function groupRoles(connection: ConnectionRecord, groups: Group[]): MemberRole[] {
  const roles = new Map<string, MemberRole>();
  for (const { group_id, role_id } of connection.roleAssignments) {
    if (!groups.some((group) => group.value === group_id)) continue;
    const role = roles.get(role_id) ?? { role_id, sources: [] };
    role.sources.push(scimGroupRoleSource(connection.connection_id, group_id));
    roles.set(role_id, role);
  }
  return [...roles.values()];
}

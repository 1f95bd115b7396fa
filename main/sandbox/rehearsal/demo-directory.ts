import { contosoDirectory } from '../contoso';
import { userScope, type Directory, type DirectoryUser } from '../entra-simulator/directory';

/** Contoso's object ids, which a rehearsal's externalIds are. */
export { DEMO_IDS } from '../contoso';

/**
 * The rehearsal's Entra tenant: Contoso, every user and both groups assigned to the app (the
 * scope "Sync only assigned users and groups").
 */
export function demoDirectory(): Directory {
  const contoso = contosoDirectory();
  return {
    ...contoso,
    assignments: [...contoso.users, ...contoso.groups].map((object) => object.objectId),
  };
}

/** Whether a user is in the app's scope (assigned directly or through an assigned group). */
export function isAssigned(directory: Directory, objectId: string): boolean {
  return userScope(directory, objectId) !== 'not assigned';
}

/** Provision on demand's pick: the first assigned user the job has not provisioned yet. */
export function nextToProvision(
  directory: Directory,
  provisioned: ReadonlySet<string>,
): DirectoryUser | null {
  return (
    directory.users.find(
      (user) => isAssigned(directory, user.objectId) && !provisioned.has(user.objectId),
    ) ?? null
  );
}

/**
 * Unassign's pick: the first assigned user the job has provisioned, so the cycle that follows
 * has someone to deprovision (PATCH active false).
 */
export function nextToUnassign(
  directory: Directory,
  provisioned: ReadonlySet<string>,
): DirectoryUser | null {
  return (
    directory.users.find(
      (user) => isAssigned(directory, user.objectId) && provisioned.has(user.objectId),
    ) ?? null
  );
}

/**
 * The directory with a user out of the app's scope: its assignment removed and, since a member
 * of an assigned group stays in scope, its memberships of assigned groups too (what the admin
 * does in Entra to take that person out).
 */
export function unassign(directory: Directory, objectId: string): Directory {
  const assigned = new Set(directory.assignments);
  return {
    users: directory.users,
    groups: directory.groups.map((group) =>
      assigned.has(group.objectId)
        ? { ...group, members: group.members.filter((member) => member !== objectId) }
        : group,
    ),
    assignments: directory.assignments.filter((id) => id !== objectId),
  };
}

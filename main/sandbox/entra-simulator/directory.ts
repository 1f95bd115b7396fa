import { z } from 'zod';

/** A user as the simulator's Entra directory holds it: the attributes the default mapping reads. */
export const DirectoryUserSchema = z.object({
  objectId: z.string().min(1),
  userPrincipalName: z.string().min(1),
  mail: z.string().nullable().optional(),
  givenName: z.string().nullable().optional(),
  surname: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
  /** Sent as externalId only when the job's mapping says so (Entra's non-gallery default). */
  mailNickname: z.string().nullable().optional(),
  accountEnabled: z.boolean(),
});
export type DirectoryUser = z.infer<typeof DirectoryUserSchema>;

/** A group; `members` are objectIds of its direct members (users or groups). */
export const DirectoryGroupSchema = z.object({
  objectId: z.string().min(1),
  displayName: z.string().min(1),
  members: z.array(z.string()),
});
export type DirectoryGroup = z.infer<typeof DirectoryGroupSchema>;

/**
 * A small Entra tenant: its users and groups, and `assignments`, the objectIds of the users and
 * groups assigned to the enterprise app (the scope is "Sync only assigned users and groups").
 */
export const DirectorySchema = z.object({
  users: z.array(DirectoryUserSchema),
  groups: z.array(DirectoryGroupSchema),
  assignments: z.array(z.string()),
});
export type Directory = z.infer<typeof DirectorySchema>;

/** Why a user is in scope, for the log's Scope step. */
export type ScopeReason = 'assigned' | 'member of an assigned group' | 'not assigned';

/**
 * Whether a user is in scope, and why. Assignment-based scoping (how-provisioning-works.md,
 * "Assignment-based scoping"): a user assigned directly, or an immediate member of an assigned
 * group; members of nested groups are not read ("can only read and provision users that are
 * immediate members of an explicitly assigned group").
 */
export function userScope(directory: Directory, objectId: string): ScopeReason {
  const assigned = new Set(directory.assignments);
  if (assigned.has(objectId)) return 'assigned';
  const viaGroup = directory.groups.some(
    (group) => assigned.has(group.objectId) && group.members.includes(objectId),
  );
  return viaGroup ? 'member of an assigned group' : 'not assigned';
}

/** The groups in scope: those assigned to the app (group objects are provisioned only then). */
export function groupsInScope(directory: Directory): DirectoryGroup[] {
  const assigned = new Set(directory.assignments);
  return directory.groups.filter((group) => assigned.has(group.objectId));
}

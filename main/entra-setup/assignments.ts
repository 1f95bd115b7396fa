import type { GraphDirectoryClient } from '../graph/graph-directory-client';
import type { AppRoleAssignment } from '../graph/graph-schemas';
import { mapBounded } from './bounded';

/**
 * Graph calls on assignments in flight at once: they are independent, so a few overlap, but few
 * enough that picking a large group of people does not set off Graph's throttling (ours).
 */
export const ASSIGN_CONCURRENCY = 4;

/**
 * Who is assigned: the list read, with the assignments just made put in (answers win). An
 * assignment made by hand after the list was served and then repeated here ("already exists")
 * is the one thing it can miss.
 */
export function mergedAssignments(
  listed: readonly AppRoleAssignment[],
  made: readonly AppRoleAssignment[],
): AppRoleAssignment[] {
  const byId = new Map(listed.map((assignment) => [assignment.id, assignment]));
  for (const assignment of made) byId.set(assignment.id, assignment);
  return [...byId.values()];
}

/** What {@link unassignPrincipal} did: how many assignments it removed, and those left on the app. */
export interface UnassignOutcome {
  removed: number;
  remaining: AppRoleAssignment[];
}

/**
 * Deletes every assignment `principalId` holds on the app. A user or group can hold several (one
 * per app role, given in the portal or through Graph), and Entra keeps them in scope while any
 * is left, so the ids are read from Graph now (every page) rather than from this run's evidence.
 * `removed: 0` when they hold none; the caller decides whether that is an error.
 */
export async function unassignPrincipal(
  directory: GraphDirectoryClient,
  spId: string,
  principalId: string,
): Promise<UnassignOutcome> {
  const listed = await directory.listAssignments(spId);
  const theirs = listed.filter((assignment) => assignment.principalId === principalId);
  await mapBounded(theirs, ASSIGN_CONCURRENCY, (assignment) =>
    directory.unassign(spId, assignment.id),
  );
  // Not read again: what is left is the list minus the ones just deleted (or found gone), and a
  // read made at once could still lag behind the deletes.
  const remaining = listed.filter((assignment) => assignment.principalId !== principalId);
  return { removed: theirs.length, remaining };
}

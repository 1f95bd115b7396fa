import {
  groupsInScope,
  userScope,
  type Directory,
  type DirectoryGroup,
  type DirectoryUser,
} from './directory';
import type { EngineState } from './engine-state';

/**
 * What a cycle does to each object, decided from the directory and what the engine remembers.
 * The rules are how-provisioning-works.md's "Initial cycle" and "Incremental cycles" steps and its
 * "Deprovisioning" section; nothing here sends a request.
 */
export type UserWork =
  /** In scope and enabled: match (or use the cached id), then create or update (steps 3–5). */
  | { kind: 'provision'; user: DirectoryUser }
  /**
   * Disable with an update (steps 7–8). `release`: the user was unassigned, after which "the
   * service doesn't manage the user" ("Known limitations"), so the cached id is dropped.
   */
  | { kind: 'disable'; user: DirectoryUser; release: boolean }
  /** Evaluated but not provisioned, for `reason`. */
  | { kind: 'skip'; user: DirectoryUser; reason: string }
  /** Hard-deleted in the source: DELETE in the target (step 9). */
  | { kind: 'delete'; objectId: string };

/** how-provisioning-works.md, "Known limitations". */
export const DISABLED_USER_SKIPPED =
  "Provisioning a user that is disabled in Microsoft Entra ID isn't supported";

export interface GroupWork {
  group: DirectoryGroup;
  /** SCIM ids of the members the server should have: direct members that are provisioned users. */
  members: string[];
}

/** The users a cycle (initial when there is no watermark) has to process, in directory order. */
export function planUsers(directory: Directory, state: EngineState): UserWork[] {
  const { watermark } = state;
  const work: UserWork[] = [];
  for (const user of directory.users) {
    const inScope = userScope(directory, user.objectId) !== 'not assigned';
    const due =
      watermark === null ||
      watermark.users.get(user.objectId) !== JSON.stringify(user) ||
      watermark.inScope.get(user.objectId) !== inScope ||
      state.escrows.has(user.objectId);
    if (!due) continue;
    const linked = state.users.has(user.objectId);
    if (inScope && user.accountEnabled) work.push({ kind: 'provision', user });
    else if (inScope && linked) work.push({ kind: 'disable', user, release: false });
    else if (inScope) work.push({ kind: 'skip', user, reason: DISABLED_USER_SKIPPED });
    else if (linked) work.push({ kind: 'disable', user, release: true });
  }
  const present = new Set(directory.users.map((user) => user.objectId));
  for (const objectId of state.users.keys()) {
    if (!present.has(objectId)) work.push({ kind: 'delete', objectId });
  }
  return work;
}

/** The SCIM ids a group's members have now: nested groups and unprovisioned users are left out. */
export function memberIds(group: DirectoryGroup, state: EngineState): string[] {
  return group.members.flatMap((objectId) => {
    const link = state.users.get(objectId);
    return link === undefined ? [] : [link.scimId];
  });
}

function sameMembers(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((id) => a.has(id));
}

/**
 * The assigned groups a cycle has to process, planned after the users so members have SCIM ids
 * ("synchronizes the users and the groups", "Initial cycle"). A group is due when it is new,
 * renamed, escrowed, or its provisioned members changed.
 */
export function planGroups(directory: Directory, state: EngineState): GroupWork[] {
  return groupsInScope(directory).flatMap((group): GroupWork[] => {
    const members = memberIds(group, state);
    const link = state.groups.get(group.objectId);
    const due =
      state.watermark === null ||
      link === undefined ||
      link.displayName !== group.displayName ||
      !sameMembers(link.members, members) ||
      state.escrows.has(group.objectId);
    return due ? [{ group, members }] : [];
  });
}

import type { Directory } from './directory';
import { userScope } from './directory';

/**
 * What the simulated engine remembers between runs: the SCIM id it "detects and caches" for each
 * object it created or matched ("This ID is used to run all future operations on that user",
 * how-provisioning-works.md, "Initial cycle" step 4), the failed objects awaiting a retry
 * ("Errors and retries"), and the watermark of the last completed cycle.
 */
export interface EngineState {
  users: Map<string, { scimId: string }>;
  groups: Map<string, GroupLink>;
  /** Failed objects, with how many attempts at each have failed. */
  escrows: Map<string, number>;
  /** Null until a cycle completes: the next cycle is then an initial cycle. */
  watermark: Watermark | null;
}

/** A provisioned group: its SCIM id, the name sent, and the SCIM ids of members sent. */
export interface GroupLink {
  scimId: string;
  displayName: string;
  members: Set<string>;
}

/**
 * The directory as the last completed cycle saw it: each object's attributes and each user's
 * scope. Incremental cycles process only what differs ("Query the source system for any users and
 * groups that were updated since the last watermark was stored", "Incremental cycles" step 1).
 */
export interface Watermark {
  users: Map<string, string>;
  groups: Map<string, string>;
  inScope: Map<string, boolean>;
}

export function emptyState(): EngineState {
  return { users: new Map(), groups: new Map(), escrows: new Map(), watermark: null };
}

export function watermarkOf(directory: Directory): Watermark {
  return {
    users: new Map(directory.users.map((user) => [user.objectId, JSON.stringify(user)])),
    groups: new Map(directory.groups.map((group) => [group.objectId, JSON.stringify(group)])),
    inScope: new Map(
      directory.users.map((user) => [
        user.objectId,
        userScope(directory, user.objectId) !== 'not assigned',
      ]),
    ),
  };
}

/** How many times the current attempt at an object has been retried: its earlier failures. */
export function retriesOf(state: EngineState, objectId: string): number {
  return state.escrows.get(objectId) ?? 0;
}

/** Notes an object's outcome: a failure stays in escrow for the next cycle, a success leaves it. */
export function settleEscrow(state: EngineState, objectId: string, failed: boolean): void {
  if (!failed) {
    state.escrows.delete(objectId);
    return;
  }
  state.escrows.set(objectId, retriesOf(state, objectId) + 1);
}

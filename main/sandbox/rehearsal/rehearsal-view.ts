import type { ProvisioningLogRow } from '../../../shared/provisioning/log-row';
import {
  MAX_REHEARSAL_LOG,
  type RehearsalRun,
  type RehearsalView,
} from '../../../shared/provisioning/rehearsal';
import type {
  Directory,
  EntraSimulator,
  ProvisioningLogEntry,
} from '../entra-simulator/entra-simulator';
import { isAssigned, nextToProvision, nextToUnassign } from './demo-directory';

/** One connection's rehearsal as main keeps it for the session. */
export interface Rehearsal {
  organizationId: string;
  connectionId: string;
  /** The demo directory as the admin's actions left it (unassigned users stay out). */
  directory: Directory;
  /** Null until the first action: nothing has been sent yet. */
  simulator: EntraSimulator | null;
  /** Newest first. */
  runs: RehearsalRun[];
}

/** The simulator's entry as the renderer shows it: Graph's names, without what it does not show. */
function entryView(entry: ProvisioningLogEntry): ProvisioningLogRow {
  return {
    changeId: entry.changeId,
    cycleId: entry.cycleId,
    trigger: entry.trigger,
    activityDateTime: entry.activityDateTime,
    identityType: entry.identityType,
    sourceIdentity: { ...entry.sourceIdentity },
    targetIdentity: { ...entry.targetIdentity },
    action: entry.action,
    status: entry.status,
    steps: entry.steps.map(({ name, status, description, details }) => ({
      name,
      status,
      description,
      details: { ...details },
    })),
    modifiedProperties: entry.modifiedProperties.map((property) => ({ ...property })),
    error:
      entry.error === null
        ? null
        : { errorCode: entry.error.errorCode, reason: entry.error.reason },
  };
}

/** The users the simulated job manages now. */
export function provisionedUsers(rehearsal: Rehearsal): Set<string> {
  return new Set(rehearsal.simulator?.provisionedUsers() ?? []);
}

/** What the renderer shows of a rehearsal. Holds no token: the simulator keeps it to itself. */
export function rehearsalView(rehearsal: Rehearsal): RehearsalView {
  const { directory, simulator } = rehearsal;
  const provisioned = provisionedUsers(rehearsal);
  const nameOf = (objectId: string) => {
    const user = directory.users.find((candidate) => candidate.objectId === objectId);
    return user?.displayName ?? user?.userPrincipalName ?? objectId;
  };
  const quarantine = simulator?.quarantine() ?? null;
  return {
    organizationId: rehearsal.organizationId,
    connectionId: rehearsal.connectionId,
    users: directory.users.map((user) => ({
      objectId: user.objectId,
      userPrincipalName: user.userPrincipalName,
      displayName: nameOf(user.objectId),
      assigned: isAssigned(directory, user.objectId),
      provisioned: provisioned.has(user.objectId),
    })),
    groups: directory.groups.map((group) => ({
      objectId: group.objectId,
      displayName: group.displayName,
      assigned: directory.assignments.includes(group.objectId),
      members: group.members.map(nameOf),
    })),
    next: {
      onDemand: nameOrNull(nextToProvision(directory, provisioned)?.objectId, nameOf),
      unassign: nameOrNull(nextToUnassign(directory, provisioned)?.objectId, nameOf),
    },
    job: {
      state: simulator?.state() ?? 'running',
      quarantine:
        quarantine === null
          ? null
          : {
              reason: quarantine.reason,
              code: quarantine.error.code,
              message: quarantine.error.message,
              since: quarantine.currentBegan,
            },
    },
    runs: rehearsal.runs.map((run) => ({ ...run })),
    log: (simulator?.log() ?? []).slice(-MAX_REHEARSAL_LOG).reverse().map(entryView),
  };
}

function nameOrNull(objectId: string | undefined, nameOf: (id: string) => string): string | null {
  return objectId === undefined ? null : nameOf(objectId);
}

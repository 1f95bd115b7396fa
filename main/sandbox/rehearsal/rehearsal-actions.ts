import type { RehearsalAction, RehearsalRun } from '../../../shared/provisioning/rehearsal';
import type {
  DirectoryUser,
  EntraSimulator,
  ProvisioningLogEntry,
  SimulatorError,
} from '../entra-simulator/entra-simulator';
import { nextToProvision, nextToUnassign, unassign } from './demo-directory';
import { provisionedUsers, type Rehearsal } from './rehearsal-view';

const NOBODY_TO_PROVISION: SimulatorError = {
  code: 'REHEARSAL_NOBODY_TO_PROVISION',
  message: 'Every assigned user of the demo directory is already provisioned.',
  hint: 'Run a provisioning cycle to send what changed, or unassign a user to watch a deactivation.',
};

const NOBODY_TO_UNASSIGN: SimulatorError = {
  code: 'REHEARSAL_NOBODY_TO_UNASSIGN',
  message: 'No provisioned user of the demo directory is still assigned.',
  hint: 'Provision a user on demand or run a provisioning cycle first.',
};

const nameOf = (user: DirectoryUser) => user.displayName ?? user.userPrincipalName;

function ran(
  base: Pick<RehearsalRun, 'at' | 'action' | 'ran' | 'user' | 'completed'>,
  entries: readonly ProvisioningLogEntry[],
  error: SimulatorError | null,
): RehearsalRun {
  const failures = entries.filter((entry) => entry.status === 'Failure').length;
  return { ...base, entries: entries.length, failures, error };
}

/** An action that found nobody to act on: nothing was sent. */
function idle(at: string, action: RehearsalAction, error: SimulatorError): RehearsalRun {
  return { at, action, ran: null, user: null, completed: false, entries: 0, failures: 0, error };
}

/**
 * Runs one admin action against the simulated Entra job: provision the next user on demand, run a
 * cycle (initial until one has completed, incremental after), or take the next provisioned user
 * out of scope and run the cycle that deprovisions them (PATCH active false).
 */
export async function performAction(
  action: RehearsalAction,
  rehearsal: Rehearsal,
  simulator: EntraSimulator,
  at: string,
): Promise<RehearsalRun> {
  switch (action) {
    case 'provision-on-demand': {
      const user = nextToProvision(rehearsal.directory, provisionedUsers(rehearsal));
      if (user === null) return idle(at, action, NOBODY_TO_PROVISION);
      const report = await simulator.provisionOnDemand(rehearsal.directory, user.objectId);
      const base = { at, action, ran: 'on-demand' as const, user: nameOf(user) };
      const entries = report.entry === null ? [] : [report.entry];
      return ran({ ...base, completed: report.error === null }, entries, report.error);
    }
    case 'cycle': {
      const report = await simulator.runCycle(rehearsal.directory);
      const base = { at, action, ran: report.kind, user: null, completed: report.completed };
      return ran(base, report.entries, report.error);
    }
    case 'unassign': {
      const user = nextToUnassign(rehearsal.directory, provisionedUsers(rehearsal));
      if (user === null) return idle(at, action, NOBODY_TO_UNASSIGN);
      rehearsal.directory = unassign(rehearsal.directory, user.objectId);
      const report = await simulator.runCycle(rehearsal.directory);
      const base = { at, action, ran: report.kind, user: nameOf(user) };
      return ran({ ...base, completed: report.completed }, report.entries, report.error);
    }
  }
}

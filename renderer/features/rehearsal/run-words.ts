import type { RehearsalRun } from '../../../shared/provisioning/rehearsal';

const ACTION_WORDS: Readonly<Record<RehearsalRun['action'], string>> = {
  'provision-on-demand': 'Provision on demand',
  cycle: 'Provisioning cycle',
  unassign: 'Unassign a user',
};

const RAN_WORDS: Readonly<Record<NonNullable<RehearsalRun['ran']>, string>> = {
  'on-demand': 'Provision on demand',
  initial: 'Initial cycle',
  incremental: 'Incremental cycle',
};

const objects = (count: number) => `${count} ${count === 1 ? 'object' : 'objects'}`;

function outcome(run: RehearsalRun): string {
  if (!run.completed && run.entries === 0) {
    return run.error ? 'stopped at its opening check.' : 'stopped.';
  }
  if (!run.completed) return `stopped after ${objects(run.entries)} (${run.failures} failed).`;
  if (run.entries === 0) return 'nothing had changed.';
  return `${objects(run.entries)} processed, ${run.failures} failed.`;
}

/** One line for a rehearsal run: what the simulated Entra ran, for whom, and how it went. */
export function runHeadline(run: RehearsalRun): string {
  if (run.ran === null) return `${ACTION_WORDS[run.action]}: nothing sent.`;
  const what = RAN_WORDS[run.ran];
  if (run.action === 'unassign') {
    return `Unassigned ${run.user ?? ''}; ${what.toLowerCase()}: ${outcome(run)}`;
  }
  const forWhom = run.user === null ? '' : ` for ${run.user}`;
  return `${what}${forWhom}: ${outcome(run)}`;
}

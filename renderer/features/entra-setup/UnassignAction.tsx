import { useState } from 'react';

import type { AssignmentView } from '../../../shared/entra/entra-views';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useEntraStore } from '../../state/entra-store';
import { durationWords } from './interval-words';
import { useGraphSandbox } from './use-microsoft-status';

/** When Entra acts on an unassignment: its next cycle, whose interval the job view gives. */
function whenWords(interval: string | null, sandbox: boolean): string {
  const words = interval === null ? null : durationWords(interval);
  if (sandbox) {
    return `In the sandbox that is within ${words ?? 'a few seconds'}, the cycle interval shown under Start provisioning.`;
  }
  return words
    ? `Entra runs a cycle every ${words}, so it can take that long.`
    : 'Entra runs a cycle about every 40 minutes, so it can take that long.';
}

/**
 * "Unassign <name>" behind an in-page question: removes the user's or group's assignments to the
 * app, after which Entra's next cycle deprovisions them in Stytch.
 */
export function UnassignAction({
  assignment,
  interval,
  onDone,
}: {
  assignment: AssignmentView;
  /** The job's cycle interval (ISO 8601), null before there is a job. */
  interval: string | null;
  /** Called after a successful unassign, with the name shown. */
  onDone: (name: string) => void;
}) {
  const busy = useEntraStore((s) => s.busy);
  const unassign = useEntraStore((s) => s.unassign);
  const sandbox = useGraphSandbox();
  // Another row's question may be open too: only the one answered yes shows the progress.
  const [sent, setSent] = useState(false);
  const name = assignment.displayName ?? assignment.principalId;
  const run = async () => {
    setSent(true);
    await unassign(assignment.principalId);
    setSent(false);
    const { failure, failedOp } = useEntraStore.getState();
    if (failure === null || failedOp !== 'entra:unassign') onDone(name);
  };
  return (
    <ConfirmAction
      trigger={`Unassign ${name}`}
      question={`Unassign ${name} from the app?`}
      confirm="Yes, unassign"
      cancel={`Keep ${name}`}
      tone="danger"
      disabled={busy !== null}
      // Stays open while Entra answers; a failure leaves it open to try again or keep them.
      progress={sent && busy === 'entra:unassign' ? 'Unassigning in Entra…' : null}
      onConfirm={() => void run()}
    >
      <p>
        {assignment.kind === 'group'
          ? `Entra stops provisioning the group’s members through it. At its next provisioning cycle it deactivates, in Stytch, the members who are not assigned to the app another way.`
          : `Entra stops provisioning ${name}. At its next provisioning cycle it deactivates their member in Stytch.`}{' '}
        {whenWords(interval, sandbox)}
      </p>
    </ConfirmAction>
  );
}

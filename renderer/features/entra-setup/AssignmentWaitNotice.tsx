import { useEffect, useState } from 'react';

import type { AssignmentWait, OnDemandWait } from '../../../shared/entra/entra-views';
import { formatTimestamp } from '../../../shared/timestamp';

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * While provision on demand waits for Entra to honour an assignment this run made: when it asks
 * again, counting down. The countdown is not announced each second; the sentence around it is.
 */
export function AssignmentCountdown({ wait }: { wait: OnDemandWait }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const next = Date.parse(wait.nextAttemptAt);
  const giveUp = formatTimestamp(wait.giveUpAt);
  return (
    <div className="notice notice-info">
      <p className="notice-title" role="status">
        Entra does not see the assignment yet: it can take a few minutes to reach provision on
        demand. The assistant asks again until {giveUp}.
      </p>
      <p aria-live="off">
        Asking again in {seconds(next - now)} s (asked {wait.attempts}{' '}
        {wait.attempts === 1 ? 'time' : 'times'} so far).
      </p>
    </div>
  );
}

/** After such a wait: how long Entra took, or that it still said "not assigned". */
export function AssignmentWaitNote({ wait, name }: { wait: AssignmentWait; name: string }) {
  const waited = `${seconds(wait.waitedMs)} s`;
  if (wait.honoured) {
    return (
      <p>
        Entra honoured the assignment after {wait.attempts} runs ({waited}).
      </p>
    );
  }
  return (
    <div className="notice notice-warning" role="alert">
      <p className="notice-title">
        Entra still says {name} is not assigned to the app, {waited} and {wait.attempts} runs later,
        so the assistant stopped asking.
      </p>
      <p>
        Check under Users and groups in the app in Entra that {name} (or a group they are a direct
        member of) is assigned, then provision on demand again.
      </p>
    </div>
  );
}

import { useEffect, useState } from 'react';

import {
  checksInReadingOrder,
  reportVerdict,
  skippedGroups,
  ticketReportText,
} from '../../../shared/probe/report-text';
import { Busy } from '../../components/Busy';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api } from '../../lib/api';
import { probeTargetKey, useProbeStore, type ProbeTarget } from '../../state/probe-store';
import { ProbeCheckItem } from './ProbeCheckItem';
import { ReportBanner } from './ReportBanner';
import { SkippedChecks } from './SkippedChecks';

/**
 * The assistant's connection check: the query Entra's Test Connection sends, and more, against
 * the Tenant URL with the given token, showing each check as it finishes. Named apart from
 * Entra's "Test Connection" so the admin never mistakes one for the other.
 */
export function ProbePanel({ target }: { target: ProbeTarget }) {
  const [writeCycle, setWriteCycle] = useState(false);
  const key = probeTargetKey(target);
  const mine = useProbeStore((s) => s.targetKey === key);
  const running = useProbeStore((s) => s.running);
  const checks = useProbeStore((s) => s.checks);
  const done = useProbeStore((s) => s.done);
  const total = useProbeStore((s) => s.total);
  const report = useProbeStore((s) => s.report);
  const failure = useProbeStore((s) => s.failure);
  const run = useProbeStore((s) => s.run);

  useEffect(() => api.on('probe:progress', (p) => useProbeStore.getState().receive(p)), []);

  const progress =
    mine && running
      ? `Checked ${done} of ${total ?? '…'}`
      : mine && report
        ? reportVerdict(report)
        : '';
  return (
    // The id is what Entra's panel on this step scrolls to (entra-setup/EntraTestPanel.tsx).
    <section className="probe" aria-labelledby="probe-heading" aria-busy={mine && running}>
      <h3 id="probe-heading">The assistant’s connection check</h3>
      <p>
        Sends what Entra’s Test Connection sends (a search for a user who does not exist) plus a few
        deeper checks, from this computer, and explains anything Entra would reject.
      </p>
      <div className="check">
        <input
          id="probe-write-cycle"
          type="checkbox"
          checked={writeCycle}
          onChange={(e) => setWriteCycle(e.target.checked)}
          disabled={running}
        />
        <label htmlFor="probe-write-cycle">
          Also run the write test (creates, updates and deletes a test member and a test group)
        </label>
        <p className="field-hint">
          The test member and group are real while they exist, so any SCIM member and group webhooks
          you set up will fire.
        </p>
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void run(target, writeCycle)}
          disabled={running}
        >
          Check the connection
        </button>
        {mine && running && <Busy label="Checking…" />}
        {mine && report && (
          <CopyButton
            label="Copy report"
            request={{ kind: 'text', text: ticketReportText(report) }}
          />
        )}
      </div>
      {/* Announces the progress and, once done, the verdict the banner below shows. */}
      <p
        className={mine && report && !running ? 'probe-progress visually-hidden' : 'probe-progress'}
        aria-live="polite"
      >
        {progress}
      </p>
      {mine && failure && (
        <ErrorNotice failure={failure} title="The connection check could not run." />
      )}
      {mine && report && !running && <ReportBanner report={report} />}
      {mine && checks.length > 0 && (
        <ul className="probe-checks" aria-label="Connection check results">
          {checksInReadingOrder(checks).map((check) => (
            <ProbeCheckItem key={check.id} check={check} />
          ))}
          {skippedGroups(checks).map((group) => (
            <SkippedChecks key={group.line} group={group} />
          ))}
        </ul>
      )}
    </section>
  );
}

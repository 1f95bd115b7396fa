import { useEffect, useRef } from 'react';

import type { EntraSetupView, EntraTestResult } from '../../../shared/entra/entra-views';
import { reportVerdict } from '../../../shared/probe/report-text';
import { Busy } from '../../components/Busy';
import { useEntraStore } from '../../state/entra-store';
import { probeTargetKey, useProbeStore, type ProbeTarget } from '../../state/probe-store';
import { formatTimestamp } from '../../../shared/timestamp';
import { CONNECTION_CHECK_PART, useStepViewStore } from '../../state/step-view-store';
import { settingsWords } from '../../../shared/entra/entra-words';
import { OpFailure } from './OpFailure';

/** Opens the part of this step with the assistant's connection check (focus goes to it). */
function goToConnectionCheck(): void {
  useStepViewStore.getState().showPart('configure-credentials', CONNECTION_CHECK_PART);
}

/** Entra's verdict as its title (with the SCIM code Entra named), then what Entra said. */
function EntraVerdict({ test }: { test: EntraTestResult }) {
  if (test.passed) return <p className="notice-title">Entra: passed</p>;
  return (
    <>
      <p className="notice-title">Entra: failed — {test.scimCode ?? 'no error code given'}</p>
      {test.error && <p>{test.error.message}</p>}
    </>
  );
}

/**
 * When Entra's Test Connection fails, runs the assistant's connection check once for that failure (unless it
 * already has a report for this connection or is running), so its explanation is there to read
 * beside Entra's error code without another click. Read-only: no write cycle.
 */
function useProbeOnEntraFailure(test: EntraTestResult | null, target: ProbeTarget): void {
  const failedAt = test !== null && !test.passed ? test.testedAt : null;
  const probedFor = useRef<string | null>(null);
  const { organizationId, tenantUrl } = target;
  const { kind, connectionId } = target.token;
  useEffect(() => {
    // Once per failed test: a check that itself fails shows its own error and is not re-run.
    if (failedAt === null || probedFor.current === failedAt) return;
    probedFor.current = failedAt;
    const probe = useProbeStore.getState();
    const again = { organizationId, tenantUrl, token: { kind, connectionId } };
    if (probe.running || (probe.targetKey === probeTargetKey(again) && probe.report !== null))
      return;
    void probe.run(again, false);
  }, [failedAt, organizationId, tenantUrl, kind, connectionId]);
}

/** The assistant's connection check's verdict for this connection, next to Entra's. */
function ProbeVerdict({ connectionId, failed }: { connectionId: string; failed: boolean }) {
  const running = useProbeStore(
    (s) => s.running && Boolean(s.targetKey?.startsWith(`scim-token:${connectionId}:`)),
  );
  const report = useProbeStore((s) =>
    s.targetKey?.startsWith(`scim-token:${connectionId}:`) ? s.report : null,
  );
  if (running) return <p>The assistant’s connection check is looking for why…</p>;
  return (
    <p>
      The assistant’s connection check: {report ? reportVerdict(report) : 'not run yet.'}{' '}
      {failed && 'Its report explains why. '}
      <button type="button" className="button button-link" onClick={goToConnectionCheck}>
        {report ? 'Read the assistant’s report' : 'Run the assistant’s connection check'}
      </button>
    </p>
  );
}

/** Entra's own Test Connection (validateCredentials), then saving the credentials in Entra. */
export function EntraTestPanel({
  view,
  probeTarget,
}: {
  view: EntraSetupView;
  /** The connection the assistant's check reaches: Entra tests the same one. */
  probeTarget: ProbeTarget;
}) {
  const { connectionId } = probeTarget.token;
  const busy = useEntraStore((s) => s.busy);
  const testConnection = useEntraStore((s) => s.testConnection);
  const saveCredentials = useEntraStore((s) => s.saveCredentials);
  const test = view.lastTest?.connectionId === connectionId ? view.lastTest : null;
  const saved = view.credentialsSaved?.connectionId === connectionId ? view.credentialsSaved : null;
  const inFlight = busy === 'entra:testConnection' || busy === 'entra:saveCredentials';
  useProbeOnEntraFailure(test, probeTarget);
  return (
    <section className="entra-test" aria-labelledby="entra-test-heading" aria-busy={inFlight}>
      <h3 id="entra-test-heading">Entra’s own Test Connection</h3>
      <p>
        Entra tests this connection’s Tenant URL with its Secret Token. The app reads the token from
        your system keychain and hands it to Entra itself: it is never shown in this window.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void testConnection(connectionId)}
          disabled={busy !== null}
        >
          Run Entra’s Test Connection
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void saveCredentials(connectionId)}
          disabled={busy !== null}
        >
          Save credentials in Entra
        </button>
        {busy === 'entra:testConnection' && <Busy label="Entra is testing the connection…" />}
        {busy === 'entra:saveCredentials' && <Busy label="Saving the credentials in Entra…" />}
      </div>
      {test && (
        <div className={`notice ${test.passed ? 'notice-success' : 'notice-error'}`} role="status">
          <EntraVerdict test={test} />
          {!test.passed && test.error && <p className="notice-hint">{test.error.hint}</p>}
          <p className="notice-meta">Tested at {formatTimestamp(test.testedAt)}.</p>
          <ProbeVerdict connectionId={connectionId} failed={!test.passed} />
        </div>
      )}
      {saved && (
        <p className="notice notice-success" role="status">
          Saved the Tenant URL and Secret Token in Entra at {formatTimestamp(saved.at)}.
          {saved.keptSettings !== null &&
            saved.keptSettings.length > 0 &&
            ` Your other provisioning settings were kept: ${settingsWords(saved.keptSettings)}.`}
        </p>
      )}
      {saved && saved.keptSettings === null && (
        <p className="notice notice-warning" role="status">
          The job’s other provisioning settings could not be read, so only the Tenant URL and Secret
          Token were sent; check Settings on the Provisioning page in Entra.
        </p>
      )}
      <OpFailure
        ops={['entra:testConnection', 'entra:saveCredentials']}
        title="Entra’s Test Connection or the save did not run."
      />
    </section>
  );
}

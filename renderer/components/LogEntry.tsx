import type { ProvisioningLogRow } from '../../shared/provisioning/log-row';
import { formatTimestamp } from '../../shared/timestamp';

const TRIGGER_WORDS: Readonly<Record<NonNullable<ProvisioningLogRow['trigger']>, string>> = {
  cycle: 'cycle',
  onDemand: 'on demand',
};

/**
 * One provisioning log entry: the row Entra's log lists, opening (failures open already) to its
 * Steps, Modified Properties and error. The rehearsal's simulated log and Entra's own log (step 7's
 * job health) both show their rows with it.
 */
export function LogEntry({ entry }: { entry: ProvisioningLogRow }) {
  const { sourceIdentity, targetIdentity } = entry;
  return (
    <li>
      <details open={entry.status === 'Failure'}>
        <summary>
          {formatTimestamp(entry.activityDateTime)} · {entry.identityType}{' '}
          {sourceIdentity.displayName} · {entry.action} · {entry.status}
          {entry.trigger !== null && ` (${TRIGGER_WORDS[entry.trigger]})`}
        </summary>
        <dl className="details">
          <dt>Source ID (Entra objectId)</dt>
          <dd className="mono">{sourceIdentity.id}</dd>
          <dt>Target ID (SCIM id)</dt>
          <dd className="mono">{targetIdentity.id || '—'}</dd>
        </dl>
        <p>
          <strong>Steps</strong>
        </p>
        <ol>
          {entry.steps.map((step) => (
            <li key={step.name}>
              {step.name}: {step.status} — {step.description}
              {Object.keys(step.details).length > 0 &&
                ` (${Object.entries(step.details)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join('; ')})`}
            </li>
          ))}
        </ol>
        {entry.modifiedProperties.length > 0 && (
          <table className="members">
            <caption>Modified properties</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Old value</th>
                <th scope="col">New value</th>
              </tr>
            </thead>
            <tbody>
              {entry.modifiedProperties.map((property) => (
                <tr key={property.displayName}>
                  <td>{property.displayName}</td>
                  <td>{property.oldValue ?? '—'}</td>
                  <td>{property.newValue ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {entry.error && (
          <>
            <p>
              <strong>Error code:</strong> {entry.error.errorCode}
            </p>
            <p className="mono">{entry.error.reason}</p>
          </>
        )}
      </details>
    </li>
  );
}

import { useState } from 'react';

import type { EntraSetupView, OnDemandView } from '../../../shared/entra/entra-views';
import { Busy } from '../../components/Busy';
import { useEntraStore } from '../../state/entra-store';
import { OpFailure } from './OpFailure';

function OnDemandResult({ result }: { result: OnDemandView }) {
  const tone =
    result.result === 'Success'
      ? 'notice-success'
      : result.result === 'Skipped'
        ? 'notice-info'
        : 'notice-error';
  return (
    <div className={`notice ${tone}`} role="status">
      <p className="notice-title">
        Provision on demand for {result.userDisplayName ?? result.userId}: {result.result}
      </p>
      {result.errorCode && (
        <p>
          {result.errorCode}: {result.errorMessage}
        </p>
      )}
      {result.targetId && (
        <p>
          SCIM id in Stytch: <span className="mono">{result.targetId}</span>
        </p>
      )}
      <ol aria-label="Entra’s steps">
        {result.steps.map((step) => (
          <li key={step.name}>
            <strong>{step.name}</strong> ({step.type}): {step.status}
            {step.description && ` — ${step.description}`}
            {Object.keys(step.details).length > 0 && (
              <dl className="details">
                {Object.entries(step.details).map(([name, value]) => (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Provisions one assigned user now and shows each of Entra's steps. */
export function OnDemandPanel({ view }: { view: EntraSetupView }) {
  const users = (view.assignments ?? []).filter((a) => a.kind === 'user');
  const [chosen, setChosen] = useState('');
  const busy = useEntraStore((s) => s.busy);
  const provisionOnDemand = useEntraStore((s) => s.provisionOnDemand);
  const userId = users.some((u) => u.principalId === chosen)
    ? chosen
    : (users[0]?.principalId ?? '');
  return (
    <section
      className="entra-on-demand"
      aria-labelledby="entra-on-demand-heading"
      aria-busy={busy === 'on-demand'}
    >
      <h3 id="entra-on-demand-heading">Provision on demand</h3>
      {users.length === 0 ? (
        <p>Assign a user first: provision on demand works on one assigned user.</p>
      ) : (
        <div className="field">
          <label htmlFor="on-demand-user">User to provision on demand</label>
          <select id="on-demand-user" value={userId} onChange={(e) => setChosen(e.target.value)}>
            {users.map((u) => (
              <option key={u.principalId} value={u.principalId}>
                {u.displayName ?? u.principalId}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => void provisionOnDemand(userId)}
          disabled={busy !== null || userId === ''}
        >
          Provision on demand
        </button>
        {busy === 'on-demand' && <Busy label="Entra is provisioning the user…" />}
      </div>
      {view.lastOnDemand && <OnDemandResult result={view.lastOnDemand} />}
      <OpFailure ops={['on-demand']} title="Provision on demand did not run." />
    </section>
  );
}

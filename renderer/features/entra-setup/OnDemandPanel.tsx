import { useEffect, useState } from 'react';

import type {
  DirectoryPrincipal,
  EntraSetupView,
  OnDemandView,
} from '../../../shared/entra/entra-views';
import { Busy } from '../../components/Busy';
import { api } from '../../lib/api';
import { useEntraStore } from '../../state/entra-store';
import { AssignmentCountdown, AssignmentWaitNote } from './AssignmentWaitNotice';
import { EntraPanel } from './EntraPanel';
import { OpFailure } from './OpFailure';
import { PrincipalPicker } from './PrincipalPicker';

interface Choice {
  id: string;
  name: string;
}

function OnDemandResult({ result, name }: { result: OnDemandView; name: string | undefined }) {
  const who = result.userDisplayName ?? name ?? result.userId;
  const tone =
    result.result === 'Success'
      ? 'notice-success'
      : result.result === 'Skipped'
        ? 'notice-info'
        : 'notice-error';
  return (
    <div className={`notice ${tone}`} role="status">
      <p className="notice-title">
        Provision on demand for {who}: {result.result}
      </p>
      {result.assignmentWait && <AssignmentWaitNote wait={result.assignmentWait} name={who} />}
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

/**
 * Provisions one user now and shows each of Entra's steps. One picker: the first user assigned
 * directly is chosen to begin with; any other user (e.g. a member of an assigned group) is found
 * by search, and Entra's scoping step says whether that user is in scope.
 */
export function OnDemandPanel({ view }: { view: EntraSetupView }) {
  const assigned: Choice[] = (view.assignments ?? [])
    .filter((a) => a.kind === 'user')
    .map((a) => ({ id: a.principalId, name: a.displayName ?? a.principalId }));
  const [found, setFound] = useState<Choice | null>(null);
  const busy = useEntraStore((s) => s.busy);
  const provisionOnDemand = useEntraStore((s) => s.provisionOnDemand);
  const wait = useEntraStore((s) => s.onDemandWait);
  useEffect(
    () => api.on('entra:onDemandWait', (w) => useEntraStore.getState().receiveOnDemandWait(w)),
    [],
  );
  const chosen = found ?? assigned[0] ?? null;
  const choose = (principal: DirectoryPrincipal) =>
    setFound({ id: principal.id, name: principal.displayName });
  const result = view.lastOnDemand;
  const provisioned = result?.result === 'Success' && result.userId === chosen?.id;
  const names = new Map(assigned.map((u) => [u.id, u.name]));
  if (found) names.set(found.id, found.name);
  return (
    <EntraPanel name="on-demand" title="Provision on demand" channel="entra:provisionOnDemand">
      <p className="chosen-user" role="status">
        {chosen === null ? (
          'No user is assigned directly: search for the user to provision.'
        ) : (
          <>
            User to provision: <strong>{chosen.name}</strong>
            {found === null && ' (assigned to the app)'}
          </>
        )}
      </p>
      <p className="field-hint">
        Members of an assigned group are in scope too. Entra’s scoping step says whether the user
        you choose is in scope.
      </p>
      <PrincipalPicker
        slot="on-demand-user"
        selected={chosen === null ? [] : [{ id: chosen.id }]}
        onAdd={choose}
      />
      <div className="actions">
        <button
          type="button"
          // The section's next action until it has worked for the user chosen.
          className={provisioned ? 'button' : 'button button-primary'}
          onClick={() => {
            if (chosen !== null) void provisionOnDemand(chosen.id);
          }}
          disabled={busy !== null || chosen === null}
        >
          Provision on demand
        </button>
        {busy === 'entra:provisionOnDemand' && <Busy label="Entra is provisioning the user…" />}
      </div>
      {busy === 'entra:provisionOnDemand' && wait !== null && <AssignmentCountdown wait={wait} />}
      {result && <OnDemandResult result={result} name={names.get(result.userId)} />}
      <OpFailure ops={['entra:provisionOnDemand']} title="Provision on demand did not run." />
    </EntraPanel>
  );
}

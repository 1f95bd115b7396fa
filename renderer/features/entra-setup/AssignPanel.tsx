import { useEffect, useRef, useState } from 'react';

import type { DirectoryPrincipal, EntraSetupView } from '../../../shared/entra/entra-views';
import { MAX_ASSIGN_PRINCIPALS } from '../../../shared/entra/assign-limit';
import { Busy } from '../../components/Busy';
import { useEntraStore } from '../../state/entra-store';
import { EntraPanel } from './EntraPanel';
import { OpFailure } from './OpFailure';
import { PrincipalPicker } from './PrincipalPicker';
import { UnassignAction } from './UnassignAction';

function AssignedOutcomes() {
  const assigned = useEntraStore((s) => s.assigned);
  if (assigned === null || assigned.length === 0) return null;
  return (
    // The live region wraps the list: role="status" on the <ul> itself would unmake the list.
    <div className="notice notice-success" role="status">
      <ul aria-label="What assigning did">
        {assigned.map((outcome) => (
          <li key={outcome.principalId}>
            {outcome.displayName}:{' '}
            {outcome.alreadyAssigned ? 'already assigned (fine)' : 'assigned'}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CurrentAssignments({ view }: { view: EntraSetupView }) {
  const [unassigned, setUnassigned] = useState<string | null>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  // The row whose question had focus is gone once unassigned: focus goes to what happened.
  useEffect(() => {
    if (unassigned !== null) notice.current?.focus();
  }, [unassigned]);
  if (view.assignments === null) return null;
  return (
    <>
      <h4>Assigned to the app</h4>
      <OpFailure ops={['entra:unassign']} title="The unassignment did not finish." />
      {unassigned !== null && (
        <p className="notice notice-success" role="status" ref={notice} tabIndex={-1}>
          Unassigned {unassigned}. Entra deprovisions them in Stytch at its next provisioning cycle.
        </p>
      )}
      {view.assignments.length === 0 ? (
        <p>Nobody is assigned yet.</p>
      ) : (
        <ul aria-label="Assigned to the app">
          {view.assignments.map((a) => (
            <li key={a.principalId}>
              {a.displayName ?? a.principalId} ({a.kind}){' '}
              <UnassignAction
                assignment={a}
                interval={view.job?.interval ?? null}
                onDone={setUnassigned}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Assigns users and groups to the app, chosen with two directory pickers. */
export function AssignPanel({ view }: { view: EntraSetupView }) {
  const [selected, setSelected] = useState<DirectoryPrincipal[]>([]);
  const busy = useEntraStore((s) => s.busy);
  const assign = useEntraStore((s) => s.assign);
  const add = (p: DirectoryPrincipal) =>
    setSelected((list) => (list.some((s) => s.id === p.id) ? list : [...list, p]));
  const assignedIds = (view.assignments ?? []).map((a) => a.principalId);
  const remove = (id: string) => setSelected((list) => list.filter((p) => p.id !== id));
  const submit = async () => {
    await assign(selected);
    if (useEntraStore.getState().failure === null) setSelected([]);
  };
  return (
    <EntraPanel name="assign" title="Assign users and groups" channel="entra:assign">
      <p className="field-hint">
        Assigning groups needs a Microsoft Entra ID P1 or P2 licence; only direct members of a group
        are provisioned.
      </p>
      <div className="pickers">
        <PrincipalPicker slot="user" selected={selected} assigned={assignedIds} onAdd={add} />
        <PrincipalPicker slot="group" selected={selected} assigned={assignedIds} onAdd={add} />
      </div>
      <h4>Selected</h4>
      {selected.length === 0 ? (
        <p>Nobody selected yet.</p>
      ) : (
        <ul className="chips" aria-label="Selected">
          {selected.map((p) => (
            <li key={p.id} className="badge">
              {p.displayName} ({p.kind}){' '}
              <button
                type="button"
                className="button button-link"
                aria-label={`Remove ${p.displayName}`}
                onClick={() => remove(p.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          // The next step only with someone chosen; else it is finding them, or going on.
          className={selected.length > 0 ? 'button button-primary' : 'button'}
          disabled={
            busy !== null || selected.length === 0 || selected.length > MAX_ASSIGN_PRINCIPALS
          }
          onClick={() => void submit()}
        >
          Assign
        </button>
        {busy === 'entra:assign' && <Busy label="Assigning in Entra…" />}
      </div>
      <AssignedOutcomes />
      <OpFailure ops={['entra:assign']} title="The assignment did not finish." />
      <CurrentAssignments view={view} />
    </EntraPanel>
  );
}

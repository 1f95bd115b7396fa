import { useEffect, useId, useMemo, useRef } from 'react';

import { EXPIRY_WARNING_DAYS } from '../../../shared/fleet/attention';
import type {
  AcrossReason,
  SelectionPlan,
  SelectionPlanRow,
} from '../../../shared/rotation/rotation';
import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api } from '../../lib/api';
import { useFleetStore } from '../../state/fleet-store';
import { useMicrosoftStore } from '../../state/microsoft-store';
import {
  useRotationSelectionStore,
  type SelectionPhase,
} from '../../state/rotation-selection-store';
import { SignInButton } from '../entra-setup/SignInButton';
import { STATE_WORDS, STEP_WORDS } from '../rotation/rotation-words';
import { countWords } from './row-words';
import { SelectionResults } from './SelectionResults';
import { expiringRows, SKIP_WORDS, withinBound } from './selection-words';

/** Why the buttons are disabled, in words, or null when they are not. */
function disabledReason(signedIn: boolean | null): string | null {
  if (signedIn === null) return 'Checking whether you are signed in to Microsoft…';
  if (!signedIn)
    // Connections this app did not link are explained under "What do these actions do?".
    return 'Sign in to Microsoft first: the assistant saves each new token in Entra for you.';
  return null;
}

/** The two ways to start: the expiring tokens, or the rows ticked in the list. */
function SelectionButtons() {
  const rows = useFleetStore((s) => s.rows);
  const selected = useFleetStore((s) => s.selected);
  const status = useMicrosoftStore((s) => s.status);
  const busy = useRotationSelectionStore((s) => s.busy);
  const plan = useRotationSelectionStore((s) => s.plan);
  const hintId = useId();
  const expiring = useMemo(() => expiringRows(rows), [rows]);
  // Only ticked rows main still lists: a tick can outlive its row after a new reading.
  const ticked = useMemo(
    () => rows.filter((row) => selected.has(row.organizationId)),
    [rows, selected],
  );
  const signedIn = status === null ? null : status.account !== null;
  const reason = disabledReason(signedIn);
  const hint =
    reason ??
    (expiring.length === 0 ? `No token expires within ${EXPIRY_WARNING_DAYS} days.` : null);
  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() =>
            void plan('expiring', withinBound(expiring.map((row) => row.organizationId)))
          }
          disabled={reason !== null || expiring.length === 0 || busy !== null}
          aria-describedby={hint === null ? undefined : hintId}
        >
          Rotate tokens expiring within {EXPIRY_WARNING_DAYS} days ({countWords(expiring.length)})
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void plan('selected', withinBound(ticked.map((row) => row.organizationId)))
          }
          disabled={reason !== null || ticked.length === 0 || busy !== null}
        >
          Rotate selected ({countWords(ticked.length)})
        </button>
        {signedIn === false && <SignInButton action="configure-provisioning" />}
        {busy === 'rotation:planSelection' && (
          <Busy label="Looking up each connection’s Entra app…" />
        )}
      </div>
      {hint !== null && (
        <p id={hintId} className="field-hint fleet-tool-status">
          {hint}
        </p>
      )}
      {status?.account && (
        <p className="field-hint fleet-tool-status">
          Signed in to Microsoft as {status.account.name ?? status.account.username}, tenant{' '}
          {status.account.tenant}: new tokens are saved in the Entra apps this app linked there.
        </p>
      )}
    </>
  );
}

/** Names of `rows` in a list that scrolls when long. */
function NameList({ rows, label }: { rows: readonly SelectionPlanRow[]; label: string }) {
  return (
    <ul className="rotate-names" aria-label={label} tabIndex={0}>
      {rows.map((row) => (
        <li key={row.organizationId}>{row.organizationName}</li>
      ))}
    </ul>
  );
}

/** The skipped rows, grouped by why. */
function Skipped({ plan }: { plan: SelectionPlan }) {
  const groups = new Map<AcrossReason, SelectionPlanRow[]>();
  for (const row of plan.rows) {
    if (row.across.available) continue;
    const reason = row.across.reason ?? 'not-signed-in';
    groups.set(reason, [...(groups.get(reason) ?? []), row]);
  }
  if (groups.size === 0) return null;
  return (
    <>
      {[...groups].map(([reason, rows]) => (
        <div key={reason}>
          <p>
            <strong>Skipped ({countWords(rows.length)}):</strong> {SKIP_WORDS[reason]}
          </p>
          <NameList rows={rows} label={`Skipped: ${SKIP_WORDS[reason]}`} />
        </div>
      ))}
    </>
  );
}

/** Main's plan and the admin's yes: what will happen, to which connections, and which are skipped. */
function PlanPanel({ phase }: { phase: Extract<SelectionPhase, { kind: 'planned' }> }) {
  const start = useRotationSelectionStore((s) => s.start);
  const close = useRotationSelectionStore((s) => s.close);
  const title = useRef<HTMLParagraphElement>(null);
  const titleId = useId();
  useEffect(() => title.current?.focus(), []);
  const ready = phase.plan.rows.filter((row) => row.across.available);
  const capped =
    phase.scope === 'expiring' &&
    expiringRows(useFleetStore.getState().rows).length > phase.plan.rows.length;
  return (
    <div className="confirm" role="group" aria-labelledby={titleId}>
      <p id={titleId} className="notice-title" ref={title} tabIndex={-1}>
        {ready.length === 0
          ? 'None of these connections can be rotated in Stytch and Entra from here.'
          : `Rotate ${countWords(ready.length)} ${ready.length === 1 ? 'token' : 'tokens'} in Stytch and Entra?`}
      </p>
      {ready.length > 0 && (
        <>
          <p>
            One connection after the other, the assistant starts a rotation in Stytch, asks Stytch
            whether it already accepts the new token, saves the new token in Entra (keeping the
            job’s other settings), runs Entra’s Test Connection, and finishes the rotation in
            Stytch, in the order that keeps Entra working. The new tokens go from Stytch to Entra
            through this computer’s keychain and are never shown. If a step fails, that connection
            is left with a pair of tokens that works, and the others go on.
          </p>
          <p>
            <strong>Rotated in Stytch and Entra ({countWords(ready.length)}):</strong>
          </p>
          <NameList rows={ready} label="Connections to rotate in Stytch and Entra" />
        </>
      )}
      <Skipped plan={phase.plan} />
      {capped && (
        <p className="field-hint">
          The {countWords(phase.plan.rows.length)} soonest to expire are in this run; rotate the
          others in a second run afterwards.
        </p>
      )}
      <div className="actions">
        {ready.length > 0 && (
          <button type="button" className="button button-primary" onClick={() => void start()}>
            Rotate {countWords(ready.length)} {ready.length === 1 ? 'token' : 'tokens'}
          </button>
        )}
        <button type="button" className="button" onClick={close}>
          {ready.length > 0 ? 'Cancel' : 'Close'}
        </button>
      </div>
    </div>
  );
}

/** "Rotating 3 of 12: Contoso — Save the new token in Entra: working…", with Stop. */
function RunProgress({ phase }: { phase: Extract<SelectionPhase, { kind: 'running' }> }) {
  const stop = useRotationSelectionStore((s) => s.stop);
  const ready = phase.plan.rows.filter((row) => row.across.available);
  const place = phase.latest?.selection;
  const name = phase.plan.rows.find(
    (row) => row.organizationId === place?.organizationId,
  )?.organizationName;
  const finished = place ? place.rotated + place.failed : 0;
  return (
    <div className="sweep-progress">
      <progress value={finished} max={Math.max(1, ready.length)} aria-label="Rotation progress" />
      <span>
        {place && phase.latest
          ? `Rotating ${countWords(place.position)} of ${countWords(place.total)}: ${name ?? 'a connection'} — ${STEP_WORDS[phase.latest.step]} (${STATE_WORDS[phase.latest.state]}) · ${countWords(place.rotated)} rotated, ${countWords(place.failed)} failed so far`
          : `Starting the rotation of ${countWords(ready.length)} connections…`}
      </span>
      <button
        type="button"
        className="button"
        onClick={() => void stop()}
        disabled={phase.stopping}
      >
        {phase.stopping ? 'Stopping after this connection…' : 'Stop after this connection'}
      </button>
    </div>
  );
}

/**
 * Rotation of several connections from the overview, across Stytch and Entra: every token
 * expiring within 30 days, or the rows ticked in the list. Main's plan first (which rotate here,
 * which are skipped and why), the admin's yes, the run's progress, then each one's result.
 */
export function RotateSelection() {
  const phase = useRotationSelectionStore((s) => s.phase);
  const failure = useRotationSelectionStore((s) => s.failure);
  useEffect(() => {
    useMicrosoftStore.getState().ensureLoaded();
    return api.on('rotation:progress', (progress) =>
      useRotationSelectionStore.getState().receive(progress),
    );
  }, []);
  return (
    <section
      className="fleet-tool rotate-selection"
      aria-labelledby="rotate-selection-heading"
      aria-busy={phase.kind === 'running'}
    >
      <h3 id="rotate-selection-heading">Token rotation</h3>
      {phase.kind === 'idle' && <SelectionButtons />}
      {phase.kind === 'planned' && <PlanPanel phase={phase} />}
      <div className="fleet-tool-status" aria-live="polite">
        {phase.kind === 'running' && <RunProgress phase={phase} />}
      </div>
      {phase.kind === 'finished' && <SelectionResults run={phase.run} />}
      {failure && <ErrorNotice failure={failure} title="The rotation could not start or stop." />}
    </section>
  );
}

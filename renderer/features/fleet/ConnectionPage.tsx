import { useEffect, type ReactNode } from 'react';

import type { FleetRow } from '../../../shared/fleet/fleet';
import { identityProviderWords } from '../../../shared/stytch/identity-provider';
import type { ScimConnectionView } from '../../../shared/stytch/views';
import { tokenExpiryWarning } from '../../../shared/wizard/token-expiry';
import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useConnectionStore } from '../../state/connection-store';
import { useEntraStore } from '../../state/entra-store';
import { useFleetStore } from '../../state/fleet-store';
import { useScreenStore } from '../../state/screen-store';
import { HealthPanel } from '../entra-setup/HealthPanel';
import { GroupRolesPanel } from '../group-roles/GroupRolesPanel';
import { WatchPanel } from '../provisioning-watch/WatchPanel';
import { useWatch } from '../provisioning-watch/use-watch';
import { RotationPanel } from '../rotation/RotationPanel';
import { ConnectionDetails } from '../scim-connection/ConnectionDetails';
import { DeleteConnection } from '../scim-connection/DeleteConnection';
import { expiryNow, TokenExpiryLine, TokenExpiryWarning } from '../scim-connection/TokenExpiry';
import { entraWords, expiryWords, healthWhen, healthWords } from './row-words';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `connection-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section className="connection-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** The last health result from the overview, and a check of this connection alone. */
function LastHealth({ row }: { row: FleetRow }) {
  const sweep = useFleetStore((s) => s.sweep);
  const sweepStart = useFleetStore((s) => s.sweepStart);
  const running = sweep?.state === 'running';
  const health = row.lastHealth;
  return (
    <Section title="Health">
      <p>
        <strong>{healthWords(row).text}</strong>
        {health && ` at ${healthWhen(row)}`}.{' '}
        {!health &&
          !row.tokenHeld &&
          'This computer does not keep this connection’s token, so only Stytch’s details will be checked.'}
      </p>
      {health?.nextAction && (
        <p className={health.verdict === 'failed' ? 'notice notice-warning' : 'notice notice-info'}>
          {health.nextAction}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => void sweepStart([row.organizationId])}
          disabled={running}
        >
          Check this connection
        </button>
        {running && <Busy label="A health check is running…" />}
      </div>
    </Section>
  );
}

function Token({ connection }: { connection: ScimConnectionView }) {
  const busy = useConnectionStore((s) => s.busy);
  const rotateStart = useConnectionStore((s) => s.rotateStart);
  if (connection.rotating) return <RotationPanel connection={connection} />;
  const warned = tokenExpiryWarning(expiryNow(connection.bearerTokenExpiresAt)) !== null;
  return (
    <>
      <TokenExpiryLine subject="The Secret Token" expiresAt={connection.bearerTokenExpiresAt} />
      <TokenExpiryWarning
        expiresAt={connection.bearerTokenExpiresAt}
        onRotate={() => void rotateStart()}
      />
      {/* The warning above offers the rotation itself; one button for it is enough. */}
      {!warned && (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => void rotateStart()}
            disabled={busy !== null}
          >
            Rotate the token
          </button>
          {busy === 'scim:rotateStart' && <Busy label="Asking Stytch for a new token…" />}
        </div>
      )}
    </>
  );
}

function EntraJob({ row }: { row: FleetRow }) {
  const readFor = useEntraStore((s) => s.organizationId);
  useEffect(() => {
    if (row.entraJob !== null) void useEntraStore.getState().load(row.organizationId);
  }, [row.organizationId, row.entraJob]);
  if (row.entraJob === null)
    return (
      <Section title="Entra job">
        <p>
          Not known here: this app has not linked an enterprise app for this organization, or you
          are not signed in to its Microsoft tenant.
        </p>
      </Section>
    );
  // The panel reads the job of the organization the Entra state holds: wait until it is this one.
  return readFor === row.organizationId ? (
    <HealthPanel />
  ) : (
    <Section title="Entra job">
      <p>{entraWords(row).detail?.full ?? entraWords(row).text}</p>
    </Section>
  );
}

/** Members and groups as Stytch has them, watched while this page is open. */
function Members({ row }: { row: FleetRow }) {
  useWatch({ organizationId: row.organizationId, connectionId: row.connectionId });
  return <WatchPanel />;
}

function Connection({ row }: { row: FleetRow }) {
  const connection = useConnectionStore((s) => s.connection);
  const readFor = useConnectionStore((s) => s.organizationId);
  const busy = useConnectionStore((s) => s.busy);
  const failure = useConnectionStore((s) => s.failure);
  const outcome = useConnectionStore((s) => s.outcome);
  useEffect(() => {
    void useConnectionStore.getState().load(row.organizationId);
  }, [row.organizationId]);
  const current = readFor === row.organizationId ? connection : null;
  const gone = readFor === row.organizationId && connection === null && busy === null;
  // Deleted here or elsewhere: the overview's list is read again so it no longer shows it.
  useEffect(() => {
    if (gone) void useFleetStore.getState().refresh();
  }, [gone]);
  return (
    <>
      <p className="outcome" role="status">
        {outcome}
      </p>
      {failure && <ErrorNotice failure={failure} title="The SCIM connection call failed." />}
      {busy === 'scim:getConnection' && <Busy label="Reading the connection from Stytch…" />}
      {gone && <p>Stytch has no SCIM connection for this organization now.</p>}
      {current && (
        <>
          <Section title="Details">
            <ConnectionDetails connection={current} />
          </Section>
          <Section title="Token">
            <Token connection={current} />
          </Section>
          <Members row={row} />
          <GroupRolesPanel
            organizationId={current.organizationId}
            connectionId={current.connectionId}
          />
          <EntraJob row={row} />
          <DeleteConnection />
        </>
      )}
    </>
  );
}

/**
 * One connection, to come back to: its details, last health result, token (expiry, rotation),
 * members and groups, the groups' Stytch roles, the Entra job's health, and the danger zone.
 */
export function ConnectionPage({ organizationId }: { organizationId: string }) {
  const row = useFleetStore((s) => s.rows.find((r) => r.organizationId === organizationId));
  const show = useScreenStore((s) => s.show);
  const back = (
    <button type="button" className="button button-link" onClick={() => show({ kind: 'overview' })}>
      ← All connections
    </button>
  );
  if (!row)
    return (
      <div className="connection-page">
        {back}
        <p>This organization is no longer in the list of connections.</p>
      </div>
    );
  const expiry = expiryWords(row.tokenDaysLeft);
  return (
    <div className="connection-page">
      {back}
      <h2>{row.organizationName}</h2>
      <p className="field-hint">
        <span className="mono">{row.organizationId}</span> ·{' '}
        {/* Blank while the overview's first reading has not read this connection yet. */}
        {row.identityProvider && `${identityProviderWords(row.identityProvider)} · `}token:{' '}
        <span className={`cell-${expiry.tone}`}>{expiry.text}</span>
      </p>
      <LastHealth row={row} />
      <Connection row={row} />
    </div>
  );
}

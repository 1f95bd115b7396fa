import type { ReactNode } from 'react';

import type { MicrosoftStatus } from '../../shared/entra/entra-views';
import { useAppStore } from '../state/app-store';
import { useConnectionStore } from '../state/connection-store';
import { useMicrosoftStore } from '../state/microsoft-store';
import { useOrganizationStore } from '../state/organization-store';
import { SandboxBanner } from './SandboxBanner';

type MicrosoftAccount = NonNullable<MicrosoftStatus['account']>;

/**
 * The tenant by the name main knows (the sandbox's "Contoso (sandbox)", or the domain the admin
 * gave for a real one), its ID on hover; the ID itself where that is all main knows. The same in
 * both modes, as the Microsoft account panel of the Entra steps names it.
 */
function Tenant({ account }: { account: MicrosoftAccount }) {
  if (account.tenant === account.tenantId) return <span className="mono">{account.tenantId}</span>;
  return <span title={`Tenant ID ${account.tenantId}`}>{account.tenant}</span>;
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="context-item">
      <dt>{term}:</dt>
      <dd>{children}</dd>
    </div>
  );
}

function StytchProject() {
  const status = useAppStore((s) => s.status);
  if (!status?.connected || status.projectId === null) {
    return <Item term="Stytch project">not connected</Item>;
  }
  const live = status.environment === 'live';
  return (
    <Item term="Stytch project">
      <span className="mono">{status.projectId}</span>{' '}
      {status.environment && (
        // "Live" is said in words; the warning colour only repeats it.
        <span className={live ? 'context-env context-live' : 'context-env'}>
          {live ? 'Live' : 'Test'}
        </span>
      )}
    </Item>
  );
}

function Organization() {
  const connected = useAppStore((s) => s.status?.connected ?? false);
  const selected = useOrganizationStore((s) => s.selected);
  if (!connected) return null;
  if (!selected) return <Item term="Organization">not chosen</Item>;
  return (
    <Item term="Organization">
      {selected.name ?? <span className="mono">{selected.organizationId}</span>}
    </Item>
  );
}

function Connection() {
  const organizationId = useOrganizationStore((s) => s.selected?.organizationId ?? null);
  const connection = useConnectionStore((s) => s.connection);
  const readFor = useConnectionStore((s) => s.organizationId);
  // What was read for another organization says nothing about this one.
  if (organizationId === null || readFor !== organizationId) return null;
  return <Item term="SCIM connection">{connection ? connection.displayName : 'none yet'}</Item>;
}

function Microsoft() {
  const account = useMicrosoftStore((s) => s.status?.account ?? null);
  if (!account) return null;
  return (
    <Item term="Microsoft">
      {account.name ? `${account.name} (${account.username})` : account.username}, tenant{' '}
      <Tenant account={account} />
      {account.renewalLost === true && (
        <strong className="context-warning"> (sign-in expired: sign in again)</strong>
      )}
    </Item>
  );
}

/**
 * Where the admin is, on every screen: the Stytch project (Live said in words), organization,
 * SCIM connection, Microsoft account and tenant once signed in, and the sandbox label.
 */
export function ContextBar() {
  return (
    <section className="context-bar" aria-label="Where you are">
      <SandboxBanner />
      <dl className="context-items">
        <StytchProject />
        <Organization />
        <Connection />
        <Microsoft />
      </dl>
    </section>
  );
}

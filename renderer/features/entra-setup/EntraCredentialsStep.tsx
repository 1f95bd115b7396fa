import type { ReactNode } from 'react';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { useConnectionStore } from '../../state/connection-store';
import type { ProbeTarget } from '../../state/probe-store';
import { AssistantOnly } from './AssistantOnly';
import { AssistantTicks } from './AssistantTicks';
import { EntraTestPanel } from './EntraTestPanel';
import { MappingPanel } from './MappingPanel';
import { EntraPart } from './NeedsJob';

function SaveTicks({ view, connectionId }: { view: EntraSetupView; connectionId: string }) {
  const passed = view.lastTest?.connectionId === connectionId && view.lastTest.passed;
  const saved = view.credentialsSaved?.connectionId === connectionId;
  return (
    <>
      <AssistantTicks
        step="configure-credentials"
        items={['entra-test']}
        evidence={
          passed && saved
            ? 'Entra’s Test Connection passed and the credentials are saved in Entra.'
            : null
        }
      />
      {/* The save's own notice says so: the values are in Entra, nothing is left to paste. */}
      <AssistantTicks
        step="configure-credentials"
        items={['pasted']}
        evidence={saved ? 'the Tenant URL and Secret Token are saved in Entra.' : null}
        silent
      />
    </>
  );
}

function MappingTicks({ view }: { view: EntraSetupView }) {
  return (
    <AssistantTicks
      step="configure-credentials"
      items={['mapping']}
      evidence={view.mapping?.correct ? 'the user mapping sends objectId as externalId.' : null}
    />
  );
}

/** The connection on screen as the assistant's check reaches it, or null without a usable one. */
function useConnectionTarget(): ProbeTarget | null {
  const connection = useConnectionStore((s) => s.connection);
  // Without a usable connection the credentials part says what to do first.
  if (connection === null || connection.rotating) return null;
  return {
    organizationId: connection.organizationId,
    tenantUrl: connection.tenantUrl,
    token: { kind: 'scim-token', connectionId: connection.connectionId },
  };
}

/** A part of step 6: once there is a usable connection, its app and job, `children`. */
function CredentialsPart({
  children,
}: {
  children: (view: EntraSetupView, target: ProbeTarget) => ReactNode;
}) {
  const target = useConnectionTarget();
  if (target === null) return null;
  return <EntraPart>{(view) => children(view, target)}</EntraPart>;
}

/** Step 6's first part in assistant mode: Entra's Test Connection and the save in Entra. */
export function EntraSaveCredentials() {
  return (
    <CredentialsPart>
      {(view, target) => (
        <>
          <EntraTestPanel view={view} probeTarget={target} />
          <SaveTicks view={view} connectionId={target.token.connectionId} />
        </>
      )}
    </CredentialsPart>
  );
}

/** Step 6's second part in assistant mode: the user mapping. */
export function EntraMapping() {
  return (
    <CredentialsPart>
      {(view) => (
        <>
          <MappingPanel view={view} />
          <MappingTicks view={view} />
        </>
      )}
    </CredentialsPart>
  );
}

/** Step 6 done by hand: the offer to let the assistant do it (its parts are shown in its mode). */
export function EntraCredentialsStep() {
  return (
    <AssistantOnly>
      <EntraSaveCredentials />
      <EntraMapping />
    </AssistantOnly>
  );
}

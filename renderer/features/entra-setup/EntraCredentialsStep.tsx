import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { useConnectionStore } from '../../state/connection-store';
import type { ProbeTarget } from '../../state/probe-store';
import { AssistantOnly } from './AssistantOnly';
import { AssistantTicks } from './AssistantTicks';
import { EntraTestPanel } from './EntraTestPanel';
import { MappingPanel } from './MappingPanel';
import { NeedsJob } from './NeedsJob';

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
      <AssistantTicks
        step="configure-credentials"
        items={['pasted']}
        evidence={
          saved ? 'the Tenant URL and Secret Token are saved in Entra: nothing to paste.' : null
        }
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

/** Step 6's first part in assistant mode: Entra's Test Connection and the save in Entra. */
export function EntraSaveCredentials() {
  const target = useConnectionTarget();
  if (target === null) return null;
  return (
    <div className="entra-setup">
      <NeedsJob>
        {(view) => (
          <>
            <EntraTestPanel view={view} probeTarget={target} />
            <SaveTicks view={view} connectionId={target.token.connectionId} />
          </>
        )}
      </NeedsJob>
    </div>
  );
}

/** Step 6's second part in assistant mode: the user mapping. */
export function EntraMapping() {
  const target = useConnectionTarget();
  if (target === null) return null;
  return (
    <div className="entra-setup">
      <NeedsJob>
        {(view) => (
          <>
            <MappingPanel view={view} />
            <MappingTicks view={view} />
          </>
        )}
      </NeedsJob>
    </div>
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

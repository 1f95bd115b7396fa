import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { useConnectionStore } from '../../state/connection-store';
import { AssistantOnly } from './AssistantOnly';
import { AssistantTicks } from './AssistantTicks';
import { EntraTestPanel } from './EntraTestPanel';
import { MappingPanel } from './MappingPanel';
import { NeedsJob } from './NeedsJob';

function CredentialsTicks({ view, connectionId }: { view: EntraSetupView; connectionId: string }) {
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
      <AssistantTicks
        step="configure-credentials"
        items={['mapping']}
        evidence={view.mapping?.correct ? 'the user mapping sends objectId as externalId.' : null}
      />
    </>
  );
}

/** Step 6 in assistant mode, beside the probe: Entra's Test Connection, the save and the mapping. */
export function EntraCredentialsStep() {
  const connection = useConnectionStore((s) => s.connection);
  // Without a usable connection the step above says what to do first.
  if (connection === null || connection.rotating) return null;
  const { connectionId } = connection;
  const probeTarget = {
    organizationId: connection.organizationId,
    tenantUrl: connection.tenantUrl,
    token: { kind: 'scim-token', connectionId },
  } as const;
  return (
    <AssistantOnly>
      <div className="entra-setup">
        <NeedsJob>
          {(view) => (
            <>
              <EntraTestPanel view={view} probeTarget={probeTarget} />
              <MappingPanel view={view} />
              <CredentialsTicks view={view} connectionId={connectionId} />
            </>
          )}
        </NeedsJob>
      </div>
    </AssistantOnly>
  );
}

import { useEntraStore } from '../../state/entra-store';
import { useMicrosoftStore } from '../../state/microsoft-store';
import { AppPanel } from './AppPanel';
import { AssistantTicks } from './AssistantTicks';
import { MicrosoftPanel } from './MicrosoftPanel';
import { OpFailure } from './OpFailure';
import { useEntraSetup } from './use-entra-setup';

/** Step 3 in assistant mode: Microsoft sign-in, then the enterprise app found or created. */
export function EntraAppStep() {
  const assistant = useEntraStore((s) => s.choice === 'assistant');
  if (!assistant) return null;
  return <AssistantAppStep />;
}

function AssistantAppStep() {
  const { view } = useEntraSetup();
  const ready = useMicrosoftStore(
    (s) => s.status !== null && (s.status.sandbox || s.status.clientIdConfigured),
  );
  const app = view?.app ?? null;
  const evidence =
    app && app.nonGallery
      ? `the enterprise app “${app.displayName}” exists (service principal ${app.servicePrincipalId}) and was made from the non-gallery template.`
      : null;
  return (
    <div className="entra-setup">
      <MicrosoftPanel />
      <OpFailure ops={['entra:get']} title="Couldn’t read what the assistant knows of Entra." />
      {ready && <AppPanel view={view} />}
      <AssistantTicks
        step="create-entra-app"
        items={['own-app', 'non-gallery']}
        evidence={evidence}
      />
    </div>
  );
}

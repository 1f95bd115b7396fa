import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useMicrosoftStore } from '../../state/microsoft-store';
import { ClientIdForm } from './ClientIdForm';
import { ClientIdGuide } from './ClientIdGuide';
import { MicrosoftAccount } from './MicrosoftAccount';
import { useMicrosoftStatus } from './use-microsoft-status';

/**
 * Step 3's Microsoft panel: how to register the app the assistant signs in with (until a client
 * ID is saved; never in the sandbox), then who is signed in.
 */
export function MicrosoftPanel() {
  useMicrosoftStatus();
  const status = useMicrosoftStore((s) => s.status);
  const busy = useMicrosoftStore((s) => s.busy);
  const failure = useMicrosoftStore((s) => s.failure);
  const needsClientId = status !== null && !status.sandbox && !status.clientIdConfigured;
  return (
    <section className="microsoft" aria-labelledby="microsoft-heading">
      <h3 id="microsoft-heading">Microsoft sign-in</h3>
      {status === null && busy === 'microsoft:status' && (
        <Busy label="Reading your Microsoft sign-in…" />
      )}
      {status === null && failure && (
        <ErrorNotice failure={failure} title="Couldn’t read your Microsoft sign-in." />
      )}
      {needsClientId && (
        <>
          <ClientIdGuide />
          <ClientIdForm />
        </>
      )}
      {status !== null && !needsClientId && <MicrosoftAccount />}
    </section>
  );
}

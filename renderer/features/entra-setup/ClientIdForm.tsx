import { useState, type SubmitEvent } from 'react';

import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useMicrosoftStore } from '../../state/microsoft-store';

/** The shape of an application (client) ID: a GUID (MicrosoftClientIdSchema checks the same). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The field for the app registration's Application (client) ID, saved in the settings file. */
export function ClientIdForm() {
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const busy = useMicrosoftStore((s) => s.busy);
  const failure = useMicrosoftStore((s) => s.failure);
  const saveClientId = useMicrosoftStore((s) => s.saveClientId);
  const trimmed = value.trim();
  const invalid = touched && !GUID.test(trimmed);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (GUID.test(trimmed)) void saveClientId(trimmed);
  };
  return (
    <form className="form" onSubmit={submit} aria-busy={busy === 'client-id'}>
      <div className="field">
        <label htmlFor="microsoft-client-id">Application (client) ID</label>
        <input
          id="microsoft-client-id"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={invalid}
          aria-describedby="microsoft-client-id-hint"
        />
        <p id="microsoft-client-id-hint" className="field-hint" aria-live="polite">
          {invalid
            ? 'An application (client) ID looks like 00000000-0000-0000-0000-000000000000.'
            : 'From your app registration’s Overview page.'}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          Save the client ID
        </button>
        {busy === 'client-id' && <Busy label="Saving the client ID…" />}
      </div>
      {failure && <ErrorNotice failure={failure} title="The client ID could not be saved." />}
    </form>
  );
}

import { useState, type SubmitEvent } from 'react';

import {
  CLIENT_ID_REFUSED,
  isMicrosoftClientId,
  microsoftTenantOf,
  TENANT_REFUSED,
} from '../../../shared/settings/microsoft-app';
import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useMicrosoftStore } from '../../state/microsoft-store';

/** What a field says: its label, its usual hint, and the hint once what it holds is refused. */
interface FieldWords {
  label: string;
  hint: string;
  refused: string;
}

const CLIENT_ID_WORDS: FieldWords = {
  label: 'Application (client) ID',
  hint: 'From your app registration’s Overview page.',
  refused: CLIENT_ID_REFUSED,
};

const TENANT_WORDS: FieldWords = {
  label: 'Tenant (primary domain or tenant ID)',
  hint: 'Where the app is registered: the primary domain or Directory (tenant) ID from the Overview page. Sign-in goes to this tenant only.',
  refused: TENANT_REFUSED,
};

/**
 * The check a field's text (trimmed first) goes through, the one the settings' schema is built
 * on: the value to save, or null when refused.
 */
type ReadText = (text: string) => string | null;

const clientIdOf: ReadText = (text) => (isMicrosoftClientId(text) ? text : null);

/** One text field's state: what is typed, and what the settings' check makes of it. */
function useTextField(id: string, read: ReadText) {
  const [value, setValue] = useState('');
  return { id, value, setValue, parsed: read(value.trim()) };
}

/** A one-line text field with its hint, which says what is wrong once `checked` and refused. */
function TextField({
  field,
  words,
  checked,
}: {
  field: ReturnType<typeof useTextField>;
  words: FieldWords;
  checked: boolean;
}) {
  const invalid = checked && field.parsed === null;
  return (
    <div className="field">
      <label htmlFor={field.id}>{words.label}</label>
      <input
        id={field.id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={field.value}
        onChange={(e) => field.setValue(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={`${field.id}-hint`}
      />
      <p id={`${field.id}-hint`} className="field-hint" aria-live="polite">
        {invalid ? words.refused : words.hint}
      </p>
    </div>
  );
}

/**
 * The fields for the app registration's Application (client) ID and the tenant it lives in,
 * saved together in the settings file (checked as the settings' own schemas check them).
 */
export function ClientIdForm() {
  const clientId = useTextField('microsoft-client-id', clientIdOf);
  const tenant = useTextField('microsoft-tenant', microsoftTenantOf);
  const [touched, setTouched] = useState(false);
  const busy = useMicrosoftStore((s) => s.busy);
  const failure = useMicrosoftStore((s) => s.failure);
  const saveClientId = useMicrosoftStore((s) => s.saveClientId);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (clientId.parsed !== null && tenant.parsed !== null)
      void saveClientId(clientId.parsed, tenant.parsed);
  };
  return (
    <form className="form" onSubmit={submit} aria-busy={busy === 'settings:update'}>
      <TextField field={clientId} words={CLIENT_ID_WORDS} checked={touched} />
      <TextField field={tenant} words={TENANT_WORDS} checked={touched} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          Save the client ID and tenant
        </button>
        {busy === 'settings:update' && <Busy label="Saving the client ID and tenant…" />}
      </div>
      {failure && (
        <ErrorNotice failure={failure} title="The client ID and tenant could not be saved." />
      )}
    </form>
  );
}

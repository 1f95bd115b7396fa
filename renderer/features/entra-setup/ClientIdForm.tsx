import { useState, type SubmitEvent } from 'react';

import { MicrosoftClientIdSchema, MicrosoftTenantSchema } from '../../../shared/settings/settings';
import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useMicrosoftStore } from '../../state/microsoft-store';

/**
 * The fields for the app registration's Application (client) ID and the tenant it lives in,
 * saved together in the settings file (checked with the settings' own schemas).
 */
export function ClientIdForm() {
  const [clientId, setClientId] = useState('');
  const [tenant, setTenant] = useState('');
  const [touched, setTouched] = useState(false);
  const busy = useMicrosoftStore((s) => s.busy);
  const failure = useMicrosoftStore((s) => s.failure);
  const saveClientId = useMicrosoftStore((s) => s.saveClientId);
  const parsedId = MicrosoftClientIdSchema.safeParse(clientId.trim());
  const parsedTenant = MicrosoftTenantSchema.safeParse(tenant);
  const idInvalid = touched && !parsedId.success;
  const tenantInvalid = touched && !parsedTenant.success;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (parsedId.success && parsedTenant.success)
      void saveClientId(parsedId.data, parsedTenant.data);
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
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
          aria-invalid={idInvalid}
          aria-describedby="microsoft-client-id-hint"
        />
        <p id="microsoft-client-id-hint" className="field-hint" aria-live="polite">
          {idInvalid
            ? 'An application (client) ID looks like 00000000-0000-0000-0000-000000000000.'
            : 'From your app registration’s Overview page.'}
        </p>
      </div>
      <div className="field">
        <label htmlFor="microsoft-tenant">Tenant (primary domain or tenant ID)</label>
        <input
          id="microsoft-tenant"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={tenant}
          onChange={(e) => setTenant(e.target.value)}
          aria-invalid={tenantInvalid}
          aria-describedby="microsoft-tenant-hint"
        />
        <p id="microsoft-tenant-hint" className="field-hint" aria-live="polite">
          {tenantInvalid
            ? 'A tenant is its primary domain (like contoso.onmicrosoft.com) or its tenant ID (like 00000000-0000-0000-0000-000000000000).'
            : 'Where the app is registered: the primary domain or Directory (tenant) ID from the Overview page. Sign-in goes to this tenant only.'}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          Save the client ID and tenant
        </button>
        {busy === 'client-id' && <Busy label="Saving the client ID and tenant…" />}
      </div>
      {failure && (
        <ErrorNotice failure={failure} title="The client ID and tenant could not be saved." />
      )}
    </form>
  );
}

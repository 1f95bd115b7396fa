import { useState, type SubmitEvent } from 'react';

import { Busy } from '../../components/Busy';
import { useConnectionStore } from '../../state/connection-store';

/** Stytch keeps this name with the connection; it helps admins recognise it later. */
const DEFAULT_DISPLAY_NAME = 'Microsoft Entra ID';

/** The organization has no connection yet: name it and create it. */
export function CreateConnectionForm({ organizationId }: { organizationId: string }) {
  const [displayName, setDisplayName] = useState(DEFAULT_DISPLAY_NAME);
  const busy = useConnectionStore((s) => s.busy);
  const create = useConnectionStore((s) => s.create);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void create(organizationId, displayName.trim());
  };

  return (
    <form className="form" onSubmit={submit} aria-busy={busy === 'scim:createConnection'}>
      <p>This organization has no SCIM connection yet.</p>
      <div className="field">
        <label htmlFor="connection-name">Connection display name</label>
        <input
          id="connection-name"
          type="text"
          maxLength={200}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </div>
      <div className="actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy !== null || displayName.trim() === ''}
        >
          Create SCIM connection
        </button>
        {busy === 'scim:createConnection' && (
          <Busy label="Creating the connection and saving its token…" />
        )}
      </div>
    </form>
  );
}

import { useState, type SubmitEvent } from 'react';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { Busy } from '../../components/Busy';
import { useEntraStore } from '../../state/entra-store';
import { useOrganizationStore } from '../../state/organization-store';
import { AppCandidates } from './AppCandidates';
import { AppEvidence } from './AppEvidence';
import { OpFailure } from './OpFailure';

const BUSY_WORDS = {
  find: 'Looking for the app in Entra…',
  create: 'Creating the app in Entra (Entra can take a few seconds to replicate it)…',
  use: 'Reading the app…',
} as const;

/** The app's default name, after the Stytch organization so other admins recognise it. */
function useDefaultName(): string {
  const organization = useOrganizationStore((s) => s.selected);
  return `Stytch SCIM – ${organization?.name ?? organization?.organizationId ?? 'organization'}`;
}

/**
 * Finds the enterprise app already made for this organization (by name, e.g. made by hand) or
 * creates one from the non-gallery template, and shows which app the assistant works on.
 */
export function AppPanel({ view }: { view: EntraSetupView | null }) {
  const defaultName = useDefaultName();
  const [name, setName] = useState(defaultName);
  // Which app "Use another app" was asked on: choosing ends once another app is in use.
  const [choosingFrom, setChoosingFrom] = useState<string | null>(null);
  const busy = useEntraStore((s) => s.busy);
  const findApps = useEntraStore((s) => s.findApps);
  const createApp = useEntraStore((s) => s.createApp);
  const app = view?.app ?? null;
  const choosing = app !== null && choosingFrom === app.servicePrincipalId;
  const trimmed = name.trim();
  const find = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (trimmed) void findApps(trimmed);
  };
  const inFlight = busy === 'find' || busy === 'create' || busy === 'use' ? busy : null;
  return (
    <section
      className="entra-app"
      aria-labelledby="entra-app-heading"
      aria-busy={inFlight !== null}
    >
      <h3 id="entra-app-heading">The enterprise app</h3>
      {app && <AppEvidence app={app} />}
      {app && !choosing && (
        <button
          type="button"
          className="button button-link"
          onClick={() => setChoosingFrom(app.servicePrincipalId)}
        >
          Use another app
        </button>
      )}
      {(!app || choosing) && (
        <form className="form" onSubmit={find}>
          <div className="field">
            <label htmlFor="entra-app-name">App name</label>
            <input
              id="entra-app-name"
              type="text"
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={busy !== null || !trimmed}>
              Find existing
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy !== null || !trimmed}
              onClick={() => void createApp(trimmed)}
            >
              Create the app
            </button>
          </div>
        </form>
      )}
      {inFlight && <Busy label={BUSY_WORDS[inFlight]} />}
      <OpFailure ops={['find', 'create', 'use']} title="The assistant could not set up the app." />
      {(!app || choosing) && <AppCandidates />}
    </section>
  );
}

import { useState, type SubmitEvent } from 'react';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { Busy } from '../../components/Busy';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useEntraStore } from '../../state/entra-store';
import { useOrganizationStore } from '../../state/organization-store';
import { AppCandidates } from './AppCandidates';
import { AppEvidence } from './AppEvidence';
import { OpFailure } from './OpFailure';

const BUSY_WORDS = {
  'entra:findApps': 'Looking for the app in Entra…',
  'entra:createApp': 'Creating the app in Entra (Entra can take a few seconds to replicate it)…',
  'entra:useApp': 'Reading the app…',
} as const;

/** The app's default name, after the Stytch organization so other admins recognise it. */
function useDefaultName(): string {
  const organization = useOrganizationStore((s) => s.selected);
  return `Stytch SCIM – ${organization?.name ?? organization?.organizationId ?? 'organization'}`;
}

/**
 * main's question before "Use this app" takes over an app whose provisioning already goes to
 * another endpoint: the host it names, and what saying yes replaces there. Yes sends the host
 * back (main links only if it still reads the same one); no leaves nothing linked.
 */
function HostConfirmation() {
  const pending = useEntraStore((s) => s.appToConfirm);
  const busy = useEntraStore((s) => s.busy);
  const selectApp = useEntraStore((s) => s.selectApp);
  const keepApp = useEntraStore((s) => s.keepApp);
  if (pending === null) return null;
  const { app, host } = pending;
  return (
    <div
      className="notice notice-warning"
      role="group"
      aria-label={`${app.displayName} provisions to ${host}`}
    >
      <p className="notice-title">
        “{app.displayName}” already provisions users to {host}.
      </p>
      <p>
        Its provisioning job holds a Tenant URL on <strong className="mono">{host}</strong>, not
        this organization’s Stytch SCIM connection. If the assistant uses this app, saving the
        credentials replaces that Tenant URL and Secret Token: {host} stops receiving the users this
        app provisions.
      </p>
      <div className="actions">
        <ConfirmAction
          trigger="Use this app anyway…"
          question={`Replace the provisioning to ${host} with this organization’s?`}
          confirm={`Yes, use it and replace ${host}`}
          cancel="Cancel"
          tone="danger"
          disabled={busy !== null}
          progress={busy === 'entra:useApp' ? 'Reading the app…' : null}
          onConfirm={() => void selectApp(app.servicePrincipalId, host)}
        >
          <p>
            Nothing changes in Entra yet: the Tenant URL and Secret Token are replaced when you save
            the credentials.
          </p>
        </ConfirmAction>
        <button type="button" className="button" onClick={keepApp} disabled={busy !== null}>
          Choose another app
        </button>
      </div>
    </div>
  );
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
  const inFlight =
    busy === 'entra:findApps' || busy === 'entra:createApp' || busy === 'entra:useApp'
      ? busy
      : null;
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
      <OpFailure
        ops={['entra:findApps', 'entra:createApp', 'entra:useApp']}
        title="The assistant could not set up the app."
      />
      {(!app || choosing) && <HostConfirmation />}
      {(!app || choosing) && <AppCandidates />}
    </section>
  );
}

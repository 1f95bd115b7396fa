import { useEffect, useRef, useState, type SubmitEvent } from 'react';

import type { ErrorCode } from '../../../shared/errors';

import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../state/app-store';
import { useStytchStore } from '../../state/stytch-store';
import { ConnectedProject } from './ConnectedProject';
import { describeProjectId } from './project-id';

/**
 * Stytch's refusals of what was typed: the same call again cannot help, so the field to change
 * takes focus instead of a Retry (the secret is never kept to send again).
 */
const REFUSED_FIELD: Partial<Record<ErrorCode, 'project-id' | 'secret'>> = {
  STYTCH_BAD_CREDENTIALS: 'secret',
  STYTCH_ENVIRONMENT_MISMATCH: 'secret',
  STYTCH_PROJECT_ID_INVALID: 'project-id',
};

/** Project ID + secret form, and the way into the sandbox. */
export function ConnectStep() {
  const savedProjectId = useAppStore((s) => s.status?.projectId ?? s.savedProjectId);
  const busy = useStytchStore((s) => s.busy);
  const startingLarge = useStytchStore((s) => s.startingLarge);
  const failure = useStytchStore((s) => s.failure);
  const connect = useStytchStore((s) => s.connect);
  const startSandbox = useStytchStore((s) => s.startSandbox);
  const [projectId, setProjectId] = useState(savedProjectId ?? '');
  const [secret, setSecret] = useState('');
  const secretInput = useRef<HTMLInputElement>(null);
  const projectIdInput = useRef<HTMLInputElement>(null);
  const refused = failure ? REFUSED_FIELD[failure.error.code] : undefined;

  // A refusal puts focus in the field to change; the notice says what to check.
  useEffect(() => {
    if (refused === 'secret') secretInput.current?.focus();
    if (refused === 'project-id') projectIdInput.current?.focus();
  }, [failure, refused]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = secret;
    // The secret leaves component state as soon as it is handed to main.
    setSecret('');
    void connect(projectId.trim(), typed);
  };

  const retry = () => {
    failure?.retry();
    secretInput.current?.focus();
  };

  const environment = describeProjectId(projectId);
  return (
    <div className="connect" aria-busy={busy !== null}>
      <ConnectedProject />
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="project-id">Project ID</label>
          <input
            id="project-id"
            ref={projectIdInput}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={projectId}
            onChange={(e) => setProjectId(e.target.value)}
            aria-describedby="project-id-environment"
            aria-invalid={refused === 'project-id' ? true : undefined}
          />
          <p id="project-id-environment" className="field-hint" aria-live="polite">
            {environment}
          </p>
        </div>
        <div className="field">
          <label htmlFor="project-secret">Secret</label>
          <input
            id="project-secret"
            ref={secretInput}
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            aria-describedby={
              refused ? 'project-secret-hint connect-refused' : 'project-secret-hint'
            }
            aria-invalid={refused === 'secret' ? true : undefined}
          />
          <p id="project-secret-hint" className="field-hint">
            Kept in your system keychain, never in a file.
          </p>
        </div>
        <div className="actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy !== null || projectId.trim() === '' || secret.trim() === ''}
          >
            Connect
          </button>
          {busy === 'stytch:connect' && <Busy label="Checking the project with Stytch…" />}
        </div>
      </form>
      {failure && (
        <ErrorNotice
          failure={{ ...failure, retry }}
          title="Couldn’t connect to Stytch."
          offerRetry={refused === undefined}
        >
          {refused && (
            <p className="notice-next" id="connect-refused">
              {refused === 'secret'
                ? 'The secret field was emptied: paste the secret again (from the same environment as the project ID), then choose Connect.'
                : 'Correct the project ID above, paste the secret again, then choose Connect.'}
            </p>
          )}
        </ErrorNotice>
      )}
      <div className="sandbox-offer">
        <p>
          No Stytch project at hand? Rehearse the whole flow in a local sandbox that stands in for
          Stytch and Entra.
        </p>
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => void startSandbox()}
            disabled={busy !== null}
          >
            Try it with a local sandbox
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void startSandbox(true)}
            disabled={busy !== null}
          >
            Try it with a large project
          </button>
        </div>
        {busy === 'sandbox:start' && (
          <Busy
            label={
              startingLarge
                ? 'Starting a sandbox with about 2,000 organizations…'
                : 'Starting the sandbox…'
            }
          />
        )}
      </div>
    </div>
  );
}

import { useRef, useState, type SubmitEvent } from 'react';

import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../state/app-store';
import { useStytchStore } from '../../state/stytch-store';
import { ConnectedProject } from './ConnectedProject';
import { describeProjectId } from './project-id';

/** Project ID + secret form, and the way into the sandbox. */
export function ConnectStep() {
  const savedProjectId = useAppStore((s) => s.status?.projectId ?? s.savedProjectId);
  const busy = useStytchStore((s) => s.busy);
  const failure = useStytchStore((s) => s.failure);
  const connect = useStytchStore((s) => s.connect);
  const startSandbox = useStytchStore((s) => s.startSandbox);
  const [projectId, setProjectId] = useState(savedProjectId ?? '');
  const [secret, setSecret] = useState('');
  const secretInput = useRef<HTMLInputElement>(null);

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
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={projectId}
            onChange={(e) => setProjectId(e.target.value)}
            aria-describedby="project-id-environment"
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
            aria-describedby="project-secret-hint"
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
          {busy === 'connect' && <Busy label="Checking the project with Stytch…" />}
        </div>
      </form>
      {failure && (
        <ErrorNotice failure={{ ...failure, retry }} title="Couldn’t connect to Stytch." />
      )}
      <div className="sandbox-offer">
        <p>No Stytch project at hand? Rehearse the whole flow against local stand-ins.</p>
        <button
          type="button"
          className="button"
          onClick={() => void startSandbox()}
          disabled={busy !== null}
        >
          Try it with a local sandbox
        </button>
        {busy === 'sandbox' && <Busy label="Starting the sandbox…" />}
      </div>
    </div>
  );
}

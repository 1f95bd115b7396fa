import type { Handler } from '../ipc/dispatch';
import { noticeIfWarned } from '../stytch/stytch-handlers';
import type { StytchSession } from '../stytch/stytch-session';

/** What starting the sandbox needs from the launcher (`SandboxLauncher` fits). */
export interface SandboxStarter {
  ensureStarted(): Promise<{ apiBaseUrl: string; projectId: string; secret: string }>;
}

/** What `sandbox:start` uses (a slice of `Services`). */
export interface SandboxServices {
  stytch: StytchSession;
  /** Sandbox mode's local stand-ins, started on first use (main/sandbox/sandbox.ts). */
  sandbox: SandboxStarter;
}

/**
 * `sandbox:start`: starts the local Stytch stand-in and its SCIM server (once per run; later
 * calls reuse them), connects the session to it like any project (one verified call, secret
 * kept through the keeper), and answers the status, in mode 'sandbox'.
 */
export const sandboxStart: Handler<'sandbox:start', SandboxServices> = async (
  _request,
  services,
  emit,
) => {
  const sandbox = await services.sandbox.ensureStarted();
  const outcome = await services.stytch.connect({
    projectId: sandbox.projectId,
    secret: sandbox.secret,
    baseUrl: sandbox.apiBaseUrl,
    mode: 'sandbox',
  });
  noticeIfWarned(emit, outcome.keychainWarning);
  return outcome.status;
};

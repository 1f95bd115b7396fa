import { noticeIfWarned, type FeatureHandlers } from '../ipc/dispatch';
import type { StytchSession } from '../stytch/stytch-session';
import type { SandboxLauncher } from './sandbox';

/** What the sandbox:* handlers use (a slice of `Services`). */
export interface SandboxServices {
  stytch: StytchSession;
  /** Sandbox mode's local stand-ins, started on first use (main/sandbox/sandbox.ts). */
  sandbox: SandboxLauncher;
}

/** The sandbox:* channels. */
export const sandboxHandlers = {
  /**
   * Starts the local Stytch stand-in and its SCIM server (once per run; later calls reuse them),
   * connects the session to it like any project (one verified call, secret kept in the
   * keychain), and answers the status, in mode 'sandbox'.
   */
  'sandbox:start': async (_request, services, emit) => {
    const sandbox = await services.sandbox.ensureStarted();
    const outcome = await services.stytch.connect({
      projectId: sandbox.projectId,
      secret: sandbox.secret,
      baseUrl: sandbox.apiBaseUrl,
      mode: 'sandbox',
    });
    noticeIfWarned(emit, outcome.keychainWarning);
    return outcome.status;
  },
} satisfies FeatureHandlers<SandboxServices>;

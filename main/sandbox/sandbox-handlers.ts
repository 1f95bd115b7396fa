import { noticeIfWarned, type FeatureHandlers } from '../ipc/dispatch';
import type { Secrets } from '../secrets/secrets';
import type { StytchSession } from '../stytch/stytch-session';
import type { SandboxLauncher } from './sandbox';

/** What the sandbox:* handlers use (a slice of `Services`). */
export interface SandboxServices {
  stytch: StytchSession;
  /** Sandbox mode's local stand-ins, started on first use (main/sandbox/sandbox.ts). */
  sandbox: SandboxLauncher;
  /** Where the large project's "made through the app" tokens go, as Create's would. */
  secrets: Pick<Secrets, 'saveCreatedToken'>;
}

/** The sandbox:* channels. */
export const sandboxHandlers = {
  /**
   * Starts the local Stytch stand-in and its SCIM server (once per run; later calls reuse them),
   * connects the session to it like any project (one verified call, secret kept in the
   * keychain), and answers the status, in mode 'sandbox'.
   */
  'sandbox:start': async (request, services, emit) => {
    const sandbox = await services.sandbox.ensureStarted({ large: request.large ?? false });
    const outcome = await services.stytch.connect({
      projectId: sandbox.projectId,
      secret: sandbox.secret,
      baseUrl: sandbox.apiBaseUrl,
      mode: 'sandbox',
    });
    noticeIfWarned(emit, outcome.keychainWarning);
    // The large project's connections "made through this app": their tokens are kept as
    // Create's would be, so the health sweep can send Entra's query with them.
    let warning: string | null = null;
    for (const handed of sandbox.state.takeHandedTokens()) {
      const { organizationId, connectionId, token } = handed;
      const saved = await services.secrets.saveCreatedToken(
        { projectId: sandbox.projectId, organizationId, connectionId },
        token,
      );
      warning ??= saved.keychainWarning;
    }
    // One notice for the lot: the same keychain refusal would otherwise repeat per token.
    noticeIfWarned(emit, warning);
    return outcome.status;
  },
} satisfies FeatureHandlers<SandboxServices>;

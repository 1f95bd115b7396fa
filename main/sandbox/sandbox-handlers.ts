import { appFailure } from '../../shared/errors';
import type { EntraAppLink } from '../../shared/settings/settings';
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
  /** Where the large project's earlier Entra links are kept (the Entra steps' `EntraLinks`). */
  entra: { contexts: { links: { saveAll(links: readonly EntraAppLink[]): Promise<void> } } };
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
    // The large project's Entra apps, linked "earlier": the overview shows their jobs' states.
    const earlier = sandbox.takeEarlierLinks();
    if (earlier.length > 0) await services.entra.contexts.links.saveAll(earlier);
    return outcome.status;
  },
  /**
   * Creates the test user in the sandbox tenant ("Contoso (sandbox)"). Refused unless this run
   * is connected to the sandbox: the assistant never creates users in a real tenant.
   */
  'sandbox:createTestUser': async (_request, services) => {
    if (services.stytch.project()?.mode !== 'sandbox') {
      throw appFailure(
        'SANDBOX_ONLY',
        'The assistant creates a test user only in the sandbox tenant, never in a real one.',
        'In the Microsoft Entra admin center, create a dedicated test user (for example “Test User (SCIM check)”) and assign it here.',
      );
    }
    const { microsoft } = await services.sandbox.ensureStarted();
    const user = microsoft.graph.state.addTestUser();
    return {
      id: user.objectId,
      kind: 'user',
      displayName: user.displayName ?? user.userPrincipalName,
      detail: user.userPrincipalName,
    };
  },
} satisfies FeatureHandlers<SandboxServices>;

import { noticeIfWarned, type FeatureHandlers } from '../ipc/dispatch';
import type { Logger } from '../logging/logger';
import type { Secrets } from '../secrets/secrets';
import { searchForPicker } from './organization-picker';
import type { StytchSession } from './stytch-session';

/**
 * What the stytch:* and scim:* handlers use (a slice of `Services`). `secrets` is a Pick, not the
 * whole service, so the Stytch tests' in-memory double (test/main/stytch/support.ts) fits it.
 */
export interface StytchServices {
  logger: Logger;
  /** The Stytch project of this run (main/stytch/stytch-session.ts). */
  stytch: StytchSession;
  /** The SCIM token lifecycle (main/secrets/secrets.ts in the app). */
  secrets: Pick<
    Secrets,
    | 'saveCreatedToken'
    | 'saveNextToken'
    | 'completeRotation'
    | 'cancelRotation'
    | 'deleteConnection'
    | 'status'
  >;
  /**
   * The provisioning watch (main/provisioning-watch/ in the app), told that members' roles are
   * about to change; absent in the Stytch tests' services.
   */
  watch?: { around<T>(organizationId: string, action: () => Promise<T>): Promise<T> };
}

/** The stytch:* channels. */
export const stytchHandlers = {
  /** Which project the app is connected to (reconnecting a remembered one). */
  'stytch:status': (_request, services) => services.stytch.status(),

  /**
   * Checks the project ID (test/live prefix) and secret with one cheap call, then keeps the
   * secret in the keychain. The secret never comes back.
   */
  'stytch:connect': async (request, services, emit) => {
    const outcome = await services.stytch.connect({
      projectId: request.projectId,
      secret: request.secret,
    });
    noticeIfWarned(emit, outcome.keychainWarning);
    return outcome.status;
  },

  /** Removes the project's secret and its connections' tokens. */
  'stytch:forgetProject': async (request, services, emit) => {
    const outcome = await services.stytch.forget(request.projectId.trim());
    noticeIfWarned(emit, outcome.keychainWarning);
    return { removedSecrets: outcome.removedSecrets };
  },

  /** One page of the org picker. */
  'stytch:searchOrganizations': async (request, services) =>
    searchForPicker(await services.stytch.client(), request),
} satisfies FeatureHandlers<StytchServices>;

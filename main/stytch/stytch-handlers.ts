import type { EmitEvent, Handler } from '../ipc/dispatch';
import type { Logger } from '../logging/logger';
import { searchForPicker } from './organization-picker';
import type { TokenKeeper } from './secret-ports';
import type { StytchSession } from './stytch-session';

/** What the stytch:* and scim:* handlers use (a slice of `Services`). */
export interface StytchServices {
  logger: Logger;
  /** The Stytch project of this run (main/stytch/stytch-session.ts). */
  stytch: StytchSession;
  /** The SCIM token lifecycle (main/secrets/ScimTokenVault in the app). */
  scimTokens: TokenKeeper;
}

/** Shows a keychain warning (if any) as a notice: the channel's answer has no place for it. */
export function noticeIfWarned(emit: EmitEvent, warning: string | null): void {
  if (warning !== null) emit('app:notice', { level: 'warning', message: warning });
}

/** `stytch:status`: which project the app is connected to (reconnecting a remembered one). */
export const stytchStatus: Handler<'stytch:status', StytchServices> = (_request, services) =>
  services.stytch.status();

/**
 * `stytch:connect`: checks the project ID (test/live prefix) and secret with one cheap call, then
 * keeps the secret in the keychain. The secret never comes back.
 */
export const stytchConnect: Handler<'stytch:connect', StytchServices> = async (
  request,
  services,
  emit,
) => {
  const outcome = await services.stytch.connect({
    projectId: request.projectId,
    secret: request.secret,
  });
  noticeIfWarned(emit, outcome.keychainWarning);
  return outcome.status;
};

/** `stytch:forgetProject`: removes the project's secret and its connections' tokens. */
export const stytchForgetProject: Handler<'stytch:forgetProject', StytchServices> = async (
  request,
  services,
  emit,
) => {
  const outcome = await services.stytch.forget(request.projectId.trim());
  noticeIfWarned(emit, outcome.keychainWarning);
  return { removedSecrets: outcome.removedSecrets };
};

/** `stytch:searchOrganizations`: one page of the org picker. */
export const stytchSearchOrganizations: Handler<
  'stytch:searchOrganizations',
  StytchServices
> = async (request, services) => searchForPicker(await services.stytch.client(), request);

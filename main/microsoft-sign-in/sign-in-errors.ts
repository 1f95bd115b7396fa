import { AuthError, InteractionRequiredAuthError } from '@azure/msal-node';

import { AppFailure, appFailure } from '../../shared/errors';
import { redactAndCut } from '../logging/redact';
import { allDelegatedPermissions, type GraphAction } from '../../shared/entra/graph-permissions';

/**
 * MSAL's errors turned into the app's: a code the UI can act on and a hint saying what to do. The
 * text Microsoft sent is kept (cut and redacted) because its AADSTS number is what an admin or
 * Microsoft support searches for; tokens never appear in it, and redaction masks them if they did.
 */

const MAX_DETAIL = 300;

/** The admin-consent error's number, in `error_description` ("AADSTS65001: The user or …"). */
const CONSENT_AADSTS = 'AADSTS65001';

/** Errors that mean the sign-in we hold can no longer be used without the admin signing in. */
const SIGN_IN_AGAIN_CODES: ReadonlySet<string> = new Set(['invalid_grant', 'no_tokens_found']);

/** The hint for a missing client ID: how to register the public client the app signs in with. */
export function clientIdMissingHint(): string {
  return (
    'Register an app in Microsoft Entra admin center → App registrations → New registration ' +
    '("Accounts in any organizational directory"). Under Authentication add the platform ' +
    '"Mobile and desktop applications" with the redirect URI http://localhost, and set "Allow ' +
    'public client flows" to Yes. Under API permissions add these Microsoft Graph delegated ' +
    `permissions and grant admin consent: ${allDelegatedPermissions().join(', ')}. Then paste ` +
    'its Application (client) ID in the settings.'
  );
}

/** A caller asked for scopes outside the table (a bug in main, not something the admin can fix). */
export function scopesNotInTable(): AppFailure {
  return appFailure(
    'INTERNAL_ERROR',
    'The app asked Microsoft for a permission it does not list.',
    'This is a bug in the app; please report it.',
  );
}

/** Sign-in cannot start: no client ID in the settings. */
export function clientIdMissing(): AppFailure {
  return appFailure(
    'MICROSOFT_CLIENT_ID_MISSING',
    'No Microsoft application (client) ID is set, so the app cannot sign in to Microsoft.',
    clientIdMissingHint(),
  );
}

/** Nobody is signed in, or the sign-in on record can no longer be renewed silently. */
export function notSignedIn(detail?: string): AppFailure {
  return appFailure(
    'MICROSOFT_NOT_SIGNED_IN',
    detail === undefined
      ? 'You are not signed in to Microsoft.'
      : `Your Microsoft sign-in has to be renewed: ${detail}`,
    'Sign in to Microsoft again.',
  );
}

function consentHint(row: GraphAction): string {
  const roles = row.roles.length > 0 ? row.roles.join(' or ') : 'any';
  return (
    `To ${row.purpose}, the app needs the delegated permission(s) ${row.permissions.join(', ')}. ` +
    'An admin who may consent for the organization (Privileged Role Administrator, Cloud ' +
    'Application Administrator or Application Administrator) grants it under Enterprise ' +
    'applications → this app → Permissions → Grant admin consent, or by signing in here. The ' +
    `signed-in user also needs the role: ${roles}.`
  );
}

function detailOf(error: AuthError): string {
  const text = error.errorMessage || error.errorCode;
  return redactAndCut(text, MAX_DETAIL);
}

function isConsentError(error: AuthError): boolean {
  return (
    error.errorCode === 'consent_required' ||
    error.subError === 'consent_required' ||
    error.errorMessage.includes(CONSENT_AADSTS)
  );
}

/** Where the failure happened: an interactive sign-in or a silent renewal. */
export type SignInStage = 'interactive' | 'silent';

/**
 * The app's error for anything an MSAL call threw. AppFailures (from the cache file, the keychain)
 * pass through unchanged; anything else becomes a MICROSOFT_* error without MSAL's stack.
 */
export function toSignInFailure(error: unknown, stage: SignInStage, need: GraphAction): AppFailure {
  if (error instanceof AppFailure) return error;
  if (!(error instanceof AuthError)) {
    return appFailure(
      'MICROSOFT_SIGN_IN_FAILED',
      'Signing in to Microsoft failed unexpectedly.',
      'Try again; if it keeps failing, restart the app.',
    );
  }
  if (isConsentError(error)) {
    return appFailure(
      'MICROSOFT_CONSENT_REQUIRED',
      `Microsoft has no consent for what this step needs: ${detailOf(error)}`,
      consentHint(need),
    );
  }
  if (error.errorCode === 'access_denied') {
    return appFailure(
      'MICROSOFT_SIGN_IN_CANCELLED',
      'The Microsoft sign-in was cancelled or declined.',
      'Sign in again when you are ready; if you declined a permission, the step cannot run without it.',
    );
  }
  if (
    stage === 'silent' &&
    (error instanceof InteractionRequiredAuthError || SIGN_IN_AGAIN_CODES.has(error.errorCode))
  ) {
    return notSignedIn(detailOf(error));
  }
  return appFailure(
    'MICROSOFT_SIGN_IN_FAILED',
    `Signing in to Microsoft failed: ${detailOf(error)}`,
    'Check the application (client) ID and that the app registration allows public client flows, then try again.',
    { retryable: true },
  );
}

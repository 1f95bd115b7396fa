import { AuthError, InteractionRequiredAuthError } from '@azure/msal-node';

import { AppFailure, appFailure } from '../../shared/errors';
import { redactAndCut } from '../logging/redact';
import {
  allDelegatedPermissions,
  type GraphAction,
  type GraphActionName,
} from '../../shared/entra/graph-permissions';
import { MICROSOFT_REDIRECT_URI } from '../../shared/settings/microsoft-app';

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

/** The redirect URI the app registration needs (the renderer's guide shows the same one). */
const REDIRECT_URI_TO_REGISTER = MICROSOFT_REDIRECT_URI;

/** The hint for a missing client ID: how to register the public client the app signs in with. */
export function clientIdMissingHint(): string {
  return (
    'Register an app in Microsoft Entra admin center → App registrations → New registration ' +
    '("Accounts in this organizational directory only"). Under Authentication add the platform ' +
    `"Mobile and desktop applications" with the redirect URI ${REDIRECT_URI_TO_REGISTER}, and ` +
    'set "Allow public client flows" to Yes. Under API permissions add these Microsoft Graph ' +
    `delegated permissions and grant admin consent: ${allDelegatedPermissions().join(', ')}. ` +
    'Then enter its Application (client) ID and your tenant (primary domain or tenant ID) in ' +
    'the settings.'
  );
}

/**
 * What an admin can do about the AADSTS errors they may meet signing in with their own app
 * registration. Source: Microsoft's "Microsoft Entra authentication and authorization error
 * codes" (learn.microsoft.com/entra/identity-platform/reference-error-codes), which also says
 * codes and texts change over time: so the number only picks the words here, and Microsoft's own
 * text is always kept beside them (see {@link detailOf}).
 */
const AADSTS_ADVICE: Readonly<Record<string, { message: string; hint: string }>> = {
  // "Application … isn't configured as a multitenant application. Usage of the /common endpoint
  // isn't supported …. Use a tenant-specific endpoint or configure the application to be multitenant."
  '50194': {
    message: 'The app registration is for one tenant, and the sign-in did not name it.',
    hint: 'Enter your tenant (primary domain or tenant ID) beside the client ID in the settings, then sign in again.',
  },
  // "User account … does not exist in tenant … and cannot access the application …"
  '50020': {
    message: 'The account you chose is not a member or guest of this tenant.',
    hint: 'Sign in with an account of the tenant in the settings; a consultant from another organization has to be invited into it as a guest first.',
  },
  // DelegationDoesNotExist: "The user or administrator has not consented to use the application …"
  '65001': {
    message: 'Nobody has consented to the permissions this step needs.',
    hint: 'An admin grants consent under Enterprise applications → this app → Permissions → Grant admin consent, or by signing in here.',
  },
  // "Application with identifier … was not found in the directory …"
  '700016': {
    message: 'Microsoft found no app registration with this client ID in this tenant.',
    hint: 'Check the Application (client) ID, and that the tenant in the settings is the one where the app is registered.',
  },
  // InvalidReplyTo: "The reply address is missing, misconfigured, or doesn't match reply addresses
  // configured for the app."
  '50011': {
    message: 'The app registration does not list the redirect URI the app signs in with.',
    hint: `Under the app registration's Authentication, add the platform "Mobile and desktop applications" with the redirect URI ${REDIRECT_URI_TO_REGISTER}.`,
  },
  // InvalidClient: "The request body must contain the following parameter: 'client_assertion' or
  // 'client_secret'." (the registration is not a public client)
  '7000218': {
    message: 'The app registration does not allow sign-in from a desktop app.',
    hint: 'Under the app registration\'s Authentication, set "Allow public client flows" to Yes and save.',
  },
  // InvalidTenantName: "The tenant name wasn't found in the data store."
  '90002': {
    message: 'Microsoft does not know the tenant in the settings.',
    hint: "Check the tenant: your primary domain (like contoso.onmicrosoft.com, on the Entra admin center's Overview page) or your tenant ID.",
  },
  // UserStrongAuthClientAuthNRequired: "… the user must use multifactor authentication …"
  '50076': {
    message: 'Your organization requires multifactor authentication for this.',
    hint: 'Sign in to Microsoft again and complete the multifactor prompt in the browser.',
  },
  // UserStrongAuthEnrollmentRequired: "… a managed user needs to register security info to
  // complete multifactor authentication …"
  '50079': {
    message:
      'Your organization requires multifactor authentication, and your account has no method set up yet.',
    hint: 'Sign in to Microsoft again: the browser walks you through registering a method (or ask your admin), then finish the sign-in.',
  },
};

/** The AADSTS number in Microsoft's error text ("AADSTS50020: …"), if any. */
export function aadstsNumber(text: string): string | null {
  return /AADSTS(\d+)/.exec(text)?.[1] ?? null;
}

/** The admin's words for an AADSTS error (a message with Microsoft's text kept, and a hint), if known. */
function adviceFor(error: AuthError): { message: string; hint: string } | null {
  const number = aadstsNumber(`${error.errorMessage} ${error.errorCode}`);
  const advice = number === null ? undefined : AADSTS_ADVICE[number];
  return advice === undefined
    ? null
    : { message: `${advice.message} Microsoft said: ${detailOf(error)}`, hint: advice.hint };
}

/**
 * A sign-in that came back for another tenant than the one in the settings (after it was signed
 * out again): which tenant was expected, which came, and as whom.
 */
export function wrongTenant(
  tenant: string,
  expectedTenantId: string,
  signedInTenantId: string,
  username: string,
): AppFailure {
  const expected = tenant === expectedTenantId ? tenant : `${tenant} (${expectedTenantId})`;
  return appFailure(
    'MICROSOFT_WRONG_TENANT',
    `The sign-in came back for another tenant: expected ${expected}, but it was for tenant ` +
      `${signedInTenantId}${username === '' ? '' : ` as ${username}`}. The app signed out again.`,
    'Sign in again with an account of your tenant. If you did not choose that account, ' +
      'something else on this computer answered the sign-in: close other sign-in tabs first.',
  );
}

/** A sign-in for the signed-in admin that came back as someone else (signed out again). */
export function wrongAccount(expected: string, signedIn: string): AppFailure {
  return appFailure(
    'MICROSOFT_WRONG_ACCOUNT',
    `The sign-in came back as ${signedIn || 'another account'}, not as ${expected}. The app signed out again.`,
    'Sign in again and choose your account. If you did not choose that account, something else ' +
      'on this computer answered the sign-in: close other sign-in tabs first.',
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
    'No Microsoft application (client) ID and tenant are set, so the app cannot sign in to Microsoft.',
    clientIdMissingHint(),
  );
}

/**
 * Nobody is signed in, or the sign-in on record can no longer be renewed silently. `action`: the
 * Graph action the step that needs the sign-in runs, when known.
 */
export function notSignedIn(detail?: string, action?: GraphActionName): AppFailure {
  return appFailure(
    'MICROSOFT_NOT_SIGNED_IN',
    detail === undefined
      ? 'You are not signed in to Microsoft.'
      : `Your Microsoft sign-in has to be renewed: ${detail}`,
    'Sign in to Microsoft again.',
    action === undefined ? {} : { action },
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
  const advice = adviceFor(error);
  if (
    stage === 'silent' &&
    (error instanceof InteractionRequiredAuthError || SIGN_IN_AGAIN_CODES.has(error.errorCode))
  ) {
    return advice === null
      ? notSignedIn(detailOf(error))
      : appFailure('MICROSOFT_NOT_SIGNED_IN', advice.message, advice.hint);
  }
  if (advice !== null) return appFailure('MICROSOFT_SIGN_IN_FAILED', advice.message, advice.hint);
  return appFailure(
    'MICROSOFT_SIGN_IN_FAILED',
    `Signing in to Microsoft failed: ${detailOf(error)}`,
    'Check the application (client) ID and that the app registration allows public client flows, then try again.',
    { retryable: true },
  );
}

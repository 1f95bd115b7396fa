/**
 * What Entra's own Test Connection would show, for each way the probe can see it fail.
 *
 * [Uncertain — reference B.3, G.2] Microsoft documents no mapping from HTTP outcomes to Test
 * Connection texts. Sourced pieces: the success line ("The supplied credentials are authorized
 * to enable provisioning"), the generic three-line failure wrapper ("You appear to have entered
 * invalid credentials …" + Error code + Details), `CredentialValidationUnavailable` with "An
 * error occured while sending the request" for unreachable endpoints (Microsoft's spelling), the
 * quarantine reason for 404, and provisioning-log error codes. Which code the portal shows for
 * each case is our best mapping. Every verdict string lives in this one table, so a live
 * capture can correct it in one place.
 */

/** The situations the probe tells apart when mapping to Entra's wording. */
export type EntraVerdictKey =
  | 'success'
  | 'unauthorized'
  | 'unreachable'
  | 'timeout'
  | 'not-found'
  | 'incompatible'
  | 'multiple-entries'
  | 'method-not-allowed'
  | 'not-implemented'
  | 'server-error'
  | 'bad-request'
  | 'too-many-requests';

const WRAPPER =
  'You appear to have entered invalid credentials. Please confirm you are using the correct information for an administrative account.';

function wrapped(code: string, details: string): string {
  return `${WRAPPER} Error code: ${code} Details: ${details}`;
}

/** The verdict table. */
export const ENTRA_VERDICTS: Readonly<Record<EntraVerdictKey, string>> = {
  success: 'The supplied credentials are authorized to enable provisioning.',
  unauthorized: wrapped(
    'SystemForCrossDomainIdentityManagementCredentialValidationFailure',
    'The SCIM endpoint rejected the Secret Token.',
  ),
  unreachable: wrapped(
    'CredentialValidationUnavailable',
    'An error occured while sending the request.',
  ),
  timeout: wrapped('Timeout', 'The target application took too long to respond.'),
  'not-found': wrapped(
    'SystemForCrossDomainIdentityManagementServiceIncompatible',
    'SCIM Compliance issue: An HTTP/404 Not Found response was returned rather than the expected HTTP/200 OK.',
  ),
  incompatible: wrapped(
    'SystemForCrossDomainIdentityManagementServiceIncompatible',
    'Unable to parse the response from the third party application.',
  ),
  'multiple-entries': wrapped(
    'SystemForCrossDomainIdentityManagementMultipleEntriesInResponse',
    'The query for a user that does not exist returned entries.',
  ),
  'method-not-allowed': wrapped(
    'MethodNotAllowed',
    'The SCIM endpoint does not allow this request.',
  ),
  'not-implemented': wrapped(
    'NotImplemented',
    'The SCIM endpoint does not implement this request.',
  ),
  'server-error': wrapped('InternalServerError', 'The SCIM endpoint returned a server error.'),
  'bad-request': wrapped(
    'SystemForCrossDomainIdentityManagementBadRequest',
    'The SCIM endpoint is not fully compatible with the Microsoft Entra SCIM client.',
  ),
  'too-many-requests': wrapped('TooManyRequests', 'The SCIM endpoint is throttling requests.'),
};

import type { AppError, ErrorCode } from '../../shared/errors';
import type { StytchErrorBody } from '../../shared/stytch/api-schemas';
import { maskThenCut } from '../logging/redact';

/** How one Stytch `error_type` is answered (by Stytch and the stand-in) and shown (by the app). */
export interface StytchErrorTypeEntry {
  /** The HTTP status Stytch answers with; the sandbox stand-in answers with the same one. */
  status: number;
  /** Set when no source confirmed `status` (reference A.1/A.7 [Uncertain]): why it was assumed. */
  uncertain?: string;
  code: ErrorCode;
  message: string;
  hint: string;
  retryable?: boolean;
}

const NAMES_ONLY = 'name verified in Stytch’s error enum; status assumed';

const CREDENTIALS_HINT =
  'Check the project ID and secret in the Stytch dashboard (Project settings → API keys). If the secret was rotated, use the new one.';
const MISMATCH_HINT =
  'Use a project ID and secret from the same environment: both test (project-test-…, secret-test-…) or both live (project-live-…, secret-live-…).';
const SEARCH_HINT = 'Change the search text and try again. If it keeps happening, report it.';

function mismatch(status: number, message: string): StytchErrorTypeEntry {
  return {
    status,
    uncertain: NAMES_ONLY,
    code: 'STYTCH_ENVIRONMENT_MISMATCH',
    message,
    hint: MISMATCH_HINT,
  };
}

// The app builds member searches itself (the provisioning watch), so a refusal is its own bug.
const MEMBER_SEARCH_HINT =
  'Try again. If it keeps happening, the app may need an update: report it with the request ID.';

function searchRefused(message: string): StytchErrorTypeEntry {
  return {
    status: 400,
    uncertain: NAMES_ONLY,
    code: 'STYTCH_BAD_REQUEST',
    message,
    hint: SEARCH_HINT,
  };
}

function memberSearchRefused(message: string): StytchErrorTypeEntry {
  return { ...searchRefused(message), hint: MEMBER_SEARCH_HINT };
}

/**
 * THE table of Stytch `error_type` values the app knows: status, user-facing code, message and
 * hint. Entries with `uncertain` carry a status no source confirmed; change it here and both the
 * client's mapping and the sandbox stand-in follow.
 */
export const STYTCH_ERROR_TYPES = {
  unauthorized_credentials: {
    status: 401,
    code: 'STYTCH_BAD_CREDENTIALS',
    message: 'Stytch did not accept the project ID and secret.',
    hint: CREDENTIALS_HINT,
  },
  invalid_authorization_header: {
    status: 400,
    uncertain: 'status documented for the Fraud API only',
    code: 'STYTCH_BAD_CREDENTIALS',
    message: 'Stytch could not read the credentials the app sent.',
    hint: 'Enter the project ID and secret again, without spaces or line breaks.',
  },
  invalid_project_id_authentication: {
    status: 401,
    uncertain: NAMES_ONLY,
    code: 'STYTCH_BAD_CREDENTIALS',
    message: 'Stytch does not recognise this project ID.',
    hint: CREDENTIALS_HINT,
  },
  invalid_secret_authentication: {
    status: 401,
    uncertain: NAMES_ONLY,
    code: 'STYTCH_BAD_CREDENTIALS',
    message: 'Stytch did not accept the secret for this project ID.',
    hint: CREDENTIALS_HINT,
  },
  test_id_used_in_live_environment: mismatch(
    401,
    'A test project ID was sent to Stytch’s live environment.',
  ),
  live_id_used_in_test_environment: mismatch(
    401,
    'A live project ID was sent to Stytch’s test environment.',
  ),
  wrong_stack_live: mismatch(401, 'Stytch says this project belongs to its live environment.'),
  wrong_stack_test: mismatch(401, 'Stytch says this project belongs to its test environment.'),
  unauthorized_project_id_live: mismatch(
    401,
    'Stytch does not allow this project ID in its live environment.',
  ),
  unauthorized_project_id_test: mismatch(
    401,
    'Stytch does not allow this project ID in its test environment.',
  ),
  enterprise_endpoint: {
    status: 401,
    uncertain: 'whether Stytch gates SCIM this way for some plans',
    code: 'STYTCH_NOT_PERMITTED',
    message: 'Stytch says this feature needs approval before your project can use it.',
    hint: 'Ask Stytch (support or your account manager) to enable SCIM for this project.',
  },
  organization_not_found: {
    status: 404,
    uncertain: 'presumably 404',
    code: 'STYTCH_ORGANIZATION_NOT_FOUND',
    message: 'Stytch has no organization with this ID in this project.',
    hint: 'Pick the organization again from the list: it may have been deleted, or belong to another project.',
  },
  active_scim_connection_exists: {
    status: 400,
    code: 'STYTCH_SCIM_CONNECTION_EXISTS',
    message:
      'This organization already has a SCIM connection (Stytch allows one per organization).',
    hint: 'Use the existing connection: reuse its token if this computer has it, or rotate the token to get a new one.',
  },
  no_active_scim_connection: {
    status: 404,
    uncertain: NAMES_ONLY,
    code: 'STYTCH_SCIM_CONNECTION_NOT_FOUND',
    message: 'This organization has no active SCIM connection.',
    hint: 'Reload the organization: the connection may have been deleted (for example in the Stytch dashboard). Create a new one if needed.',
  },
  scim_connection_not_rotating_token: {
    status: 400,
    uncertain: NAMES_ONLY,
    code: 'STYTCH_NOT_ROTATING',
    message: 'No token rotation is in progress for this connection.',
    hint: 'Reload the connection: the rotation may already have been completed or cancelled (perhaps from another computer or the Stytch dashboard).',
  },
  invalid_scim_idp: {
    status: 400,
    uncertain: NAMES_ONLY,
    code: 'STYTCH_INVALID_IDP',
    message: 'Stytch did not accept the identity provider given for this connection.',
    hint: 'This app creates connections for Microsoft Entra ("microsoft-entra"). If Stytch renamed it, update the app.',
  },
  scim_group_role_assignment_does_not_contain_group_id: {
    status: 400,
    uncertain: NAMES_ONLY,
    code: 'STYTCH_BAD_REQUEST',
    message: 'A group role assignment is missing its group.',
    hint: 'Choose a group for every role assignment and try again.',
  },
  scim_group_role_assignment_group_does_not_exist: {
    status: 400,
    uncertain: NAMES_ONLY,
    code: 'STYTCH_BAD_REQUEST',
    message: 'A group role assignment names a group this connection does not have.',
    hint: 'Reload the groups (Entra may have removed one) and try again.',
  },
  too_many_requests: {
    status: 429,
    code: 'STYTCH_RATE_LIMITED',
    message: 'Stytch is limiting how fast this project can make requests.',
    hint: 'Wait a minute and try again. Organization search allows about 100 requests per minute.',
    retryable: true,
  },
  internal_server_error: {
    status: 500,
    code: 'STYTCH_SERVER_ERROR',
    message: 'Stytch had an internal error.',
    hint: 'Try again in a moment. If it keeps happening, check status.stytch.com and contact Stytch support with the request ID.',
    retryable: true,
  },
  search_timeout: {
    status: 500,
    uncertain: NAMES_ONLY,
    code: 'STYTCH_SERVER_ERROR',
    message: 'The organization search took too long.',
    hint: 'Type a more specific name and search again.',
    retryable: true,
  },
  organization_search_organization_name_fuzzy_too_short: searchRefused(
    'Stytch needs at least 3 characters to search organizations by name.',
  ),
  organization_search_organization_slug_fuzzy_too_short: {
    ...searchRefused('Stytch needs at least 3 characters to search organizations by slug.'),
    uncertain: 'name and status assumed from the documented 3-character rule',
  },
  organization_search_member_email_fuzzy_too_short: searchRefused(
    'Stytch needs at least 3 characters to search by email.',
  ),
  organization_search_filter_name_not_recognized: searchRefused(
    'Stytch did not recognise a search filter.',
  ),
  organization_search_missing_filter_name: searchRefused('A search filter had no name.'),
  organization_search_missing_filter_value: searchRefused('A search filter had no value.'),
  organization_search_expected_array_of_strings: searchRefused(
    'A search filter needed a list of values.',
  ),
  organization_search_expected_string: searchRefused('A search filter needed a single value.'),
  invalid_email: searchRefused('The email address in the search is not valid.'),
  user_search_invalid_cursor: {
    ...searchRefused('That page of results is no longer available.'),
    hint: 'Search again from the first page.',
  },
  user_search_invalid_limit: searchRefused('The page size of the search was not accepted.'),
  user_search_invalid_operator: searchRefused('The search operator was not accepted.'),
  // Members search (reference stytch-members-scim.md §1; names from Stytch's error enum).
  member_search_organization_ids_empty: memberSearchRefused(
    'A member search has to name at least one organization.',
  ),
  member_search_missing_filter_name: memberSearchRefused('A member search filter had no name.'),
  member_search_filter_name_not_recognized: memberSearchRefused(
    'Stytch did not recognise a member search filter.',
  ),
  member_search_missing_filter_value: memberSearchRefused('A member search filter had no value.'),
  member_search_expected_array_of_strings: memberSearchRefused(
    'A member search filter needed a list of values.',
  ),
  member_search_expected_string: memberSearchRefused(
    'A member search filter needed a single value.',
  ),
  member_search_expected_boolean: memberSearchRefused(
    'A member search filter needed true or false.',
  ),
  member_search_member_email_fuzzy_too_short: memberSearchRefused(
    'Stytch needs at least 3 characters to search members by email.',
  ),
  member_search_member_mfa_phone_number_fuzzy_too_short: memberSearchRefused(
    'Stytch needs at least 3 characters to search members by phone number.',
  ),
  member_search_cannot_mix_internal_and_external_member_ids: memberSearchRefused(
    'A member search mixed Stytch member IDs and external IDs.',
  ),
  search_invalid_status_filter: memberSearchRefused(
    'A member search asked for a status Stytch does not know.',
  ),
  invalid_role: {
    status: 400,
    uncertain: NAMES_ONLY,
    code: 'STYTCH_BAD_REQUEST',
    message: 'Stytch did not accept a role in this request.',
    hint: 'Check the role IDs under Roles & Permissions in the Stytch dashboard and try again.',
  },
} as const satisfies Record<string, StytchErrorTypeEntry>;

/** An `error_type` listed in {@link STYTCH_ERROR_TYPES}. */
export type KnownStytchErrorType = keyof typeof STYTCH_ERROR_TYPES;

/** True when `type` is in the table. */
export function isKnownErrorType(type: string): type is KnownStytchErrorType {
  return Object.hasOwn(STYTCH_ERROR_TYPES, type);
}

/** What the app knows about a failed Stytch response. */
export interface StytchFailure {
  status: number;
  /** The parsed error body; null when the body was not Stytch's error shape. */
  body: StytchErrorBody | null;
  requestId?: string;
  /** Seconds from a `Retry-After` header, when there was one. */
  retryAfterSeconds?: number;
}

/** How much of Stytch's own `error_message` an error quotes; masked before it is cut. */
const MAX_STYTCH_SAID = 500;

function byStatus(failure: StytchFailure): Omit<AppError, 'requestId'> {
  const { status, body } = failure;
  const said = body?.error_message
    ? ` Stytch said: “${maskThenCut(body.error_message, MAX_STYTCH_SAID)}”`
    : '';
  if (status === 401)
    return {
      ...pick(STYTCH_ERROR_TYPES.unauthorized_credentials),
      message: `Stytch refused the credentials (HTTP 401).${said}`,
    };
  if (status === 403) {
    return {
      code: 'STYTCH_NOT_PERMITTED',
      message: `Stytch refused this action for this project (HTTP 403).${said}`,
      hint: 'Check that SCIM is enabled for the project and that the secret has permission for it.',
    };
  }
  if (status === 429) return pick(STYTCH_ERROR_TYPES.too_many_requests);
  if (status >= 500) {
    return {
      ...pick(STYTCH_ERROR_TYPES.internal_server_error),
      message: `Stytch had a problem (HTTP ${status}).${said}`,
    };
  }
  return {
    code: 'STYTCH_BAD_REQUEST',
    message: `Stytch refused the request (HTTP ${status}${body ? `, ${body.error_type}` : ''}).${said}`,
    hint: 'Check what you entered and try again. If it keeps happening, report it with the request ID.',
  };
}

function pick(entry: StytchErrorTypeEntry): Omit<AppError, 'requestId'> {
  return {
    code: entry.code,
    message: entry.message,
    hint: entry.hint,
    ...(entry.retryable ? { retryable: true } : {}),
  };
}

/**
 * Turns a Stytch error response into the user-facing error: by `error_type` when the table knows
 * it, otherwise by HTTP status. The request ID is kept for support tickets.
 */
export function stytchAppError(failure: StytchFailure): AppError {
  const type = failure.body?.error_type;
  const base =
    type !== undefined && isKnownErrorType(type)
      ? pick(STYTCH_ERROR_TYPES[type])
      : byStatus(failure);
  const wait = failure.retryAfterSeconds;
  const message =
    base.code === 'STYTCH_RATE_LIMITED' && wait !== undefined
      ? `${base.message} Stytch asked to wait ${wait} second${wait === 1 ? '' : 's'}.`
      : base.message;
  const requestId = failure.body?.request_id ?? failure.requestId;
  return { ...base, message, ...(requestId ? { requestId } : {}) };
}

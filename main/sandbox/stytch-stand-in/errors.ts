import { randomUUID } from 'node:crypto';

import { STYTCH_ERROR_TYPES, type KnownStytchErrorType } from '../../stytch/stytch-errors';

/**
 * Stytch's own wording where the reference quotes it (A.7); other types fall back to the app's
 * message for them, which is close enough for a stand-in.
 */
const STYTCH_MESSAGES: Partial<Record<KnownStytchErrorType, string>> = {
  unauthorized_credentials: 'Unauthorized credentials.',
  too_many_requests: 'Too many requests have been made.',
  internal_server_error:
    'Oops, something seems to have gone wrong, please reach out to support@stytch.com to let us know what went wrong.',
  active_scim_connection_exists:
    'Cannot create a new SCIM connection for the specified organization since the organization already has an active SCIM connection. Organizations may only have one active SCIM connection at a time.',
};

/** A Stytch error the stand-in answers with; its status comes from the app's one error table. */
export class StandInError extends Error {
  readonly status: number;

  constructor(
    readonly errorType: KnownStytchErrorType,
    message?: string,
  ) {
    super(message ?? STYTCH_MESSAGES[errorType] ?? STYTCH_ERROR_TYPES[errorType].message);
    this.name = 'StandInError';
    this.status = STYTCH_ERROR_TYPES[errorType].status;
  }
}

/** A request id in Stytch's format. */
export function newRequestId(): string {
  return `request-id-test-${randomUUID()}`;
}

/** Stytch's error body (reference A.7). */
export function errorBody(status: number, errorType: string, message: string, requestId: string) {
  return {
    status_code: status,
    request_id: requestId,
    error_type: errorType,
    error_message: message,
    error_url: `https://stytch.com/docs/b2b/api/errors/${status}#${errorType}`,
  };
}

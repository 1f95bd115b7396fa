import { redactAndCut } from '../../logging/redact';
import {
  ERROR_CODE_BY_STATUS,
  FALLBACK_ERROR_CODES,
  NO_ANSWER_STATUS_TEXT,
  QUERY_NOT_FOUND_ERROR_CODE,
} from './entra-assumptions';
import type { ScimExchange } from './scim-client';

/** How much of a server's answer a log entry quotes. */
const QUOTED_CHARS = 2_000;

/** .NET HttpStatusCode names, as Entra's reasons print a status ("StatusCode: Conflict"). */
const STATUS_NAMES: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  415: 'UnsupportedMediaType',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  501: 'NotImplemented',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export function statusName(status: number): string {
  return STATUS_NAMES[status] ?? String(status);
}

/**
 * Test Connection's codes: `…CredentialValidationFailure` when the server refuses the token (401)
 * and `…CredentialValidationUnavailable` for anything else unexpected (reference
 * graph-provisioning.md §2, "validateCredentials"; on-premises-ecma-troubleshoot.md).
 */
export const CREDENTIAL_VALIDATION_FAILURE =
  'SystemForCrossDomainIdentityManagementCredentialValidationFailure';
export const CREDENTIAL_VALIDATION_UNAVAILABLE =
  'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable';

/** An answer Entra cannot parse (monitoring-health/howto-analyze-provisioning-logs.md). */
export const SERVICE_INCOMPATIBLE = 'SystemForCrossDomainIdentityManagementServiceIncompatible';
/** "A user that was previously created or matched … no longer exists" (same list). */
export const INVALID_ANCHOR = 'InvalidAnchor';
/** More than one target object matched (same list). */
export const DUPLICATE_TARGET_ENTRIES = 'DuplicateTargetEntries';

/** Why an object failed, as its log entry says it. */
export interface ExportError {
  errorCode: string;
  reason: string;
  /** Graph's provisioningErrorInfo category; SCIM errors are `nonServiceFailure` (observed). */
  errorCategory: 'nonServiceFailure';
  /**
   * Set when this failure quarantines the job at once, "regardless of failure counts"
   * (application-provisioning-quarantine-status.md): a refused token, or a 404 to a query.
   */
  quarantines: 'refused-token' | 'query-not-found' | null;
}

/** What kind of request failed: a filtered query, a read or write of a linked id, or a create. */
export type RequestRole = 'query' | 'linked' | 'create';

function quoted(exchange: ScimExchange): string {
  if (exchange.kind === 'no-answer') return `${exchange.failure}: ${exchange.detail}`;
  return redactAndCut(exchange.text, QUOTED_CHARS);
}

/**
 * The reason text of a failed export, in the form Entra's logs show it (Microsoft Q&A 1185756;
 * getsentry/sentry#84941): the status name, .NET's exception message, the server's answer quoted,
 * and the retry.
 */
function reasonText(exchange: ScimExchange, retries: number, retryAt: Date): string {
  const retry = `This operation was retried ${retries} times. It will be retried again after this date: ${retryAt.toISOString()} UTC`;
  if (exchange.kind === 'no-answer') {
    return `The request to ${exchange.url} got no answer (${quoted(exchange)}). ${retry}`;
  }
  return (
    `StatusCode: ${statusName(exchange.status)}\r\n` +
    "Message: Processing of the HTTP request resulted in an exception. Please see the HTTP response returned by the 'Response' property of this exception for details.\r\n" +
    `Web Response: \r\n${quoted(exchange)}. ${retry}`
  );
}

function codeFor(exchange: ScimExchange, role: RequestRole): string {
  if (exchange.kind === 'no-answer') {
    return exchange.failure === 'timeout'
      ? FALLBACK_ERROR_CODES.timeout
      : FALLBACK_ERROR_CODES.noAnswer;
  }
  const { status } = exchange;
  if (status === 404) return role === 'query' ? QUERY_NOT_FOUND_ERROR_CODE : INVALID_ANCHOR;
  if (status >= 200 && status < 300) return SERVICE_INCOMPATIBLE;
  return (
    ERROR_CODE_BY_STATUS[status] ??
    (status >= 500 ? FALLBACK_ERROR_CODES.serverError : SERVICE_INCOMPATIBLE)
  );
}

/** The log's account of a failed request (or of an answer that did not parse). */
export function exportError(
  exchange: ScimExchange,
  role: RequestRole,
  retries: number,
  retryAt: Date,
): ExportError {
  const status = exchange.kind === 'answer' ? exchange.status : null;
  return {
    errorCode: codeFor(exchange, role),
    reason: reasonText(exchange, retries, retryAt),
    errorCategory: 'nonServiceFailure',
    quarantines:
      status === 401
        ? 'refused-token'
        : status === 404 && role === 'query'
          ? 'query-not-found'
          : null,
  };
}

/** An error as the simulator hands it out: a code, what happened, what to do. */
export interface SimulatorError {
  code: string;
  message: string;
  hint: string;
}

/**
 * Test Connection's verdict on a failed check, in the wording on-premises-ecma-troubleshoot.md
 * quotes ("We received this unexpected response from your application: Received response from
 * Web resource. Resource: … Operation: GET Response Status Code: … Response Headers: Response
 * Content: …").
 */
export function connectionError(exchange: ScimExchange): SimulatorError {
  const refused = exchange.kind === 'answer' && exchange.status === 401;
  const shownStatus =
    exchange.kind === 'answer' ? statusName(exchange.status) : NO_ANSWER_STATUS_TEXT;
  return {
    code: refused ? CREDENTIAL_VALIDATION_FAILURE : CREDENTIAL_VALIDATION_UNAVAILABLE,
    message:
      'We received this unexpected response from your application: Received response from Web resource. ' +
      `Resource: ${exchange.url} Operation: ${exchange.request.method} Response Status Code: ${shownStatus} ` +
      `Response Headers: Response Content: ${quoted(exchange)}`,
    hint: refused
      ? 'The SCIM server refused the Secret Token: paste the current bearer token into Entra again.'
      : 'Entra expects HTTP 200 with an empty SCIM ListResponse for a user (and group) that does not exist: check the Tenant URL and that the server supports filtering on the matching attribute.',
  };
}

/**
 * The error an immediate quarantine carries. A refused token: `…CredentialValidationFailure`
 * ("When the token … expires or becomes invalid, Entra automatically places the application's
 * provisioning status into Quarantine", Microsoft Q&A 4969398). A 404 to a query: the message
 * Entra's progress bar shows (quoted in grokability/snipe-it#11913 and #14708).
 */
export function quarantineError(error: ExportError): { code: string; message: string } {
  if (error.quarantines === 'refused-token') {
    return { code: CREDENTIAL_VALIDATION_FAILURE, message: error.reason };
  }
  return {
    code: error.errorCode,
    message:
      'An HTTP/404 Not Found response was returned rather than the expected HTTP/200 OK response. To address this issue, ensure that the tenant URL is correct. The tenant URL is usually in a format like: https://<>/scim. If this does not resolve the issue, contact the application developer to ensure their SCIM endpoint conforms with the protocol https://tools.ietf.org/html/rfc7644#section-3.4.2',
  };
}

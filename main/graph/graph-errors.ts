import { AppFailure, type AppError } from '../../shared/errors';
import { HttpCallError } from '../http/call-error';
import { maskThenCut } from '../logging/redact';
import { GRAPH_OPERATIONS, graphNeeds, type GraphOperation } from './graph-operations';
import type { GraphErrorBody } from './graph-schemas';

/**
 * Graph's error codes the app tells apart (reference §5; concepts/errors.md). Directory codes
 * come from SDK constants and scripts, not one canonical list [unconfirmed], so they live here
 * and nowhere else.
 */
export const GRAPH_ERROR_CODES = {
  denied: 'Authorization_RequestDenied',
  notFound: 'Request_ResourceNotFound',
  badRequest: 'Request_BadRequest',
  /**
   * What Graph answers when the token lacks the scope on reporting APIs (auditLogs), seen in
   * Microsoft Q&A threads, not in the reference [unconfirmed]; treated as missing consent.
   */
  permissionMissing: 'Authentication_MSGraphPermissionMissing',
  invalidToken: 'InvalidAuthenticationToken',
} as const;

/** Facts about a failed Graph call that callers branch on. */
export interface GraphFailureFacts {
  status?: number;
  /** `error.code` from Graph's envelope. */
  graphCode?: string;
  /**
   * `error.message` from Graph's envelope, masked and then cut short (validateCredentials reads
   * the SCIM code in it).
   */
  graphMessage?: string;
  /** The `client-request-id` the app sent with the failed attempt. */
  clientRequestId: string;
}

/** A failed Graph call: the user-facing error plus what a caller needs to decide what next. */
export class GraphCallError extends HttpCallError<GraphFailureFacts> {
  override readonly name = 'GraphCallError';
}

const ADMIN_CONSENT =
  'A Privileged Role Administrator, Application Administrator or Cloud Application Administrator can grant admin consent for the app in Entra ID → Enterprise applications → Permissions (learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent).';

/** The Graph action an operation needs: what a sign-in, consent or permission error names. */
const actionOf = (operation: GraphOperation) => GRAPH_OPERATIONS[operation].action;

/** "Synchronization.ReadWrite.All and Application.Read.All". */
const scopesOf = (operation: GraphOperation) => graphNeeds(operation).scopes.join(' and ');

function ids(clientRequestId: string, body: GraphErrorBody | null): string {
  const requestId = body?.error.innerError?.['request-id'];
  return requestId === undefined
    ? ` (client request ID ${clientRequestId})`
    : ` (request ID ${requestId}, client request ID ${clientRequestId})`;
}

/** How much of Graph's own message an error quotes; masked before it is cut. */
const MAX_GRAPH_SAID = 300;

/** Whether a 403 is about the token's scopes (consent) rather than the admin's role. */
function isConsentProblem(body: GraphErrorBody | null): boolean {
  if (body?.error.code === GRAPH_ERROR_CODES.permissionMissing) return true;
  const message = body?.error.message ?? '';
  return /\bscp\b|consent|required scopes/i.test(message);
}

/** The input to {@link graphAppError}. */
export interface GraphErrorInput {
  operation: GraphOperation;
  status: number;
  body: GraphErrorBody | null;
  clientRequestId: string;
  retryAfterSeconds?: number;
}

/**
 * Words a Graph error answer for a person: what failed, which role or consent is missing (per
 * operation, reference §5), and the request IDs support asks for. Graph's own message is quoted
 * only where it adds something (bad requests, conflicts); it never holds the token.
 */
export function graphAppError(input: GraphErrorInput): AppError {
  const { operation, status, body, clientRequestId } = input;
  const code = body?.error.code;
  const tail = ids(clientRequestId, body);
  const extra = { requestId: clientRequestId };
  const graphSays = body?.error.message
    ? ` Graph said: ${maskThenCut(body.error.message, MAX_GRAPH_SAID)}`
    : '';
  if (status === 401 || code === GRAPH_ERROR_CODES.invalidToken) {
    return {
      code: 'MICROSOFT_NOT_SIGNED_IN',
      message: `Microsoft Graph did not accept the sign-in for ${operation}${tail}.`,
      hint: 'Sign in to Microsoft again, then retry.',
      retryable: false,
      action: actionOf(operation),
      ...extra,
    };
  }
  if (status === 403 && isConsentProblem(body)) {
    return {
      code: 'MICROSOFT_CONSENT_REQUIRED',
      message: `The app has not been granted ${scopesOf(operation)} in this tenant, so Microsoft Graph refused ${operation}${tail}.`,
      hint: ADMIN_CONSENT,
      retryable: false,
      action: actionOf(operation),
      ...extra,
    };
  }
  if (status === 403 || code === GRAPH_ERROR_CODES.denied) {
    const { roles } = graphNeeds(operation);
    return {
      code: 'GRAPH_PERMISSION_DENIED',
      message: `Microsoft Graph refused ${operation}: insufficient privileges${tail}.`,
      hint: `The signed-in account needs the ${roles} role, and the app needs ${scopesOf(operation)} with admin consent. Ask a Privileged Role Administrator to assign the role, or sign in with an account that has it.`,
      retryable: false,
      action: actionOf(operation),
      ...extra,
    };
  }
  if (status === 404) {
    return {
      code: 'GRAPH_NOT_FOUND',
      message: `Microsoft Graph could not find what ${operation} refers to${tail}.`,
      hint: 'If the enterprise app was just created, wait a minute (Entra copies new apps across its directory) and try again; otherwise check that the app still exists in Entra ID → Enterprise applications.',
      retryable: true,
      ...extra,
    };
  }
  if (status === 429) {
    const wait = input.retryAfterSeconds;
    return {
      code: 'GRAPH_THROTTLED',
      message: `Microsoft Graph is limiting requests (${operation})${tail}.`,
      hint:
        wait === undefined
          ? 'Wait a minute, then try again.'
          : `Wait ${wait} seconds, then try again.`,
      retryable: true,
      ...extra,
    };
  }
  if (status >= 500) {
    return {
      code: 'GRAPH_SERVER_ERROR',
      message: `Microsoft Graph failed while handling ${operation} (HTTP ${status})${tail}.`,
      hint: 'Try again in a few minutes. If it keeps failing, check status.cloud.microsoft and report the request IDs.',
      retryable: true,
      ...extra,
    };
  }
  return {
    code: status === 409 ? 'GRAPH_CONFLICT' : 'GRAPH_BAD_REQUEST',
    message: `Microsoft Graph rejected ${operation} (HTTP ${status}${code ? `, ${code}` : ''})${tail}.${graphSays}`,
    hint: 'Check the values entered and try again; if it keeps failing, report the request IDs.',
    retryable: false,
    ...extra,
  };
}

/**
 * The error for a token the sign-in could not give. MSAL reports missing consent as AADSTS65001 /
 * `consent_required` (reference §6); anything else means signing in again. An AppFailure from
 * the sign-in is passed on as it is. The sign-in's own
 * message is not carried over: it is not ours to vouch that it holds no secret.
 */
export function tokenAppError(operation: GraphOperation, error: unknown): AppError {
  const action = actionOf(operation);
  // The sign-in (main/microsoft-sign-in/) already words its failures as AppErrors: keep them,
  // naming the action the call needed so "Sign in to Microsoft" asks for it.
  if (error instanceof AppFailure) return { ...error.appError, action };
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  const errorCode =
    typeof error === 'object' && error !== null && 'errorCode' in error
      ? String(error.errorCode)
      : '';
  if (/AADSTS65001|consent_required/i.test(`${text} ${errorCode}`)) {
    return {
      code: 'MICROSOFT_CONSENT_REQUIRED',
      message: `Consent for ${scopesOf(operation)} has not been granted in this tenant.`,
      hint: ADMIN_CONSENT,
      retryable: false,
      action,
    };
  }
  return {
    code: 'MICROSOFT_NOT_SIGNED_IN',
    message: `The app could not get a Microsoft Graph token for ${operation}.`,
    hint: 'Sign in to Microsoft again, then retry.',
    retryable: false,
    action,
  };
}

/** The SCIM error code a failed validateCredentials names, if any (reference §2). */
export function scimCodeIn(message: string | undefined): string | null {
  return /SystemForCrossDomainIdentityManagement\w+/.exec(message ?? '')?.[0] ?? null;
}

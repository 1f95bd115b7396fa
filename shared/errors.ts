import { z } from 'zod';

import { GRAPH_ACTION_NAMES } from './entra/graph-permissions';

/**
 * Every error the app can show, as a closed list. The renderer words each one for a person
 * (message + hint come from main, which knows the details), and tests assert on the code.
 */
export const ERROR_CODES = [
  // IPC and the app itself
  'IPC_INVALID_REQUEST',
  'IPC_UNTRUSTED_SENDER',
  'IPC_UNKNOWN_CHANNEL',
  'INTERNAL_ERROR',
  'EXTERNAL_URL_BLOCKED',
  // Stytch API
  'STYTCH_PROJECT_ID_INVALID',
  'STYTCH_ENVIRONMENT_MISMATCH',
  'STYTCH_BAD_CREDENTIALS',
  'STYTCH_NOT_CONNECTED',
  'STYTCH_ORGANIZATION_NOT_FOUND',
  'STYTCH_SCIM_CONNECTION_EXISTS',
  'STYTCH_SCIM_CONNECTION_NOT_FOUND',
  'STYTCH_NOT_ROTATING',
  'STYTCH_INVALID_IDP',
  'STYTCH_BAD_REQUEST',
  'STYTCH_RATE_LIMITED',
  'STYTCH_SERVER_ERROR',
  'STYTCH_UNEXPECTED_RESPONSE',
  'STYTCH_CREATED_TOKEN_UNKNOWN',
  'STYTCH_CREATE_OUTCOME_UNKNOWN',
  'STYTCH_ROTATION_TOKEN_UNKNOWN',
  'STYTCH_NOT_PERMITTED',
  // Microsoft Graph (main/graph/graph-errors.ts words each one)
  'GRAPH_PERMISSION_DENIED',
  'GRAPH_NOT_FOUND',
  'GRAPH_BAD_REQUEST',
  'GRAPH_CONFLICT',
  'GRAPH_THROTTLED',
  'GRAPH_SERVER_ERROR',
  'GRAPH_UNEXPECTED_RESPONSE',
  'GRAPH_CREDENTIALS_REJECTED',
  // Transport (any HTTP call made from main)
  'NET_DNS',
  'NET_REFUSED',
  'NET_RESET',
  'NET_TIMEOUT',
  'NET_TLS',
  'NET_PROXY_AUTH',
  'NET_NON_JSON',
  'NET_REDIRECTED',
  'NET_RESPONSE_TOO_LARGE',
  'NET_FAILED',
  // Keychain, settings, clipboard
  'SECRET_STORE_UNAVAILABLE',
  'SECRET_STORE_LOCKED',
  'SECRET_STORE_DENIED',
  'SECRET_NOT_FOUND',
  'SECRET_ALREADY_REVEALED',
  // Reveal asked for a token other than the one Stytch just showed for the connection on screen
  'SECRET_NOT_REVEALABLE',
  'SETTINGS_CORRUPT',
  'SETTINGS_WRITE_FAILED',
  'CLIPBOARD_FAILED',
  // Probe and sandbox
  'PROBE_INVALID_INPUT',
  'SANDBOX_START_FAILED',
  'SANDBOX_ONLY',
  // Microsoft sign-in (Graph, delegated)
  'MICROSOFT_CLIENT_ID_MISSING',
  'MICROSOFT_SIGN_IN_CANCELLED',
  'MICROSOFT_SIGN_IN_FAILED',
  'MICROSOFT_CONSENT_REQUIRED',
  'MICROSOFT_NOT_SIGNED_IN',
  'MICROSOFT_CACHE_UNREADABLE',
  // A sign-in that came back for another tenant or account than the one asked for (signed out)
  'MICROSOFT_WRONG_TENANT',
  'MICROSOFT_WRONG_ACCOUNT',
  // The Entra steps (main/entra-setup/): a step that needs an earlier one (app, job) done first
  'ENTRA_STEP_MISSING',
  // Unassigning a user or group that holds no assignment on the app
  'ENTRA_NOT_ASSIGNED',
  // "Use this app" on an enterprise app that is not a SCIM app (another vendor's gallery app)
  'ENTRA_APP_NOT_SCIM',
  // A Graph write for an app someone else confirmed (another account signed in since)
  'ENTRA_ACCOUNT_CHANGED',
  // Starting a job whose scope is (or may be) "Sync all users and groups" without the admin's yes
  'ENTRA_CONFIRMATION_REQUIRED',
  // The connections overview and health sweep (main/fleet/): a second sweep while one runs, and
  // a report the system would not let the app write
  'FLEET_SWEEP_RUNNING',
  'FLEET_REPORT_WRITE_FAILED',
  // Rotation in Stytch and Entra (main/rotation/): the pending token's check had no clear answer
  'ROTATION_CHECK_FAILED',
  // Entra's Test Connection refused the new token during a rotation
  'ROTATION_ENTRA_TEST_FAILED',
  // A rotation is pending at Stytch, but its new token is not on this computer
  'ROTATION_TOKEN_NOT_HERE',
  // A rotation of a selection named an organization the connections overview does not hold
  'ROTATION_UNKNOWN_ORGANIZATION',
  // A second rotation of a selection while one runs
  'ROTATION_SELECTION_RUNNING',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error shape that crosses IPC, lands in reports and is shown to the user. */
export const AppErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** What happened, for a person. Never contains a secret. */
  message: z.string(),
  /** What to do next. */
  hint: z.string(),
  /** True when trying again unchanged may succeed. */
  retryable: z.boolean().optional(),
  /** Stytch's request id, kept for support tickets. */
  requestId: z.string().optional(),
  /**
   * For a Microsoft sign-in, consent or permission error: the Graph action (a row of
   * shared/entra/graph-permissions.ts) the failed step needs, which "Sign in to Microsoft" asks
   * for. A name from the table, never a token or scope the caller made up.
   */
  action: z.enum(GRAPH_ACTION_NAMES).optional(),
});

/** A serialisable, user-facing error. */
export type AppError = z.infer<typeof AppErrorSchema>;

/** Success or a typed error: the only shape a channel ever returns. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** Builds a successful {@link Result}. */
export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

/** Builds a failed {@link Result}. */
export function fail<T = never>(
  code: ErrorCode,
  message: string,
  hint: string,
  extra: Pick<AppError, 'retryable' | 'requestId'> = {},
): Result<T> {
  return { ok: false, error: { code, message, hint, ...extra } };
}

/**
 * An AppError carried as an exception inside main, so deep code can bail out with a typed
 * error and the IPC layer turns it back into a Result without losing the code or hint.
 */
export class AppFailure extends Error {
  /** The user-facing error this exception carries. */
  readonly appError: AppError;

  constructor(appError: AppError) {
    super(appError.message);
    this.name = 'AppFailure';
    this.appError = appError;
  }
}

/** Shorthand for throwing a typed error from deep inside main. */
export function appFailure(
  code: ErrorCode,
  message: string,
  hint: string,
  extra: Pick<AppError, 'retryable' | 'requestId' | 'action'> = {},
): AppFailure {
  return new AppFailure({ code, message, hint, ...extra });
}

/** A schema for `Result<T>` given T's schema, so responses are checked in tests and the bridge. */
export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);
}

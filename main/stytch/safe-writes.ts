import { AppFailure, appFailure, type AppError, type ErrorCode } from '../../shared/errors';
import type {
  ScimConnection,
  ScimConnectionWithNextToken,
  ScimConnectionWithToken,
} from '../../shared/stytch/api-schemas';
import { isRotating } from './connection-view';
import type { CreateConnectionInput, StytchClient } from './stytch-client';
import { StytchCallError } from './stytch-transport';

/**
 * The writes whose answer carries a secret that exists nowhere else (Create, Rotate Start) are
 * sent exactly once. When one fails ambiguously (timeout, reset, 5xx, unreadable answer), the
 * connection is read back and the user is told exactly what happened: it happened and the
 * token is unknown (with the way out), or it did not happen (safe to try again).
 */

function withoutStop(text: string): string {
  return text.replace(/[.\s]+$/, '');
}

/** A failure that follows Stytch's, keeping its request ID for a support ticket. */
function following(cause: AppError, code: ErrorCode, message: string, hint: string): AppFailure {
  return appFailure(code, message, hint, cause.requestId ? { requestId: cause.requestId } : {});
}

/** The connection named is no longer the organization's active one. */
export function notFound(connectionId: string): AppFailure {
  return appFailure(
    'STYTCH_SCIM_CONNECTION_NOT_FOUND',
    `The SCIM connection ${connectionId} is no longer this organization’s active connection.`,
    'Reload the organization to see its current connection.',
  );
}

async function readBack(
  client: StytchClient,
  organizationId: string,
  cause: AppError,
  what: string,
) {
  try {
    return await client.getConnection(organizationId);
  } catch {
    const code =
      what === 'create' ? 'STYTCH_CREATE_OUTCOME_UNKNOWN' : 'STYTCH_ROTATION_TOKEN_UNKNOWN';
    throw following(
      cause,
      code,
      `The request to ${what === 'create' ? 'create the SCIM connection' : 'start the token rotation'} failed (${withoutStop(cause.message)}), and the app could not check whether Stytch carried it out.`,
      what === 'create'
        ? 'Reload the organization before trying again. If it now has a connection, rotate its token to get one you can use; do not create another.'
        : 'Reload the connection. If it shows a rotation in progress, cancel it and start again.',
    );
  }
}

function safeToRetry(error: StytchCallError, what: string): StytchCallError {
  return new StytchCallError(
    {
      ...error.appError,
      message: `${error.appError.message} Stytch did not ${what}.`,
      hint: `It is safe to try again. ${error.appError.hint}`,
      retryable: true,
    },
    error.facts,
  );
}

/**
 * Create, sent once, with the org checked first (one connection per org: an existing one is
 * reported, never a second Create) and read back after an ambiguous failure.
 */
export async function createConnectionSafely(
  client: StytchClient,
  organizationId: string,
  input: CreateConnectionInput,
): Promise<ScimConnectionWithToken> {
  const existing = await client.getConnection(organizationId);
  if (existing) {
    throw appFailure(
      'STYTCH_SCIM_CONNECTION_EXISTS',
      `This organization already has a SCIM connection (“${existing.display_name}”); Stytch allows one per organization.`,
      'Use the existing connection: reuse its token if this computer has it, or rotate the token to get a new one.',
    );
  }
  try {
    return await client.createConnection(organizationId, input);
  } catch (error) {
    if (!(error instanceof StytchCallError) || !error.facts.ambiguous) throw error;
    const after = await readBack(client, organizationId, error.appError, 'create');
    if (!after) throw safeToRetry(error, 'create the connection');
    throw following(
      error.appError,
      'STYTCH_CREATED_TOKEN_UNKNOWN',
      `Stytch created the SCIM connection “${after.display_name}” (${after.connection_id}), but its answer was lost (${withoutStop(error.appError.message)}), so the app never received the token. Stytch shows a token only once.`,
      'Rotate the token to get a new one: start a rotation on this connection, paste the new token into Entra, then complete the rotation. Do not create another connection.',
    );
  }
}

/** Rotate Start, sent once, with the connection read before and, after an ambiguous failure, again. */
export async function rotateStartSafely(
  client: StytchClient,
  organizationId: string,
  connectionId: string,
): Promise<ScimConnectionWithNextToken> {
  const before = await client.getConnection(organizationId);
  if (!before || before.connection_id !== connectionId) throw notFound(connectionId);
  try {
    return await client.rotateStart(organizationId, connectionId);
  } catch (error) {
    if (!(error instanceof StytchCallError) || !error.facts.ambiguous) throw error;
    const after = await readBack(client, organizationId, error.appError, 'rotate');
    const started =
      after !== null &&
      isRotating(after) &&
      (!isRotating(before) ||
        after.next_bearer_token_last_four !== before.next_bearer_token_last_four);
    if (!started) throw safeToRetry(error, 'start a rotation');
    throw following(
      error.appError,
      'STYTCH_ROTATION_TOKEN_UNKNOWN',
      `Stytch started the token rotation, but its answer was lost (${withoutStop(error.appError.message)}), so the app never received the new token. The current token still works.`,
      'Cancel this rotation, then start it again to get a new token you can use.',
    );
  }
}

/**
 * Rotate Complete or Cancel. These retry (they are idempotent in effect), so a retry after a
 * lost answer can meet "not rotating": the connection is then read back, and the step counts as
 * done when Stytch now holds the expected token (`expectedLastFour`: the next token's for
 * complete, the current one's for cancel; for cancel, unknown also counts).
 */
export async function finishRotationSafely(
  client: StytchClient,
  organizationId: string,
  connectionId: string,
  step: 'complete' | 'cancel',
  expectedLastFour: string | null,
): Promise<ScimConnection> {
  try {
    return step === 'complete'
      ? await client.rotateComplete(organizationId, connectionId)
      : await client.rotateCancel(organizationId, connectionId);
  } catch (error) {
    const retried = error instanceof StytchCallError && error.facts.earlierAttemptAmbiguous;
    if (!retried || error.appError.code !== 'STYTCH_NOT_ROTATING') throw error;
    const after = await client.getConnection(organizationId);
    const done =
      after !== null &&
      after.connection_id === connectionId &&
      !isRotating(after) &&
      (expectedLastFour === null
        ? step === 'cancel'
        : after.bearer_token_last_four === expectedLastFour);
    if (done) return after;
    throw error;
  }
}

import type {
  ScimConnection,
  ScimConnectionWithNextToken,
  ScimConnectionWithToken,
} from '../../shared/stytch/api-schemas';
import { ensureAadOptFlag } from '../../shared/stytch/tenant-url';
import type { ScimConnectionView, TokenStatus } from '../../shared/stytch/views';
import type { Secrets } from '../secrets/secrets';

/**
 * [Uncertain] How Stytch shows a rotation in progress on a plain connection: the SDK has
 * `next_bearer_token_last_four` (empty when none, presumably) and `next_bearer_token_expires_at`
 * ("supplied only during token rotation"). Either one set counts.
 */
export function isRotating(connection: ScimConnection): boolean {
  return (
    connection.next_bearer_token_last_four !== '' ||
    connection.next_bearer_token_expires_at !== undefined
  );
}

type AnyConnection = ScimConnection | ScimConnectionWithToken | ScimConnectionWithNextToken;

/** The token facts a view carries. */
export interface ViewTokens {
  token: TokenStatus;
  nextToken: TokenStatus | null;
}

/** Builds the renderer's view of a connection. Never carries a token. */
export function connectionView(connection: AnyConnection, tokens: ViewTokens): ScimConnectionView {
  const nextExpiresAt =
    'next_bearer_token_expires_at' in connection
      ? connection.next_bearer_token_expires_at
      : undefined;
  return {
    organizationId: connection.organization_id,
    connectionId: connection.connection_id,
    status: connection.status,
    displayName: connection.display_name,
    identityProvider: connection.identity_provider,
    baseUrl: connection.base_url,
    tenantUrl: ensureAadOptFlag(connection.base_url),
    bearerTokenExpiresAt: connection.bearer_token_expires_at ?? null,
    rotating: tokens.nextToken !== null,
    nextBearerTokenExpiresAt: nextExpiresAt ?? null,
    token: tokens.token,
    nextToken: tokens.nextToken,
  };
}

/**
 * A stored token counts only if it is the one Stytch holds (same last four): after a rotation
 * made elsewhere the old token is useless, so it reads as 'none', with Stytch's last four for
 * matching against Entra.
 */
export function reconcile(stored: TokenStatus, stytchLastFour: string): TokenStatus {
  if (stytchLastFour === '' || stored.last4 === stytchLastFour) return stored;
  return { storage: 'none', last4: stytchLastFour };
}

/** The token statuses of a connection as Stytch reports it, from what this computer holds. */
export async function storedTokens(
  keeper: Pick<Secrets, 'status'>,
  connection: ScimConnection,
): Promise<ViewTokens> {
  const connectionId = connection.connection_id;
  const token = reconcile(
    await keeper.status({ kind: 'scim-token', connectionId }),
    connection.bearer_token_last_four,
  );
  if (!isRotating(connection)) return { token, nextToken: null };
  const next = await keeper.status({ kind: 'scim-next-token', connectionId });
  return { token, nextToken: reconcile(next, connection.next_bearer_token_last_four) };
}

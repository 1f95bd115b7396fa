import { appFailure } from '../../shared/errors';
import { ensureAadOptFlag } from '../../shared/stytch/tenant-url';

/** Where a connection's SCIM endpoint is, as Stytch holds it (`StytchSession` fits). */
export interface ConnectionLookup {
  client(): Promise<{
    getConnection(
      organizationId: string,
    ): Promise<{ connection_id: string; base_url: string } | null>;
  }>;
}

/**
 * The Tenant URL of the organization's connection as Stytch holds it, with Entra's flag (as the
 * app shows it). Main decides where a stored token goes: a renderer that could name a URL could
 * have any stored token delivered to a server of its choosing. A connection that is not the
 * organization's active one is refused.
 */
export async function connectionTenantUrl(
  stytch: ConnectionLookup,
  organizationId: string,
  connectionId: string,
  purpose: string,
): Promise<string> {
  const client = await stytch.client();
  const connection = await client.getConnection(organizationId);
  if (connection?.connection_id !== connectionId) {
    throw appFailure(
      'STYTCH_SCIM_CONNECTION_NOT_FOUND',
      `The SCIM connection ${connectionId} is not this organization’s active connection.`,
      `Reload the organization to see its current connection, then ${purpose} that one.`,
    );
  }
  return ensureAadOptFlag(connection.base_url);
}

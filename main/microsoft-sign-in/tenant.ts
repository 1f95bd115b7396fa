import type { INetworkModule } from '@azure/msal-node';
import { z } from 'zod';

import { AppFailure, appFailure } from '../../shared/errors';

/**
 * The admin's tenant as sign-in uses it: the authority, and the tenant ID every sign-in's ID
 * token must carry (`tid`). A tenant given as a GUID is its own ID. A tenant given as a domain
 * is resolved before the sign-in, from the tenant's OpenID Connect metadata
 * (`https://login.microsoftonline.com/<domain>/v2.0/.well-known/openid-configuration`, whose
 * `issuer` is `https://login.microsoftonline.com/<tenant id>/v2.0`: learn.microsoft.com,
 * entra/identity-platform/v2-protocols-oidc, "Find your app's OpenID configuration document
 * URI"). That costs one unauthenticated GET, and it pins the ID before any code arrives, so the
 * first sign-in is held to it too (remembering the first sign-in's `tid` would trust whatever
 * account a code posted to the listener was for).
 */

/** Microsoft's identity platform, global cloud. */
export const MICROSOFT_LOGIN_ORIGIN = 'https://login.microsoftonline.com';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISSUER = /^https:\/\/login\.microsoftonline\.com\/([0-9a-f-]{36})\/v2\.0$/i;

const OpenIdMetadataSchema = z.object({ issuer: z.string() });

/** True when `tenant` is a tenant ID rather than a domain. */
export function isTenantId(tenant: string): boolean {
  return GUID.test(tenant);
}

/** The authority a single-tenant app registration signs in at. */
export function authorityFor(tenant: string): string {
  return `${MICROSOFT_LOGIN_ORIGIN}/${tenant}`;
}

function tenantNotFound(tenant: string): AppFailure {
  return appFailure(
    'MICROSOFT_SIGN_IN_FAILED',
    `Microsoft does not know the tenant "${tenant}".`,
    'Check the tenant in the settings: your primary domain (like contoso.onmicrosoft.com, on the Microsoft Entra admin center’s Overview page) or your tenant ID.',
  );
}

/**
 * The tenant ID for `tenant` (lower case): itself when it is one, else read from the tenant's
 * OpenID Connect metadata through MSAL's network client (so through the app's network stack, or
 * the sandbox's stand-in).
 */
export async function resolveTenantId(tenant: string, network: INetworkModule): Promise<string> {
  if (isTenantId(tenant)) return tenant.toLowerCase();
  let issuer: string | undefined;
  try {
    const response = await network.sendGetRequestAsync<unknown>(
      `${authorityFor(encodeURIComponent(tenant))}/v2.0/.well-known/openid-configuration`,
    );
    if (response.status === 400 || response.status === 404) throw tenantNotFound(tenant);
    issuer = OpenIdMetadataSchema.safeParse(response.body).data?.issuer;
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw appFailure(
      'MICROSOFT_SIGN_IN_FAILED',
      `Microsoft’s sign-in service could not be reached to look up the tenant "${tenant}".`,
      'Check the network connection (and proxy), then try again.',
      { retryable: true },
    );
  }
  const id = issuer === undefined ? undefined : ISSUER.exec(issuer)?.[1];
  if (id === undefined) throw tenantNotFound(tenant);
  return id.toLowerCase();
}

import { randomBytes } from 'node:crypto';

/** A user the stand-in can sign in. */
export interface StandInUser {
  /** The user's object id in {@link tid}. */
  oid: string;
  /** The tenant the user is in (for a guest: the tenant that invited them). */
  tid: string;
  username: string;
  name: string;
  /** The Entra admin role the user holds (Graph refuses admin-only calls without one). */
  adminRole: string | null;
  /**
   * For a guest (B2B): the account in its home tenant. Signing in at the inviting tenant's
   * authority gives a token for that tenant (`tid`, the guest's `oid` there); `client_info`, and so
   * MSAL's home account id, names the home account. Signing in at `organizations` gives a token
   * for the home tenant (AzureAD/microsoft-authentication-library-for-js#5113).
   */
  home?: { oid: string; tid: string };
}

/** A tenant the stand-in knows: its ID, its primary domain and its name. */
export interface StandInTenant {
  id: string;
  domain: string;
  name: string;
}

/** The tests' customer tenant, where {@link DEFAULT_USER} is a member. */
export const CONTOSO_TENANT: StandInTenant = {
  id: '9188040d-6c67-4c5b-b112-36a304b66dad',
  domain: 'contoso.onmicrosoft.com',
  name: 'Contoso',
};

/** Another organization: a consultant's home tenant, or an attacker's. */
export const FABRIKAM_TENANT: StandInTenant = {
  id: 'f4b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
  domain: 'fabrikam.onmicrosoft.com',
  name: 'Fabrikam',
};

/** The user the tests' "browser" signs in unless told otherwise. */
export const DEFAULT_USER: StandInUser = {
  oid: '00000000-0000-0000-66f3-3332eca7ea81',
  tid: CONTOSO_TENANT.id,
  username: 'admin@contoso.example',
  name: 'Contoso Admin',
  adminRole: 'Application Administrator',
};

function base64url(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/** An opaque token, long and random like Microsoft's, prefixed so a test can tell the kinds apart. */
export function opaqueToken(kind: 'at' | 'rt' | 'code'): string {
  return `${kind}.${randomBytes(32).toString('base64url')}`;
}

/** Who a token is for in one tenant: the object id there and that tenant's ID. */
export interface SignedInAs {
  oid: string;
  tid: string;
}

/**
 * Whom a sign-in at `authorityTenant` (the path's tenant: an ID or a domain, or
 * `organizations`/`common`) is for: the user in that tenant, the guest's home account at a
 * shared endpoint, or null when the user is not in that tenant (Entra's AADSTS50020).
 */
export function signedInAs(
  user: StandInUser,
  authorityTenant: string,
  tenants: readonly StandInTenant[],
): SignedInAs | null {
  const path = authorityTenant.toLowerCase();
  if (path === 'organizations' || path === 'common') return user.home ?? user;
  const tenant = tenants.find((item) => item.id === path || item.domain === path);
  const id = tenant?.id ?? path;
  if (id === user.tid) return user;
  if (user.home?.tid === id) return user.home;
  return null;
}

/**
 * An unsigned id token (`alg: none`, empty signature): MSAL decodes the claims without checking a
 * signature (graph-provisioning.md §6), and builds its AccountInfo from these claims.
 */
export function idToken(
  user: StandInUser,
  clientId: string,
  nonce: string | null,
  as: SignedInAs = user,
): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: clientId,
    iss: `https://login.microsoftonline.com/${as.tid}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    oid: as.oid,
    sub: `sub-${as.oid}`,
    tid: as.tid,
    preferred_username: user.username,
    name: user.name,
    ver: '2.0',
    // Echoed only when the request carried one: a nonce MSAL did not send fails its check.
    ...(nonce === null ? {} : { nonce }),
  };
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}.`;
}

/**
 * `client_info` as Entra sends it: base64url of `{"uid","utid"}`, MSAL's home account id, which
 * for a guest is the home account (not the guest object in the inviting tenant).
 */
export function clientInfo(user: StandInUser): string {
  const home = user.home ?? user;
  return base64url(JSON.stringify({ uid: home.oid, utid: home.tid }));
}

/** The error envelope of Microsoft's token endpoint. */
export interface TokenErrorReply {
  error: string;
  error_description: string;
  error_codes: number[];
  suberror?: string;
}

/** Builds an error reply in Microsoft's envelope (timestamp, trace and correlation ids added). */
export function errorEnvelope(
  reply: TokenErrorReply,
  correlationId: string,
): Record<string, unknown> {
  return {
    ...reply,
    timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
    trace_id: '5d1b2e0c-0000-4000-8000-000000000001',
    correlation_id: correlationId,
  };
}

/** Entra's reply when a scope was never consented to (AADSTS65001). */
export function consentRequiredReply(scope: string): TokenErrorReply {
  return {
    error: 'invalid_grant',
    error_description: `AADSTS65001: The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource. Scope: ${scope}`,
    error_codes: [65001],
    suberror: 'consent_required',
  };
}

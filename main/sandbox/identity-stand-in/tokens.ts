import { randomBytes } from 'node:crypto';

/** A user the stand-in can sign in. */
export interface StandInUser {
  oid: string;
  tid: string;
  username: string;
  name: string;
  /** The Entra admin role the user holds (Graph refuses admin-only calls without one). */
  adminRole: string | null;
}

/** The user the tests' "browser" signs in unless told otherwise. */
export const DEFAULT_USER: StandInUser = {
  oid: '00000000-0000-0000-66f3-3332eca7ea81',
  tid: '9188040d-6c67-4c5b-b112-36a304b66dad',
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

/**
 * An unsigned id token (`alg: none`, empty signature): MSAL decodes the claims without checking a
 * signature (graph-provisioning.md §6), and builds its AccountInfo from these claims.
 */
export function idToken(user: StandInUser, clientId: string, nonce: string | null): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: clientId,
    iss: `https://login.microsoftonline.com/${user.tid}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    oid: user.oid,
    sub: `sub-${user.oid}`,
    tid: user.tid,
    preferred_username: user.username,
    name: user.name,
    ver: '2.0',
    // Echoed only when the request carried one: a nonce MSAL did not send fails its check.
    ...(nonce === null ? {} : { nonce }),
  };
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}.`;
}

/** `client_info` as Entra sends it: base64url of `{"uid","utid"}`, MSAL's home account id. */
export function clientInfo(user: StandInUser): string {
  return base64url(JSON.stringify({ uid: user.oid, utid: user.tid }));
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

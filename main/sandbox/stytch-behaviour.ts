import { ensureAadOptFlag } from '../../shared/stytch/tenant-url';

/**
 * The points where the sandbox stand-in has to guess how Stytch behaves (reference [Uncertain] and
 * [Inference] items), each in one place. Error statuses live in main/stytch/stytch-errors.ts.
 */

/**
 * [Inference, reference A.4 / C.1] Stytch appends `?aadOptscim062020` to the base_url of
 * connections created with these identity providers.
 */
export const IDPS_WITH_AAD_OPT_FLAG: ReadonlySet<string> = new Set(['microsoft-entra']);

/** The base_url Stytch returns for a connection, given its SCIM endpoint and identity provider. */
export function stytchBaseUrl(scimEndpoint: string, identityProvider: string): string {
  return IDPS_WITH_AAD_OPT_FLAG.has(identityProvider)
    ? ensureAadOptFlag(scimEndpoint)
    : scimEndpoint;
}

/** The identity providers Create and Update accept (OpenAPI enum; others → invalid_scim_idp). */
export const IDENTITY_PROVIDERS: ReadonlySet<string> = new Set([
  'generic',
  'okta',
  'microsoft-entra',
  'cyberark',
  'jumpcloud',
  'onelogin',
  'pingfederate',
  'rippling',
]);

/** [Uncertain] The identity provider of a connection created without one. */
export const DEFAULT_IDENTITY_PROVIDER = 'generic';

/**
 * [Uncertain, reference A.4] Create's success status: the SDK docs and OpenAPI say 200, the API
 * overview shows 201. The client accepts any 2xx.
 */
export const CREATE_SUCCESS_STATUS = 200;

/**
 * [Uncertain] What Get answers for an org without a connection: `'omit'` answers 200 without a
 * `connection` field (the SDK types it optional); `'error'` answers `no_active_scim_connection`.
 * The client handles both.
 */
export const GET_WITHOUT_CONNECTION: 'omit' | 'error' = 'omit';

/**
 * [Uncertain] Rotate Start during a rotation: `'replace'` issues a fresh next token (the earlier
 * one stops working); `'error'` would refuse.
 */
export const ROTATE_START_WHILE_ROTATING: 'replace' | 'error' = 'replace';

/** [Uncertain, reference A.4] Token lifetime: the documented example expires about 3 years out. */
export const TOKEN_LIFETIME_DAYS = 3 * 365;

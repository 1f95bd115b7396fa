import type { MemberRoleSource, SCIMAttributes } from 'stytch';

import { ensureAadOptFlag } from '../../../shared/stytch/tenant-url';

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

/**
 * [Uncertain] Whether Stytch's SCIM endpoint accepts a rotation's pending `next_bearer_token`
 * before Rotate Complete. `'until-complete'` (the default) is the documented reading: the mobile
 * SDK says the new token "is generated in a pending state; call rotateTokenComplete to activate
 * it" (stytch.com/docs/api-reference/b2b/mobile-sdks/react-native/methods/scim/rotate-token-start)
 * and that Complete is "activating the new token and invalidating the old one"
 * (…/mobile-sdks/ios/methods/scim/rotate-token-complete); nothing Stytch publishes says the
 * pending token is accepted earlier. `'at-once'` plays the other reading, so both rotation orders
 * can be tested. A running stand-in changes it through `StandInState.pendingToken`.
 */
export const PENDING_TOKEN_ACCEPTED: 'until-complete' | 'at-once' = 'until-complete';

/** [Uncertain, reference A.4] Token lifetime: the documented example expires about 3 years out. */
export const TOKEN_LIFETIME_DAYS = 3 * 365;

/*
 * Members and SCIM (reference stytch-members-scim.md). Documented: a deprovisioned member loses
 * every role; a reactivated one is `active` again with its implicit roles (§7, Stytch's SCIM
 * actions table). The guesses below are the stand-in's, each in one place.
 */

/**
 * [Unconfirmed by a live test, §2/§7] The status of a member whose SCIM user Entra deactivated
 * (PATCH `active:false`). Stytch says "deactivated", which is not in the status enum; `deleted`
 * is, and it is the status the reactivate endpoint works on.
 */
export const STATUS_OF_DEACTIVATED_SCIM_MEMBER = 'deleted';

/** [Unconfirmed, §7] DELETE /Users/{id}: no separate hard-delete path is documented. */
export const STATUS_OF_DELETED_SCIM_MEMBER = 'deleted';

/**
 * [Unconfirmed, §2] Whether SCIM also fills the member's top-level `external_id` (it always fills
 * `scim_registration.external_id`). The stand-in says no, so `member_ids` matches member ids only.
 */
export const SCIM_FILLS_MEMBER_EXTERNAL_ID: boolean = false;

/**
 * [Unconfirmed] A SCIM user created with the email of a `deleted` member of the org takes that
 * member over (emails are unique within an org; Entra re-adds a hard-deleted user this way).
 */
export const SCIM_REUSES_DELETED_MEMBER_WITH_SAME_EMAIL: boolean = true;

/** [Unconfirmed, §2] How Stytch derives a member's email: the primary email, else userName. */
export function memberEmailOf(scim: SCIMAttributes): string {
  const email = scim.emails.find((e) => e.primary) ?? scim.emails[0];
  return email?.value ?? scim.user_name;
}

/** [Unconfirmed, §2] How Stytch derives a member's name: name.formatted, else displayName. */
export function memberNameOf(scim: SCIMAttributes): string {
  const { formatted = '', given_name = '', family_name = '' } = scim.name ?? {};
  return formatted || scim.display_name || [given_name, family_name].filter(Boolean).join(' ');
}

/**
 * [Unconfirmed key names, §2] The source of a role a member has through a SCIM group: the SDK
 * says `details` "contain the connection_id … and the group_id".
 */
export function scimGroupRoleSource(connectionId: string, groupId: string): MemberRoleSource {
  return {
    type: 'scim_connection_group',
    details: { connection_id: connectionId, group_id: groupId },
  };
}

/**
 * [Unconfirmed, §3/§7] An assignment whose group Entra deleted is dropped (deleting a group
 * revokes its roles).
 */
export const DROP_ASSIGNMENTS_OF_DELETED_GROUPS: boolean = true;

/**
 * [Unconfirmed, §3] PUT with `scim_group_implicit_role_assignments` replaces the whole list
 * (rather than merging into it).
 */
export const GROUP_ROLE_ASSIGNMENTS_ON_UPDATE: 'replace' | 'merge' = 'replace';

/**
 * [Uncertain] Update with a role_id the project's RBAC policy does not have: `'refuse'` answers
 * `invalid_role` (Stytch's error for a role it does not know, documented for member updates; no
 * error is documented for this endpoint); `'accept'` would store it.
 */
export const UNKNOWN_ROLE_ON_UPDATE: 'refuse' | 'accept' = 'refuse';

/**
 * Request limits per operation and window (§6): [NODE] and [OAS] say 100 requests/minute for
 * both searches (a newer page says per second; the lower is modelled). Windows start at the top
 * of the minute ("intervals are not rolling", [DOCS-rl]).
 */
export const RATE_LIMITS = {
  'members.search': { requests: 100, windowMs: 60_000 },
  'organizations.search': { requests: 100, windowMs: 60_000 },
} as const;

/** [Unconfirmed, §6] Whether a 429 carries `Retry-After` (only a third party says Stytch sends it). */
export const RETRY_AFTER_ON_429: boolean = true;

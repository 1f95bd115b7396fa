import type { WatchedStatus } from './watch';

// No zod here (watch.ts holds the schemas), so the renderer's watch panel can use the words
// without shipping zod.

/** Plain words for a status: what Stytch records, for the admin; short, for a table cell. */
export const STATUS_WORDS: Readonly<Record<WatchedStatus, string>> = {
  active: 'Active',
  deactivated: 'Deactivated',
  pending: 'Pending',
  invited: 'Invited',
};

/**
 * A status's second line in the members table, in a few words: what Stytch's SCIM did (its SCIM
 * actions table: "Member Deprovisioned … Revokes all current Roles; Revokes all current Sessions").
 */
export const STATUS_DETAIL: Readonly<Partial<Record<WatchedStatus, string>>> = {
  deactivated: 'roles and sessions revoked',
};

/**
 * Below the table when a member is deactivated: the whole story the cell shortens. Reactivation
 * applies implicit role grants only; explicit ones must be re-assigned (the same table).
 */
export const DEACTIVATED_NOTE =
  'Deactivated: Entra deprovisioned the member. Stytch’s SCIM revoked all of its roles and ' +
  'sessions, and Stytch no longer lists it among active members. If Entra provisions it again, it ' +
  'is active once more with only the roles granted implicitly; roles assigned to it directly must ' +
  'be assigned again.';

import type { KnownWatchedStatus, WatchedStatus } from './watch';

// No zod here (watch.ts holds the schemas), so the renderer's watch panel can use the words
// without shipping zod.

/** Plain words for a status: what Stytch records, for the admin; short, for a table cell. */
const STATUS_WORDS: Readonly<Record<KnownWatchedStatus, string>> = {
  active: 'Active',
  deactivated: 'Deactivated',
  pending: 'Pending',
  invited: 'Invited',
};

/**
 * A status's second line in the members table, in a few words: what Stytch's SCIM did (its SCIM
 * actions table: "Member Deprovisioned … Revokes all current Roles; Revokes all current Sessions").
 */
const STATUS_DETAIL: Readonly<Partial<Record<KnownWatchedStatus, string>>> = {
  deactivated: 'roles and sessions revoked',
};

/** Whether the status is one of the four the watch knows (not one Stytch added later). */
export function isKnownWatchedStatus(status: WatchedStatus): status is KnownWatchedStatus {
  return Object.hasOwn(STATUS_WORDS, status);
}

/** A status's word and second line; one Stytch added later is shown as Stytch wrote it. */
export function statusWords(status: WatchedStatus): { text: string; detail: string | null } {
  return isKnownWatchedStatus(status)
    ? { text: STATUS_WORDS[status], detail: STATUS_DETAIL[status] ?? null }
    : { text: status, detail: null };
}

/**
 * Below the table when a member is deactivated: the whole story the cell shortens. Reactivation
 * applies implicit role grants only; explicit ones must be re-assigned (the same table).
 */
export const DEACTIVATED_NOTE =
  'Deactivated: Entra deprovisioned the member. Stytch’s SCIM revoked all of its roles and ' +
  'sessions, and Stytch no longer lists it among active members. If Entra provisions it again, it ' +
  'is active once more with only the roles granted implicitly; roles assigned to it directly must ' +
  'be assigned again.';

import type { WatchedStatus } from './watch';

// No zod here (watch.ts holds the schemas), so the renderer's watch panel can use the words
// without shipping zod.

/** Plain words for a status: what Stytch records, for the admin. */
export const STATUS_WORDS: Readonly<Record<WatchedStatus, string>> = {
  active: 'Active',
  deactivated: 'Deactivated (Stytch marks the member deleted and revokes its roles and sessions)',
  pending: 'Pending',
  invited: 'Invited',
};

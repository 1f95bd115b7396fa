import { z } from 'zod';

import { AppErrorSchema } from '../errors';

/**
 * A member as the provisioning watch shows it. Stytch's member statuses are pending, invited,
 * active and deleted; a SCIM member Entra deprovisions (PATCH active false, or DELETE) is recorded
 * as `deleted`, with its roles and sessions revoked ([unconfirmed by a live test]: the reference's
 * inference from Stytch's status enum and its SCIM actions table, stytch-members-scim.md §2, §7).
 * The watch calls that `deactivated`, the word Stytch's SCIM guide uses.
 */
export type KnownWatchedStatus = 'active' | 'deactivated' | 'pending' | 'invited';
/** A status Stytch adds later is kept as its own text, never taken for one of the known four. */
export type WatchedStatus = KnownWatchedStatus | (string & {});
export const WatchedStatusSchema: z.ZodType<WatchedStatus> = z.string().min(1).max(64);

export const WatchedMemberSchema = z.object({
  memberId: z.string(),
  email: z.string(),
  name: z.string(),
  status: WatchedStatusSchema,
  /** The IdP's externalId (Entra's objectId when the mapping Stytch requires is in place). */
  externalId: z.string().nullable(),
  /** Display names of the SCIM groups the member came with. */
  groups: z.array(z.string()),
  /**
   * Their SCIM ids (each entry's `value`: the `id` Stytch gave the group, its `group_id`), where
   * Stytch shows one. Members are counted per group by these: two groups may share a name, and a
   * group renamed in Entra keeps its id while the members' copies of its name may lag.
   */
  groupIds: z.array(z.string()),
  /** The roles the member holds, each with what grants it (role-words.ts in main). */
  roles: z.array(z.string()),
  /** When this app first saw the member, and last saw a change (ISO 8601). */
  firstSeenAt: z.string(),
  lastChangedAt: z.string(),
});
export type WatchedMember = z.infer<typeof WatchedMemberSchema>;

/** One change this app saw, for the timeline. */
export const WatchChangeSchema = z.object({
  at: z.string(),
  memberId: z.string(),
  email: z.string(),
  kind: z.enum(['arrived', 'deactivated', 'reactivated', 'changed']),
  /** What changed, in words, for `changed`. */
  detail: z.string().nullable(),
});
export type WatchChange = z.infer<typeof WatchChangeSchema>;

/** What the watch knows, pushed as `watch:update` and answered by the watch channels. */
export const WatchSnapshotSchema = z.object({
  organizationId: z.string(),
  connectionId: z.string(),
  state: z.enum(['watching', 'stopped']),
  members: z.array(WatchedMemberSchema),
  counts: z.object({
    active: z.number().int().nonnegative(),
    deactivated: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  /** Newest first, at most {@link MAX_TIMELINE} entries. */
  timeline: z.array(WatchChangeSchema),
  lastPolledAt: z.string().nullable(),
  /** When the next look at Stytch is due, or null when stopped. */
  nextPollInMs: z.number().int().nonnegative().nullable(),
  /** The last poll's failure (the watch keeps going, backing off). */
  failure: AppErrorSchema.nullable(),
});
export type WatchSnapshot = z.infer<typeof WatchSnapshotSchema>;

/** How many timeline entries the watch keeps. */
export const MAX_TIMELINE = 200;

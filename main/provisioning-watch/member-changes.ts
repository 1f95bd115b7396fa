import { isKnownWatchedStatus } from '../../shared/provisioning/status-words';
import {
  MAX_TIMELINE,
  type WatchChange,
  type WatchedMember,
  type WatchedStatus,
} from '../../shared/provisioning/watch';
import { roleWords, type RoleWithSources } from './role-words';

/** The parts of a Stytch member (stytch-members-scim.md §2) the watch reads. */
export interface StytchMemberLike {
  member_id: string;
  email_address: string;
  name: string;
  status: string;
  scim_registration?:
    | {
        connection_id: string;
        external_id?: string | undefined;
        scim_attributes?: { groups?: Array<{ display?: string; value?: string }> } | undefined;
      }
    | null
    | undefined;
  roles?: RoleWithSources[] | undefined;
}

/**
 * Stytch's status in the watch's words: a SCIM member it deleted was deprovisioned by Entra
 * (`deleted` in its member enum, `deactivated` in its SCIM guide). Any other value is kept as
 * Stytch's text: a status it adds later is not a deprovisioning.
 */
export function watchedStatus(status: string): WatchedStatus {
  return status === 'deleted' ? 'deactivated' : status;
}

type Observed = Omit<WatchedMember, 'firstSeenAt' | 'lastChangedAt'>;

function observe(member: StytchMemberLike): Observed {
  const groups = member.scim_registration?.scim_attributes?.groups ?? [];
  return {
    memberId: member.member_id,
    email: member.email_address,
    name: member.name,
    status: watchedStatus(member.status),
    externalId: member.scim_registration?.external_id ?? null,
    groups: groups.map((group) => group.display ?? group.value ?? '').filter((g) => g !== ''),
    groupIds: groups.flatMap((group) => (group.value ? [group.value] : [])),
    roles: (member.roles ?? []).map((role) => roleWords(role, groups)),
  };
}

function describeChange(before: Observed, after: Observed): string | null {
  const parts: string[] = [];
  if (before.email !== after.email) parts.push(`email ${before.email} → ${after.email}`);
  if (before.name !== after.name) parts.push(`name “${before.name}” → “${after.name}”`);
  if (before.externalId !== after.externalId) parts.push('externalId changed');
  if (before.groups.join('\n') !== after.groups.join('\n'))
    parts.push(`groups: ${after.groups.join(', ') || 'none'}`);
  if (before.roles.join('\n') !== after.roles.join('\n'))
    parts.push(`roles: ${after.roles.join(', ') || 'none'}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

function statusChange(before: WatchedStatus, after: WatchedStatus): WatchChange['kind'] | null {
  if (before === after) return null;
  if (after === 'deactivated') return 'deactivated';
  if (before === 'deactivated' && isKnownWatchedStatus(after)) return 'reactivated';
  return 'changed';
}

/**
 * Folds one poll's members (this connection's only) into what the watch knew: new members
 * arrive, status and attribute changes are recorded with the time they were first seen. The
 * first poll of a watch records no arrivals: members already there did not arrive while watching.
 */
export function foldMembers(
  known: ReadonlyMap<string, WatchedMember>,
  polled: readonly StytchMemberLike[],
  at: string,
  firstPoll: boolean,
): { members: Map<string, WatchedMember>; changes: WatchChange[] } {
  const members = new Map<string, WatchedMember>();
  const changes: WatchChange[] = [];
  for (const member of polled) {
    const now = observe(member);
    const before = known.get(now.memberId);
    if (!before) {
      members.set(now.memberId, { ...now, firstSeenAt: at, lastChangedAt: at });
      if (!firstPoll)
        changes.push({
          at,
          memberId: now.memberId,
          email: now.email,
          kind: 'arrived',
          detail: null,
        });
      continue;
    }
    const kind = statusChange(before.status, now.status);
    const detail = describeChange(before, now);
    const changed = kind !== null || detail !== null;
    members.set(now.memberId, {
      ...now,
      firstSeenAt: before.firstSeenAt,
      lastChangedAt: changed ? at : before.lastChangedAt,
    });
    if (changed)
      changes.push({
        at,
        memberId: now.memberId,
        email: now.email,
        kind: kind ?? 'changed',
        detail,
      });
  }
  // A member that vanished from a search that includes deleted ones is kept as last seen.
  for (const [id, member] of known) if (!members.has(id)) members.set(id, member);
  return { members, changes };
}

/** Adds changes to a timeline, newest first, bounded. */
export function withChanges(timeline: readonly WatchChange[], changes: readonly WatchChange[]) {
  return [...[...changes].reverse(), ...timeline].slice(0, MAX_TIMELINE);
}

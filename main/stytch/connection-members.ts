import { MEMBER_STATUSES, type Member, type MemberStatus } from '../../shared/stytch/api-schemas';
import type { StytchClient } from './stytch-client';

/** How to read a connection's members. */
export interface ConnectionMembersOptions {
  /** Default: every documented status, so deprovisioned (`deleted`) members are seen too. */
  statuses?: readonly MemberStatus[];
  /** Default 1000, Stytch's maximum: fewer calls against the 100/minute search limit (§6). */
  pageSize?: number;
  /** Default 10: the bound on calls (and on members read) per run. */
  maxPages?: number;
}

/** This connection's members, whether every page was read, and how many searches it took. */
export interface ConnectionMembers {
  members: Member[];
  complete: boolean;
  pages: number;
}

/**
 * Every member of the org provisioned by this connection, paging the org's members to the end
 * (at most `maxPages` calls). Stytch has no SCIM filter, so the connection is matched here on
 * `scim_registration.connection_id` (reference stytch-members-scim.md §1).
 */
export async function connectionMembers(
  client: Pick<StytchClient, 'searchMembers'>,
  organizationId: string,
  connectionId: string,
  options: ConnectionMembersOptions = {},
): Promise<ConnectionMembers> {
  const { statuses = MEMBER_STATUSES, pageSize = 1000, maxPages = 10 } = options;
  const members: Member[] = [];
  let cursor: string | undefined;
  for (let page = 1; page <= maxPages; page += 1) {
    const result = await client.searchMembers({
      organization_ids: [organizationId],
      limit: pageSize,
      ...(cursor === undefined ? {} : { cursor }),
      query: {
        operator: 'AND',
        operands: [{ filter_name: 'statuses', filter_value: [...statuses] }],
      },
    });
    members.push(
      ...result.members.filter((m) => m.scim_registration?.connection_id === connectionId),
    );
    cursor = result.results_metadata.next_cursor;
    if (!cursor) return { members, complete: true, pages: page };
  }
  return { members, complete: false, pages: maxPages };
}

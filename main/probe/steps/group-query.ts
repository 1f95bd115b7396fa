import type { ListJudgement } from '../list-query';
import type { Exchange, ScimCall } from '../scim-exchange';
import { findingOf, type ListQueryFinding } from './list-query-step';
import { answerOf, eqFilter } from './record';

/** How messages name Entra's group query. */
export const GROUP_QUERY_SUBJECT = 'a query for a group that does not exist';

/**
 * Entra's group lookup: `GET /Groups?excludedAttributes=members&filter=displayName eq "…"`
 * (MicrosoftDocs/entra-docs docs/identity/app-provisioning/use-scim-to-provision-users-and-groups.md,
 * "Get Group by displayName").
 */
export function groupQuery(displayName: string): ScimCall {
  return {
    method: 'GET',
    path: '/Groups',
    query: [['excludedAttributes', 'members'], eqFilter('displayName', displayName)],
  };
}

// Microsoft says Test Connection fetches a group, without a condition; whether turning group
// provisioning off spares it that is not documented, so the fix does not promise it.
const GROUPS_FIX =
  'Make /Groups answer Entra’s group query: 200 with an empty ListResponse when nothing matches. Microsoft does not say whether turning group provisioning off in Entra spares Test Connection this query.';

/**
 * The group query's finding: statuses that mean "no groups here" are named as such, since for
 * /Groups a 404 says nothing about the Tenant URL (the user query found it).
 */
export function groupFinding(judged: ListJudgement, sent: Exchange): ListQueryFinding {
  const status = sent.reply?.status;
  if (status === 404 || status === 405 || status === 501) {
    return {
      status: 'fail',
      message: `The server does not support groups: /Groups answered ${status}. Entra would also fail every group it tries to provision.`,
      fix: GROUPS_FIX,
    };
  }
  if (status === 403) {
    // The generic 403 wording speaks of "the token"; here the user query (sent alongside) got
    // through, so what refused is /Groups, and what to look at is what the token may reach.
    return {
      status: 'fail',
      message: `/Groups ${answerOf(sent)}: the server knows the token but does not allow it to read groups.`,
      fix: 'Check the token’s scope or role: it must allow /Groups as well as /Users (a gateway or proxy in front of the SCIM server may also restrict it).',
    };
  }
  return findingOf(judged);
}

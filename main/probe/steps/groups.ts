import { GROUP_QUERY_SUBJECT, groupFinding, groupQuery } from './group-query';
import { listQueryStep } from './list-query-step';

/**
 * `groups`: Entra's group lookup (reference B.4), judged and worded as in Test Connection.
 * Test Connection sends the same query and fails with it, and this check needs Test Connection,
 * so a server without groups is reported once, there, and this check is skipped.
 */
export const groupsStep = listQueryStep({
  id: 'groups',
  title: 'Groups query',
  needs: ['test-connection'],
  call: groupQuery,
  subject: GROUP_QUERY_SUBJECT,
  word: groupFinding,
});

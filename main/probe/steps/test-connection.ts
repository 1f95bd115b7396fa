import { ENTRA_SUCCESS, entraFailureTextOf } from '../entra-texts';
import { judgeEmptyListQuery } from '../list-query';
import { MICROSOFT_SAYS } from '../microsoft-requirements';
import { requestsDeadline, type ProbeContext } from '../probe-context';
import type { ProbeStep, StepOutcome } from '../probe-step';
import type { Exchange } from '../scim-exchange';
import { GROUP_QUERY_SUBJECT, groupFinding, groupQuery } from './group-query';
import { findingOf, type ListQueryFinding } from './list-query-step';
import { exchangeLine, recorded, userQuery } from './record';

const USER_QUERY_SUBJECT = 'a query for a user that does not exist';

/** One of Test Connection's two queries, sent and judged. */
interface Part {
  label: 'user query' | 'group query';
  sent: Exchange;
  finding: ListQueryFinding;
}

function failed(part: Part): StepOutcome {
  const message =
    part.label === 'user query'
      ? part.finding.message
      : `The user query passed, but the group query failed: ${part.finding.message} Microsoft: “${MICROSOFT_SAYS.randomUserAndGroup}”`;
  return {
    status: 'fail',
    message,
    ...(part.finding.fix === undefined ? {} : { fix: part.finding.fix }),
    entraWouldSay: entraFailureTextOf(part.sent),
    ...recorded(part.sent),
  };
}

function passed(users: Part, parts: readonly Part[]): StepOutcome {
  const warned = parts.filter((part) => part.finding.status === 'warn');
  const fixes = [...new Set(warned.flatMap((part) => part.finding.fix ?? []))];
  return {
    status: warned.length > 0 ? 'warn' : 'pass',
    message:
      warned.length > 0
        ? warned.map((part) => `The ${part.label}: ${part.finding.message}`).join(' ')
        : '200 with an empty SCIM ListResponse (totalResults 0), to the user query and to the group query.',
    ...(fixes.length > 0 ? { fix: fixes.join(' ') } : {}),
    entraWouldSay: ENTRA_SUCCESS,
    ...recorded(users.sent),
  };
}

/**
 * `test-connection`: what Entra's Test Connection sends — a query for a user whose userName is
 * a random GUID (reference B.1) and one for a random group ("Microsoft Entra ID makes requests
 * to fetch a random user and group … It's also done as a part of the Test Connection flow":
 * MicrosoftDocs/entra-docs docs/identity/app-provisioning/use-scim-to-provision-users-and-groups.md,
 * "General") — judged the way Entra judges them (B.2), with what Entra shows. Group provisioning
 * is on by default, so a failed group query fails the check. Both go out together.
 */
export const testConnectionStep: ProbeStep<ProbeContext, 'test-connection'> = {
  id: 'test-connection',
  title: 'Test Connection (as Entra sends it)',
  needs: ['url'],
  deadlineMs: (ctx) => requestsDeadline(ctx),
  run: async (ctx) => {
    const timeoutMs = ctx.options.timeoutMs;
    // Each answer is judged as it arrives, while the other may still be on its way.
    const [user, group] = await Promise.all([
      ctx.send(userQuery('userName', ctx.newGuid())).then((sent): Part => ({
        label: 'user query',
        sent,
        finding: findingOf(judgeEmptyListQuery(sent, USER_QUERY_SUBJECT, timeoutMs)),
      })),
      ctx.send(groupQuery(ctx.newGuid())).then((sent): Part => ({
        label: 'group query',
        sent,
        finding: groupFinding(judgeEmptyListQuery(sent, GROUP_QUERY_SUBJECT, timeoutMs), sent),
      })),
    ]);
    const parts = [user, group];
    const first = parts.find((part) => part.finding.status === 'fail');
    const outcome = first ? failed(first) : passed(user, parts);
    return {
      ...outcome,
      exchanges: parts.map((part) =>
        exchangeLine(part.label, part.sent, part.finding.status, part.finding.message),
      ),
    };
  },
};

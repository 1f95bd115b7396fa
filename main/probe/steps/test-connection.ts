import { ENTRA_VERDICTS } from '../entra-verdicts';
import { judgeEmptyListQuery } from '../list-query';
import type { ProbeContext } from '../probe-context';
import type { ProbeStep } from '../probe-step';
import { eqFilter, recorded } from './record';

/**
 * `test-connection`: what Entra's Test Connection sends (reference B.1) — a query for a user
 * whose userName is a random GUID — judged the way Entra judges it (B.2), worded as Entra would.
 */
export const testConnectionStep: ProbeStep<ProbeContext> = {
  id: 'test-connection',
  title: 'Test Connection (as Entra sends it)',
  needs: ['url'],
  deadlineMs: (ctx) => ctx.options.timeoutMs + 1_000,
  run: async (ctx) => {
    const sent = await ctx.send({
      method: 'GET',
      path: '/Users',
      query: [eqFilter('userName', ctx.newGuid())],
    });
    const judged = judgeEmptyListQuery(
      sent,
      'a query for a user that does not exist',
      ctx.options.timeoutMs,
    );
    return {
      status: judged.status,
      message: judged.message,
      ...(judged.fix === undefined ? {} : { fix: judged.fix }),
      entraWouldSay: ENTRA_VERDICTS[judged.verdict],
      ...recorded(sent),
    };
  },
};

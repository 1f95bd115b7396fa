import { judgeEmptyListQuery } from '../list-query';
import type { ProbeContext } from '../probe-context';
import type { ProbeStep } from '../probe-step';
import { eqFilter, recorded } from './record';

const WHY =
  'Stytch matches Entra users by externalId (Entra’s objectId must be mapped to externalId), so this query has to work.';

/** `external-id-filter`: a query on externalId for a random GUID must return an empty list. */
export const externalIdFilterStep: ProbeStep<ProbeContext> = {
  id: 'external-id-filter',
  title: 'Filter on externalId',
  needs: ['test-connection'],
  deadlineMs: (ctx) => ctx.options.timeoutMs + 1_000,
  run: async (ctx) => {
    const sent = await ctx.send({
      method: 'GET',
      path: '/Users',
      query: [eqFilter('externalId', ctx.newGuid())],
    });
    const judged = judgeEmptyListQuery(sent, 'a query on externalId', ctx.options.timeoutMs);
    return {
      status: judged.status,
      message: judged.status === 'pass' ? judged.message : `${judged.message} ${WHY}`,
      ...(judged.fix === undefined ? {} : { fix: judged.fix }),
      ...recorded(sent),
    };
  },
};

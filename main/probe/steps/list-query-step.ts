import type { ProbeCheckId } from '../../../shared/probe/report';
import { judgeEmptyListQuery, type ListJudgement } from '../list-query';
import { requestsDeadline, type ProbeContext } from '../probe-context';
import type { ProbeStep, StepOutcome } from '../probe-step';
import type { Exchange, ScimCall } from '../scim-exchange';
import { recorded } from './record';

/** What a step reports of a list query, before the request and response are added. */
export type ListQueryFinding = Omit<StepOutcome, 'request' | 'response'>;

/** A step that sends one filter query for a value nobody has and expects an empty list. */
export interface ListQuerySpec<Id extends ProbeCheckId> {
  id: Id;
  title: string;
  needs: readonly ProbeCheckId[];
  /** The query for a fresh random value. */
  call(guid: string): ScimCall;
  /** The query as the messages name it: "The server answered 404 to <subject>". */
  subject: string;
  /** The step's own wording of the shared judgement (and of anything it tells apart first). */
  word(judged: ListJudgement, sent: Exchange): ListQueryFinding;
}

/** The judgement as a finding, unchanged. */
export function findingOf(judged: ListJudgement): ListQueryFinding {
  return {
    status: judged.status,
    message: judged.message,
    ...(judged.fix === undefined ? {} : { fix: judged.fix }),
  };
}

/** Builds a list-query step: send, judge the way Entra does, word it, record the exchange. */
export function listQueryStep<Id extends ProbeCheckId>(
  spec: ListQuerySpec<Id>,
): ProbeStep<ProbeContext, Id> {
  return {
    id: spec.id,
    title: spec.title,
    needs: spec.needs,
    deadlineMs: (ctx) => requestsDeadline(ctx),
    run: async (ctx) => {
      const sent = await ctx.send(spec.call(ctx.newGuid()));
      const judged = judgeEmptyListQuery(sent, spec.subject, ctx.options.timeoutMs);
      return { ...spec.word(judged, sent), ...recorded(sent) };
    },
  };
}

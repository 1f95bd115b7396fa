import { isUnreadAnswer, UNREAD_ANSWER_FIX, type UnreadAnswer } from '../exchange-failure';
import type { ProbeContext } from '../probe-context';
import type { ProbeStep } from '../probe-step';

/**
 * The step, failing whenever one of its requests got an answer the probe stopped reading (too
 * long, or not over within the time limit), whatever the step made of it: checks such as groups
 * and discovery only warn about what they find, but a server that floods or stalls its client
 * is broken for Entra as well. The fix leads with what to do about that answer.
 */
export function failOnUnreadAnswers(step: ProbeStep<ProbeContext>): ProbeStep<ProbeContext> {
  return {
    ...step,
    run: async (ctx) => {
      const unread: UnreadAnswer[] = [];
      const outcome = await step.run({
        ...ctx,
        send: async (call) => {
          const sent = await ctx.send(call);
          if (isUnreadAnswer(sent.failure)) unread.push(sent.failure.kind);
          return sent;
        },
      });
      const first = unread[0];
      if (first === undefined) return outcome;
      const hint = UNREAD_ANSWER_FIX[first];
      const fix = outcome.fix?.includes(hint) ? outcome.fix : `${hint} ${outcome.fix ?? ''}`.trim();
      return { ...outcome, status: 'fail', fix };
    },
  };
}

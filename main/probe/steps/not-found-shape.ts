import { isScimError } from '../scim-messages';
import { requestsDeadline, type ProbeContext } from '../probe-context';
import type { ProbeStep, StepOutcome } from '../probe-step';
import type { Exchange } from '../scim-exchange';
import { answerOf, recorded } from './record';

const ERROR_FIX =
  'Answer 404 with {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404","detail":"…"}.';

function judge(sent: Exchange): StepOutcome {
  const reply = sent.reply;
  if (reply === null) {
    return {
      status: 'warn',
      message: `The request for an unknown user ${answerOf(sent)}.`,
      fix: 'Run the connection check again.',
    };
  }
  if (reply.status >= 200 && reply.status < 300) {
    return {
      status: 'fail',
      message: `The server answered ${reply.status} for a user id that does not exist.`,
      fix: 'Answer 404 with a SCIM Error for unknown ids; otherwise Entra believes the user exists.',
    };
  }
  if (reply.status !== 404) {
    return {
      status: 'warn',
      message: `The server answered ${reply.status} for a user id that does not exist; expected 404.`,
      fix: ERROR_FIX,
    };
  }
  if (!isScimError(reply.json)) {
    return {
      status: 'warn',
      message: '404 for an unknown user, but the body is not a SCIM Error.',
      fix: ERROR_FIX,
    };
  }
  if (reply.json.status !== '404') {
    return {
      status: 'warn',
      message: `404 with a SCIM Error, but its "status" is ${JSON.stringify(reply.json.status ?? null)}; SCIM wants the string "404".`,
      fix: ERROR_FIX,
    };
  }
  return { status: 'pass', message: '404 with a SCIM Error body for a user that does not exist.' };
}

/** `not-found-shape`: GET of an unknown user id must be 404 with a SCIM Error (RFC 7644 §3.12). */
export const notFoundShapeStep: ProbeStep<ProbeContext, 'not-found-shape'> = {
  id: 'not-found-shape',
  title: 'Unknown user gives a SCIM 404',
  needs: ['test-connection'],
  deadlineMs: (ctx) => requestsDeadline(ctx),
  run: async (ctx) => {
    const sent = await ctx.send({ method: 'GET', path: `/Users/${ctx.newGuid()}` });
    return { ...judge(sent), ...recorded(sent) };
  },
};

import { isScimError } from '../scim-messages';
import { requestsDeadline, type ProbeContext } from '../probe-context';
import type { ProbeStep, StepOutcome } from '../probe-step';
import { answerOf, recorded, userQuery } from './record';

function judge(status: number | null, scimBody: boolean, answer: string): StepOutcome {
  if (status === 401) {
    return scimBody
      ? { status: 'pass', message: 'A wrong token is refused with 401 and a SCIM Error body.' }
      : {
          status: 'pass',
          message:
            'A wrong token is refused with 401 (the body is not a SCIM Error, which Entra does not mind).',
        };
  }
  if (status === 403) {
    return {
      status: 'warn',
      message: 'A wrong token is refused, but with 403 instead of 401.',
      fix: 'Answer 401 Unauthorized for a missing or wrong token (403 means “known, but not allowed”).',
    };
  }
  if (status !== null && status >= 200 && status < 300) {
    return {
      status: 'warn',
      message: `The server accepted a deliberately wrong token (${status}): anyone who can reach it can read, and maybe change, your directory.`,
      fix: 'Make the server check the bearer token on every request and answer 401 when it is wrong.',
    };
  }
  return {
    status: 'warn',
    message: `With a wrong token the server ${answer}; expected 401 Unauthorized.`,
    fix: 'Answer 401 Unauthorized for a missing or wrong token.',
  };
}

/** `auth-enforced`: the Test Connection request again, with a wrong token: it must be refused. */
export const authEnforcedStep: ProbeStep<ProbeContext, 'auth-enforced'> = {
  id: 'auth-enforced',
  title: 'A wrong token is refused',
  needs: ['test-connection'],
  deadlineMs: (ctx) => requestsDeadline(ctx),
  run: async (ctx) => {
    const sent = await ctx.send({
      ...userQuery('userName', ctx.newGuid()),
      token: { wrong: `probe-wrong-token-${ctx.newGuid()}` },
    });
    return {
      ...judge(sent.reply?.status ?? null, isScimError(sent.reply?.json), answerOf(sent)),
      ...recorded(sent),
    };
  },
};

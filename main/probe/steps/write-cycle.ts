import type { ProbeExchange, ProbeStatus } from '../../../shared/probe/report';
import { requestsDeadline, targetOf, type ProbeContext } from '../probe-context';
import type { ProbeStep, StepOutcome } from '../probe-step';
import type { Exchange, ScimCall } from '../scim-exchange';
import { ListResponseSchema, ScimResourceSchema } from '../scim-messages';
import { answerOf, exchangeLine, recorded, userQuery } from './record';
import {
  compliantPatchBody,
  createUserBody,
  deactivateBody,
  legacyPatchBody,
  probeUser,
  type ProbeUser,
} from './write-cycle-bodies';

const RANK: Record<ProbeStatus, number> = { pass: 0, skip: 0, warn: 1, fail: 2 };
/** The most requests one write cycle sends (create, look-up, read … verify-gone, clean-up retry). */
const MAX_REQUESTS = 10;

/** Collects the write cycle's lines as it goes. */
class Cycle {
  readonly lines: ProbeExchange[] = [];
  worst: ProbeStatus = 'pass';
  decisive: Exchange | null = null;
  /** A user that may exist but could not be found to clean up. */
  unaccounted: string | null = null;

  constructor(private readonly ctx: ProbeContext) {}

  async send(
    label: string,
    call: ScimCall,
    judge: (sent: Exchange) => [ProbeStatus, string],
  ): Promise<Exchange> {
    const sent = await this.ctx.send(call);
    const [status, message] = judge(sent);
    this.lines.push(exchangeLine(label, sent, status, message));
    if (RANK[status] > RANK[this.worst]) {
      this.worst = status;
      this.decisive = sent;
    }
    return sent;
  }
}

const ok2xx = (sent: Exchange): boolean =>
  sent.reply !== null && sent.reply.status >= 200 && sent.reply.status < 300;

function activeOf(sent: Exchange): unknown {
  const parsed = ScimResourceSchema.safeParse(sent.reply?.json);
  return parsed.success ? parsed.data.active : undefined;
}

async function createAndRead(cycle: Cycle, user: ProbeUser): Promise<string | null> {
  const created = await cycle.send(
    'create',
    { method: 'POST', path: '/Users', body: createUserBody(user) },
    (sent) => {
      const id = ScimResourceSchema.safeParse(sent.reply?.json);
      if (!ok2xx(sent) || !id.success)
        return [
          'fail',
          `Creating an Entra-shaped user ${answerOf(sent)}${ok2xx(sent) ? ' without an "id"' : ''}.`,
        ];
      return sent.reply?.status === 201
        ? ['pass', 'Created (201).']
        : ['warn', `Created, but with ${sent.reply?.status} instead of 201.`];
    },
  );
  const parsed = ScimResourceSchema.safeParse(created.reply?.json);
  const id = parsed.success && ok2xx(created) ? parsed.data.id : await lookUp(cycle, created, user);
  if (id === null) return null;
  await cycle.send('read', { method: 'GET', path: `/Users/${id}` }, (sent) => {
    const back = ScimResourceSchema.safeParse(sent.reply?.json);
    if (sent.reply?.status !== 200 || !back.success)
      return ['fail', `Reading the new user back ${answerOf(sent)}.`];
    return back.data.userName === user.userName
      ? ['pass', 'Read back (200).']
      : ['fail', 'Read back, but userName differs from what was sent.'];
  });
  return id;
}

/**
 * After a create whose outcome is unclear (no answer, or success without an id) the user may
 * exist all the same: find it by userName so it can be cleaned up.
 */
async function lookUp(cycle: Cycle, created: Exchange, user: ProbeUser): Promise<string | null> {
  if (created.reply !== null && !ok2xx(created)) return null;
  const found = await cycle.send('look-up', userQuery('userName', user.userName), (sent) => [
    sent.reply?.status === 200 ? 'pass' : 'warn',
    `Looking for the test user ${answerOf(sent)}.`,
  ]);
  const list = ListResponseSchema.safeParse(found.reply?.json);
  const first = ScimResourceSchema.safeParse(list.success ? list.data.Resources?.[0] : undefined);
  if (first.success) return first.data.id;
  cycle.unaccounted = `possibly a user named ${user.userName} (the server did not say whether it was created)`;
  return null;
}

async function patchAll(cycle: Cycle, id: string, entraFlag: boolean): Promise<void> {
  const path = `/Users/${id}`;
  await cycle.send('patch-legacy', { method: 'PATCH', path, body: legacyPatchBody() }, (sent) => {
    if (ok2xx(sent))
      return ['pass', 'Entra’s legacy PATCH ("op":"Replace", "active":"False") accepted.'];
    return entraFlag
      ? [
          'warn',
          `Entra’s legacy PATCH ${answerOf(sent)}. Sync cycles use the aadOptscim062020 form, but Provision on demand ignores the flag and sends this one.`,
        ]
      : [
          'fail',
          `Entra’s legacy PATCH ${answerOf(sent)}; without ?aadOptscim062020 this is what Entra sends in every cycle.`,
        ];
  });
  await cycle.send(
    'patch-compliant',
    { method: 'PATCH', path, body: compliantPatchBody() },
    (sent) => {
      if (ok2xx(sent))
        return [
          'pass',
          'aadOptscim062020 PATCH (lowercase op, path-less replace, boolean) accepted.',
        ];
      return [entraFlag ? 'fail' : 'warn', `The aadOptscim062020 PATCH ${answerOf(sent)}.`];
    },
  );
  await cycle.send('deactivate', { method: 'PATCH', path, body: deactivateBody() }, (sent) =>
    ok2xx(sent)
      ? ['pass', 'Deactivated ("active": false).']
      : ['fail', `Deactivating (what Entra does on unassign) ${answerOf(sent)}.`],
  );
  await cycle.send('read-deactivated', { method: 'GET', path }, (sent) => {
    if (sent.reply?.status !== 200)
      return ['fail', `A deactivated user must still be returned; reading it ${answerOf(sent)}.`];
    const active = activeOf(sent);
    return active === false
      ? ['pass', 'Still readable, with "active": false.']
      : ['warn', `Still readable, but "active" is ${JSON.stringify(active)}.`];
  });
}

async function remove(cycle: Cycle, id: string): Promise<boolean> {
  const gone = await cycle.send('delete', { method: 'DELETE', path: `/Users/${id}` }, (sent) =>
    ok2xx(sent)
      ? ['pass', `Deleted (${sent.reply?.status}).`]
      : ['fail', `Deleting the test user ${answerOf(sent)}.`],
  );
  if (!ok2xx(gone)) return false;
  await cycle.send('read-deleted', { method: 'GET', path: `/Users/${id}` }, (sent) =>
    sent.reply?.status === 404
      ? ['pass', 'Gone (404).']
      : ['warn', `After DELETE, reading the user ${answerOf(sent)}; expected 404.`],
  );
  return true;
}

function summary(cycle: Cycle, user: ProbeUser, leftBehind: string | null): StepOutcome {
  const failures = cycle.lines.filter((l) => l.status !== 'pass').map((l) => l.message);
  const base = {
    exchanges: cycle.lines,
    ...(cycle.decisive ? recorded(cycle.decisive) : {}),
  };
  if (leftBehind !== null) {
    return {
      ...base,
      status: 'fail',
      message: `${failures.join(' ')} Left behind: ${leftBehind}.`,
      fix: `Delete the test user ${user.userName} by hand, then fix what failed above.`,
    };
  }
  if (cycle.worst === 'pass') {
    return {
      ...base,
      status: 'pass',
      message: `Created, read, patched (legacy and aadOptscim062020 forms), deactivated and deleted ${user.userName}; nothing left behind.`,
    };
  }
  return {
    ...base,
    status: cycle.worst,
    message: `${failures.join(' ')} The test user was cleaned up.`,
    fix: 'Make the server accept the requests Entra sends (see each line above).',
  };
}

/**
 * `write-cycle` (opt-in): create → read → PATCH in both Entra forms → deactivate → delete, with
 * Entra-shaped bodies. Always cleans up and reports anything it could not remove.
 */
export const writeCycleStep: ProbeStep<ProbeContext, 'write-cycle'> = {
  id: 'write-cycle',
  title: 'Write cycle (create, update, deactivate, delete)',
  needs: ['test-connection'],
  skipReason: (ctx) =>
    ctx.options.writeCycle
      ? null
      : 'Off by default: it creates and deletes a real test user in the target directory (with Stytch, a real member, and SCIM webhooks fire). Turn it on to run it.',
  deadlineMs: (ctx) => requestsDeadline(ctx, MAX_REQUESTS),
  run: async (ctx) => {
    const cycle = new Cycle(ctx);
    const user = probeUser(ctx.newGuid());
    const id = await createAndRead(cycle, user);
    if (id === null) return summary(cycle, user, cycle.unaccounted);
    let deleted = false;
    try {
      await patchAll(cycle, id, targetOf(ctx).entraFlag);
      deleted = await remove(cycle, id);
    } finally {
      if (!deleted) {
        const retry = await cycle.send(
          'clean-up',
          { method: 'DELETE', path: `/Users/${id}` },
          (sent) =>
            ok2xx(sent)
              ? ['pass', 'Clean-up delete succeeded.']
              : ['fail', `Clean-up delete ${answerOf(sent)}.`],
        );
        deleted = ok2xx(retry);
      }
    }
    return summary(cycle, user, deleted ? null : `user id ${id} (userName ${user.userName})`);
  },
};

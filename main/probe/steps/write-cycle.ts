import { requestsDeadline, targetOf, type ProbeContext } from '../probe-context';
import type { ProbeStep, StepOutcome } from '../probe-step';
import type { Exchange } from '../scim-exchange';
import { ScimResourceSchema } from '../scim-messages';
import { answerOf, recorded, userQuery } from './record';
import {
  compliantPatchBody,
  createUserBody,
  deactivateBody,
  legacyPatchBody,
  probeGroup,
  probeUser,
  type ProbeUser,
} from './write-cycle-bodies';
import { GROUP_MAX_REQUESTS, groupCycle } from './write-cycle-groups';
import {
  createdId,
  createVerdict,
  Cycle,
  ok2xx,
  thenDelete,
  USER,
  type Created,
  type ResourceKind,
} from './write-cycle-recorder';

/**
 * The most requests one write cycle sends: the user's (create, look-up, read … verify-gone,
 * clean-up retry) and the group part's.
 */
const MAX_REQUESTS = 10 + GROUP_MAX_REQUESTS;

function activeOf(sent: Exchange): unknown {
  const parsed = ScimResourceSchema.safeParse(sent.reply?.json);
  return parsed.success ? parsed.data.active : undefined;
}

async function createAndRead(cycle: Cycle, user: ProbeUser): Promise<Created | null> {
  const created = await cycle.send(
    'create',
    { method: 'POST', path: '/Users', body: createUserBody(user) },
    (sent) => createVerdict(sent, USER, 'fail'),
  );
  const id = await createdId(cycle, created, {
    kind: USER,
    call: userQuery('userName', user.userName),
    described: `a user named ${user.userName}`,
  });
  if (id === null) return null;
  const made = cycle.made(USER, id, `user id ${id} (userName ${user.userName})`);
  await cycle.send('read', { method: 'GET', path: made.path }, (sent) => {
    const back = ScimResourceSchema.safeParse(sent.reply?.json);
    if (sent.reply?.status !== 200 || !back.success)
      return ['fail', `Reading the new user back ${answerOf(sent)}.`];
    return back.data.userName === user.userName
      ? ['pass', 'Read back (200).']
      : ['fail', 'Read back, but userName differs from what was sent.'];
  });
  return made;
}

async function patchAll(cycle: Cycle, path: string, entraFlag: boolean): Promise<void> {
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

/** "user", or "user and group": the kinds of `resources`, in their order. */
function nouns(resources: ReadonlyArray<{ kind: ResourceKind }>): string {
  return [...new Set(resources.map((r) => r.kind.noun))].join(' and ');
}

function fixOf(cycle: Cycle): string {
  const own = [...new Set(cycle.fixes.filter((fix) => fix !== undefined))];
  const generic = cycle.fixes.includes(undefined)
    ? ['Make the server accept the requests Entra sends (see each line above).']
    : [];
  return [...own, ...generic].join(' ');
}

function cleanedUp(cycle: Cycle): string {
  const [first, ...others] = cycle.created;
  if (first === undefined) return 'Nothing was created, so nothing was left behind.';
  const too = others.length > 0 ? `, as was the test ${nouns(others)}` : '';
  return `The test ${first.kind.noun} was cleaned up${too}.`;
}

function summary(cycle: Cycle, user: ProbeUser, entraFlag: boolean): StepOutcome {
  const failures = cycle.lines.filter((l) => l.status !== 'pass').map((l) => l.message);
  const base = {
    exchanges: cycle.lines,
    ...(cycle.decisive ? recorded(cycle.decisive) : {}),
  };
  const { leftBehind } = cycle;
  if (leftBehind.length > 0) {
    const names = leftBehind.map((r) => r.name).join('; ');
    return {
      ...base,
      status: 'fail',
      message: `${failures.join(' ')} Left behind: ${names}.`,
      fix: `Delete the test ${nouns(leftBehind)} by hand, then fix what failed above. ${fixOf(cycle)}`.trim(),
    };
  }
  if (cycle.worst === 'pass') {
    const removal = entraFlag ? 'aadOptscim062020' : 'legacy';
    return {
      ...base,
      status: 'pass',
      message: `Created, read, patched (legacy and aadOptscim062020 forms), deactivated and deleted ${user.userName}; put it in a new group and took it out again (the ${removal} removal, as Entra sends it for this URL), then deleted the group; nothing left behind.`,
    };
  }
  return {
    ...base,
    status: cycle.worst,
    message: `${failures.join(' ')} ${cleanedUp(cycle)}`,
    fix: fixOf(cycle),
  };
}

/**
 * `write-cycle` (opt-in): create → read → group (create, add the user, remove it, delete) →
 * PATCH in both Entra forms → deactivate → delete, with Entra-shaped bodies. Always cleans up,
 * newest first, and reports anything it could not remove.
 */
export const writeCycleStep: ProbeStep<ProbeContext, 'write-cycle'> = {
  id: 'write-cycle',
  title: 'Write cycle (create, update, group membership, deactivate, delete)',
  needs: ['test-connection'],
  skipReason: (ctx) =>
    ctx.options.writeCycle
      ? null
      : 'Off by default: it creates and deletes a real test user and a test group in the target directory (with Stytch, a real member and group, and SCIM webhooks fire). Turn it on to run it.',
  deadlineMs: (ctx) => requestsDeadline(ctx, MAX_REQUESTS),
  run: async (ctx) => {
    const cycle = new Cycle(ctx);
    const user = probeUser(ctx.newGuid());
    const { entraFlag } = targetOf(ctx);
    const made = await createAndRead(cycle, user);
    if (made !== null) {
      await thenDelete(cycle, made, 'fail', async () => {
        await groupCycle(cycle, made.id, probeGroup(ctx.newGuid()), entraFlag);
        await patchAll(cycle, made.path, entraFlag);
      });
    }
    return summary(cycle, user, entraFlag);
  },
};

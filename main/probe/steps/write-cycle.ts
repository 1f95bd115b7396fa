import { requestsDeadline, targetOf, type ProbeContext } from '../probe-context';
import type { ProbeStep, StepOutcome } from '../probe-step';
import { answerOf, recorded, userQuery } from './record';
import { createUserBody, probeGroup, probeUser, type ProbeUser } from './write-cycle-bodies';
import { FIND_MAX_REQUESTS, findAsEntra } from './write-cycle-find';
import { GROUP_MAX_REQUESTS, groupCycle } from './write-cycle-groups';
import { PATCH_MAX_REQUESTS, patchAll } from './write-cycle-patches';
import { quoted, resourceOf, valueAt } from './write-cycle-readback';
import {
  createdId,
  createVerdict,
  Cycle,
  thenDelete,
  USER,
  type Created,
  type ResourceKind,
  type Verdict,
} from './write-cycle-recorder';

/**
 * The most requests one write cycle sends: the user's (create, look-up, read, delete,
 * verify-gone, clean-up retry), finding it, its PATCHes with their reads, and the group part's.
 */
const MAX_REQUESTS = 6 + FIND_MAX_REQUESTS + PATCH_MAX_REQUESTS + GROUP_MAX_REQUESTS;

/**
 * Why a value read back in another case is a note, not a warning. Entra does not compare every
 * user every cycle: after the initial cycle, incremental cycles "Query the source system for any
 * users and groups that were updated since the last watermark was stored" (MicrosoftDocs
 * entra-docs, docs/identity/app-provisioning/how-provisioning-works.md, "Incremental cycles",
 * step 1), and only a new initial cycle (Restart provisioning, a change of mappings or scoping
 * filters) "causes all source objects to be evaluated again" (same page). So the value is sent
 * again at most when the user changes in Entra or a new initial cycle runs, and then as one
 * update of the same value. [Uncertain] whether Entra's comparison then ignores case was not
 * found stated. Matching on the value is what could break, and the look-up lines of this check
 * test that separately (find-by-userName-any-case).
 */
const CASE_NOTE =
  'Harmless on its own: Entra’s incremental cycles only look at users changed in Entra since the last cycle, so it sends the value again only when the user changes in Entra or a new initial cycle runs (Restart provisioning, a mapping change), and then at most one update. It matters only if Entra finds users by this value; the look-up lines below test that.';

/**
 * A user value read back: as sent passes; in another case passes with a note (CASE_NOTE);
 * otherwise fails.
 */
function asSent(what: string, sent: string, found: unknown): Verdict | null {
  if (found === sent) return null;
  if (typeof found === 'string' && found.toLowerCase() === sent.toLowerCase())
    return [
      'pass',
      `Read back; ${what} came back as "${found}", not "${sent}" as sent. ${CASE_NOTE}`,
    ];
  return ['fail', `Read back, but ${what} is ${quoted(found)}, not "${sent}".`];
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
    const back = resourceOf(sent);
    if (back === null) return ['fail', `Reading the new user back ${answerOf(sent)}.`];
    return (
      asSent('userName', user.userName, back.userName) ??
      asSent('the work email', user.userName, valueAt(back, 'emails.0.value')) ?? [
        'pass',
        'Read back (200), userName and email as sent.',
      ]
    );
  });
  await findAsEntra(cycle, user, id);
  return made;
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
    // A passing line with a note (a value read back in another case) is said in the summary.
    const notes = cycle.lines.filter((l) => l.message.endsWith(CASE_NOTE)).map((l) => l.message);
    const readBack =
      notes.length === 0
        ? 'Every write read back as sent'
        : `${notes.join(' ')} Every other write read back as sent`;
    return {
      ...base,
      status: 'pass',
      message: `Created ${user.userName}, found it by userName (in another case) and externalId, patched it (legacy and aadOptscim062020 forms), deactivated and deleted it; put it in a new group and took it out again (the ${removal} removal, as Entra sends it for this URL), then deleted the group. ${readBack}; nothing left behind.`,
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

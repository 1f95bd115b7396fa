import type { ProbeStatus } from '../../../shared/probe/report';
import type { Exchange } from '../scim-exchange';
import { groupQuery } from './group-query';
import { answerOf } from './record';
import {
  addMemberBody,
  compliantRemoveMemberBody,
  createGroupBody,
  legacyRemoveMemberBody,
  type ProbeGroup,
} from './write-cycle-bodies';
import {
  createdId,
  createVerdict,
  GROUP,
  labelOf,
  ok2xx,
  thenDelete,
  type Cycle,
  type Verdict,
} from './write-cycle-recorder';

/**
 * [Judgement] How much a group problem weighs. Groups are optional for Entra ("Groups are
 * optional", use-scim-to-provision-users-and-groups.md, "/Groups") and the `groups` check only
 * warns, so here too a group problem warns and says how to turn groups off. Anything left
 * behind still fails the check.
 */
const GROUP_PROBLEM: ProbeStatus = 'warn';

const TURN_GROUPS_OFF =
  'If you do not need groups, turn group provisioning off in Entra (Provisioning → Mappings → “Provision Microsoft Entra ID Groups” → No).';

/** The most requests the group part sends (create, look-up, add, remove, delete, read, clean-up). */
export const GROUP_MAX_REQUESTS = 7;

function createGroupVerdict(sent: Exchange): Verdict {
  const status = sent.reply?.status;
  if (status === 404 || status === 405 || status === 501) {
    return [
      GROUP_PROBLEM,
      `The server does not support groups: POST /Groups answered ${status}, so Entra would fail every group it provisions.`,
      TURN_GROUPS_OFF,
    ];
  }
  return createVerdict(
    sent,
    GROUP,
    GROUP_PROBLEM,
    `Make POST /Groups accept Entra’s Create Group request (the body on the create-group line) and answer 201 with the new group’s "id". ${TURN_GROUPS_OFF}`,
  );
}

/**
 * A group PATCH's verdict. Entra's docs answer it with 204 ("Group Operations": "Update to the
 * group PATCH request should yield an HTTP 204 No Content"); RFC 7644 §3.5.2 also allows 200
 * with the resource, which Entra's docs call unnecessary rather than wrong.
 */
function groupPatchVerdict(sent: Exchange, what: string, fix: string): Verdict {
  const status = sent.reply?.status;
  if (status === 204 || status === 200) return ['pass', `${what}: accepted (${status}).`];
  if (ok2xx(sent))
    return [
      'warn',
      `${what}: accepted, but with ${status} instead of 204.`,
      'Answer a group PATCH with 204 No Content, as Entra expects.',
    ];
  return [GROUP_PROBLEM, `${what} ${answerOf(sent)}.`, `${fix} ${TURN_GROUPS_OFF}`];
}

async function addMember(cycle: Cycle, path: string, userId: string): Promise<boolean> {
  const sent = await cycle.send(
    'add-member',
    { method: 'PATCH', path, body: addMemberBody(userId) },
    (reply) =>
      groupPatchVerdict(
        reply,
        'Adding the test user to the group (Entra’s "op":"Add", "path":"members")',
        'Make PATCH /Groups/{id} accept Entra’s add-member operation and answer 204.',
      ),
  );
  return ok2xx(sent);
}

/**
 * Removes the member the way Entra would for this Tenant URL: the RFC 7644 form with
 * aadOptscim062020, the legacy form without (application-provisioning-config-problem-scim-
 * compatibility.md, "Requests made to remove a group member").
 */
async function removeMember(
  cycle: Cycle,
  path: string,
  userId: string,
  entraFlag: boolean,
): Promise<void> {
  if (entraFlag) {
    await cycle.send(
      'remove-member-compliant',
      { method: 'PATCH', path, body: compliantRemoveMemberBody(userId) },
      (sent) =>
        groupPatchVerdict(
          sent,
          'Removing the member the aadOptscim062020 way ("op":"remove", "path":"members[value eq …]")',
          'Make PATCH /Groups/{id} accept a "remove" whose path filters members by value (RFC 7644 §3.5.2.2).',
        ),
    );
    return;
  }
  await cycle.send(
    'remove-member-legacy',
    { method: 'PATCH', path, body: legacyRemoveMemberBody(userId) },
    (sent) =>
      groupPatchVerdict(
        sent,
        'Removing the member the legacy way ("op":"Remove", "path":"members", the member in "value"), which Entra sends without ?aadOptscim062020',
        'Add “?aadOptscim062020” to the Tenant URL so Entra sends the RFC 7644 form, or make PATCH /Groups/{id} accept the legacy one.',
      ),
  );
}

/**
 * The group part of the write cycle, as Entra provisions a group (use-scim…, "Group
 * Operations"): create it empty, add the test user, remove it, delete the group. Whatever fails,
 * the group is deleted before the caller deletes the user.
 */
export async function groupCycle(
  cycle: Cycle,
  userId: string,
  group: ProbeGroup,
  entraFlag: boolean,
): Promise<void> {
  const created = await cycle.send(
    labelOf(GROUP, 'create'),
    { method: 'POST', path: '/Groups', body: createGroupBody(group) },
    createGroupVerdict,
  );
  const id = await createdId(cycle, created, {
    kind: GROUP,
    call: groupQuery(group.displayName),
    described: `a group named ${group.displayName}`,
  });
  if (id === null) return;
  const made = cycle.made(GROUP, id, `group id ${id} (displayName ${group.displayName})`);
  await thenDelete(cycle, made, GROUP_PROBLEM, async () => {
    if (await addMember(cycle, made.path, userId))
      await removeMember(cycle, made.path, userId, entraFlag);
  });
}

import type { ProbeStatus } from '../../../shared/probe/report';
import type { Exchange } from '../scim-exchange';
import { groupQuery } from './group-query';
import { answerOf } from './record';
import { isJson, readBack, valueAt } from './write-cycle-readback';
import {
  addMemberBody,
  compliantRemoveMemberBody,
  createGroupBody,
  ENTRA_GROUP_URN,
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

/**
 * The most requests the group part sends (create, look-up, add, read, remove, read, delete,
 * read, clean-up).
 */
export const GROUP_MAX_REQUESTS = 9;

/**
 * The fix for a 400 to Entra's exact Create Group body. Its second schema URI is Microsoft's own
 * (use-scim…, "Create Group"), which a strict server refuses as an unknown schema; Entra sends it
 * all the same, so every group it provisions fails the same way.
 */
const ADSCIM_FIX = `Accept the ADSCIM schema URI (${ENTRA_GROUP_URN}) in a group's "schemas", or enable your server’s Entra compatibility option. ${TURN_GROUPS_OFF}`;

function createGroupVerdict(sent: Exchange): Verdict {
  const status = sent.reply?.status;
  if (status === 404 || status === 405 || status === 501) {
    return [
      GROUP_PROBLEM,
      `The server does not support groups: POST /Groups answered ${status}, so Entra would fail every group it provisions.`,
      TURN_GROUPS_OFF,
    ];
  }
  if (status === 400) {
    return [
      GROUP_PROBLEM,
      `Entra’s exact Create Group request (two schema URIs, externalId, displayName, meta.resourceType) ${answerOf(sent)}: Entra would fail to create every group.`,
      ADSCIM_FIX,
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

/**
 * Reads the group with its members (Entra's own Get Group leaves them out, so this read is the
 * probe's): the membership change must be there.
 */
async function readMembers(
  cycle: Cycle,
  path: string,
  userId: string,
  member: boolean,
): Promise<void> {
  const consequence = member
    ? 'Entra will believe the user is in the group; they do not get what the group grants.'
    : 'Entra will believe the user left the group; they keep what the group grants.';
  await readBack(cycle, {
    label: member ? 'read-members' : 'read-members-removed',
    call: { method: 'GET', path },
    after: member ? 'adding the member' : 'removing the member',
    expectations: [
      (group) => {
        const members = valueAt(group, 'members');
        const listed =
          Array.isArray(members) &&
          members.some((item: unknown) => isJson(item) && item.value === userId);
        return listed === member
          ? null
          : `the test user is ${member ? 'not' : 'still'} among the group’s members: ${consequence}`;
      },
    ],
    problem: GROUP_PROBLEM,
    fix: `Make PATCH /Groups/{id} change the group’s members as the operation says, and list them when the group is read. ${TURN_GROUPS_OFF}`,
  });
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
  if (ok2xx(sent)) await readMembers(cycle, path, userId, true);
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
  const sent = entraFlag
    ? await cycle.send(
        'remove-member-compliant',
        { method: 'PATCH', path, body: compliantRemoveMemberBody(userId) },
        (reply) =>
          groupPatchVerdict(
            reply,
            'Removing the member the aadOptscim062020 way ("op":"remove", "path":"members[value eq …]")',
            'Make PATCH /Groups/{id} accept a "remove" whose path filters members by value (RFC 7644 §3.5.2.2).',
          ),
      )
    : await cycle.send(
        'remove-member-legacy',
        { method: 'PATCH', path, body: legacyRemoveMemberBody(userId) },
        (reply) =>
          groupPatchVerdict(
            reply,
            'Removing the member the legacy way ("op":"Remove", "path":"members", the member in "value"), which Entra sends without ?aadOptscim062020',
            'Add “?aadOptscim062020” to the Tenant URL so Entra sends the RFC 7644 form, or make PATCH /Groups/{id} accept the legacy one.',
          ),
      );
  if (ok2xx(sent)) await readMembers(cycle, path, userId, false);
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

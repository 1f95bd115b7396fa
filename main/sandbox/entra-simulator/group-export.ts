import type { GroupWork } from './cycle-planner';
import type { DirectoryGroup } from './directory';
import { ObjectRun, startEntry, type EngineContext, type ObjectResult } from './engine-context';
import type { GroupLink } from './engine-state';
import { createGroup, getGroup, groupQuery, patchMembers, renameGroup } from './entra-requests';
import type { ProvisioningAction } from './provisioning-log';
import { ScimGroupSchema, ScimResourceSchema } from './scim-answers';
import { queryOne, sendAndParse, sendWrite } from './scim-reads';

/**
 * One assigned group: matched by displayName (or read by its cached id), created empty, renamed,
 * then its members added and removed with one PATCH ("Groups are created with an empty members
 * list", use-scim-to-provision-users-and-groups.md, "Group Operations"). [Uncertain] see
 * entra-assumptions.ts: a group leaving scope is not deprovisioned.
 */

/** The group on the server and what linking it did, or the object's failed result. */
type Linked =
  { ok: true; link: GroupLink; action: ProvisioningAction } | { ok: false; result: ObjectResult };

function remember(run: ObjectRun, group: DirectoryGroup, scimId: string): GroupLink {
  const link = { scimId, displayName: group.displayName, members: new Set<string>() };
  run.ctx.state.groups.set(group.objectId, link);
  return link;
}

/** A group seen for the first time: matched on displayName, else created. */
async function matchOrCreate(run: ObjectRun, group: DirectoryGroup): Promise<Linked> {
  const { ctx, draft } = run;
  const id = group.objectId;
  const filter = `displayName eq "${group.displayName}"`;
  const match = await queryOne(ctx, id, groupQuery(group.displayName), ScimGroupSchema);
  if (!match.ok) {
    const result = run.failed('Other', 'Match', `Querying ${filter} failed`, match.error);
    return { ok: false, result };
  }
  if (match.value !== null) {
    draft.step('Match', 'Success', `Matched Group ${match.value.id} on displayName`);
    return { ok: true, link: remember(run, group, match.value.id), action: 'Other' };
  }
  draft.step('Match', 'Success', `No Group matches ${filter}`);
  const created = await sendAndParse(ctx, id, createGroup(group), 'create', ScimResourceSchema);
  if (!created.ok) {
    const description = `Failed to create Group '${group.displayName}'`;
    return { ok: false, result: run.failed('Create', 'Action', description, created.error) };
  }
  draft.modified([
    { displayName: 'displayName', oldValue: null, newValue: group.displayName },
    { displayName: 'externalId', oldValue: null, newValue: id },
  ]);
  return { ok: true, link: remember(run, group, created.value.id), action: 'Create' };
}

/** A linked group: read by its id (members excluded) and renamed when its name changed. */
async function readAndRename(
  run: ObjectRun,
  group: DirectoryGroup,
  link: GroupLink,
): Promise<Linked> {
  const { ctx, draft } = run;
  const id = group.objectId;
  const read = await sendAndParse(ctx, id, getGroup(link.scimId), 'linked', ScimGroupSchema);
  if (!read.ok) {
    const result = run.failed('Update', 'Match', 'Reading the linked Group failed', read.error);
    return { ok: false, result };
  }
  draft.step('Match', 'Success', `Read the linked Group ${link.scimId}`);
  if (read.value.displayName === group.displayName) return { ok: true, link, action: 'Other' };
  const rename = renameGroup(link.scimId, group.displayName, ctx.dialect);
  const renamed = await sendWrite(ctx, id, rename, 'linked');
  if (!renamed.ok) {
    const description = `Failed to rename Group ${link.scimId}`;
    return { ok: false, result: run.failed('Update', 'Action', description, renamed.error) };
  }
  const oldValue = read.value.displayName ?? null;
  draft.modified([{ displayName: 'displayName', oldValue, newValue: group.displayName }]);
  link.displayName = group.displayName;
  return { ok: true, link, action: 'Update' };
}

/** Processes one group of a cycle, writing its log entry. */
export async function exportGroup(ctx: EngineContext, work: GroupWork): Promise<ObjectResult> {
  const { group, members } = work;
  const draft = startEntry(ctx, 'Group', { id: group.objectId, displayName: group.displayName })
    .step('Import', 'Success', `Received Group '${group.displayName}' from Microsoft Entra ID`)
    .step('Scope', 'Success', 'Group is assigned', { AssignedToApplication: 'True' });
  const run = new ObjectRun(ctx, group.objectId, draft);
  const cached = ctx.state.groups.get(group.objectId);
  const linked =
    cached === undefined
      ? await matchOrCreate(run, group)
      : await readAndRename(run, group, cached);
  if (!linked.ok) return linked.result;
  const { link } = linked;
  draft.target(link.scimId);
  const add = members.filter((member) => !link.members.has(member));
  const remove = [...link.members].filter((member) => !members.includes(member));
  const changing = add.length + remove.length > 0;
  const action = linked.action === 'Other' && changing ? 'Update' : linked.action;
  if (changing) {
    const request = patchMembers(link.scimId, add, remove, ctx.dialect);
    const patched = await sendWrite(ctx, group.objectId, request, 'linked');
    if (!patched.ok) {
      // "failure to update a manager or a group member is a reference failure" (quarantine article).
      const description = `Failed to update the members of Group ${link.scimId}`;
      return run.failed(action, 'Action', description, patched.error, 'reference-failure');
    }
    link.members = new Set(members);
    const newValue = `added ${add.join(', ') || 'none'}; removed ${remove.join(', ') || 'none'}`;
    draft.modified([{ displayName: 'members', oldValue: null, newValue }]);
  }
  if (action === 'Other') {
    draft.step('Action', 'Skipped', 'The Group already matches', { SkipReason: 'RedundantExport' });
    return run.settled('Other', 'Skipped');
  }
  const done = action === 'Create' ? 'Created' : 'Updated';
  draft.step('Action', 'Success', `${done} Group ${link.scimId}`);
  return run.settled(action, 'Success');
}

import type { GroupWork } from './cycle-planner';
import type { DirectoryGroup } from './directory';
import {
  failedObject,
  settledObject,
  startEntry,
  type EngineContext,
  type ObjectResult,
} from './engine-context';
import type { GroupLink } from './engine-state';
import { createGroup, getGroup, groupQuery, patchMembers, renameGroup } from './entra-requests';
import type { ExportError } from './error-codes';
import type { EntryDraft, ProvisioningAction } from './provisioning-log';
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

interface GroupRun {
  ctx: EngineContext;
  group: DirectoryGroup;
  draft: EntryDraft;
}

function failed(
  run: GroupRun,
  action: ProvisioningAction,
  step: 'Match' | 'Action',
  description: string,
  error: ExportError,
): { ok: false; result: ObjectResult } {
  const failure = { objectId: run.group.objectId, action, step, description };
  return { ok: false, result: failedObject(run.ctx, run.draft, failure, error) };
}

function remember(run: GroupRun, scimId: string): GroupLink {
  const link = { scimId, displayName: run.group.displayName, members: new Set<string>() };
  run.ctx.state.groups.set(run.group.objectId, link);
  return link;
}

/** A group seen for the first time: matched on displayName, else created. */
async function matchOrCreate(run: GroupRun): Promise<Linked> {
  const { ctx, group, draft } = run;
  const id = group.objectId;
  const filter = `displayName eq "${group.displayName}"`;
  const match = await queryOne(ctx, id, groupQuery(group.displayName), ScimGroupSchema);
  if (!match.ok) return failed(run, 'Other', 'Match', `Querying ${filter} failed`, match.error);
  if (match.value !== null) {
    draft.step('Match', 'Success', `Matched Group ${match.value.id} on displayName`);
    return { ok: true, link: remember(run, match.value.id), action: 'Other' };
  }
  draft.step('Match', 'Success', `No Group matches ${filter}`);
  const created = await sendAndParse(ctx, id, createGroup(group), 'create', ScimResourceSchema);
  if (!created.ok) {
    const description = `Failed to create Group '${group.displayName}'`;
    return failed(run, 'Create', 'Action', description, created.error);
  }
  draft.modified([
    { displayName: 'displayName', oldValue: null, newValue: group.displayName },
    { displayName: 'externalId', oldValue: null, newValue: id },
  ]);
  return { ok: true, link: remember(run, created.value.id), action: 'Create' };
}

/** A linked group: read by its id (members excluded) and renamed when its name changed. */
async function readAndRename(run: GroupRun, link: GroupLink): Promise<Linked> {
  const { ctx, group, draft } = run;
  const id = group.objectId;
  const read = await sendAndParse(ctx, id, getGroup(link.scimId), 'linked', ScimGroupSchema);
  if (!read.ok)
    return failed(run, 'Update', 'Match', 'Reading the linked Group failed', read.error);
  draft.step('Match', 'Success', `Read the linked Group ${link.scimId}`);
  if (read.value.displayName === group.displayName) return { ok: true, link, action: 'Other' };
  const rename = renameGroup(link.scimId, group.displayName, ctx.dialect);
  const renamed = await sendWrite(ctx, id, rename, 'linked');
  if (!renamed.ok) {
    const description = `Failed to rename Group ${link.scimId}`;
    return failed(run, 'Update', 'Action', description, renamed.error);
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
  const run = { ctx, group, draft };
  const cached = ctx.state.groups.get(group.objectId);
  const linked = cached === undefined ? await matchOrCreate(run) : await readAndRename(run, cached);
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
      const failure = { objectId: group.objectId, action, step: 'Action', description } as const;
      return failedObject(ctx, draft, failure, patched.error, 'reference-failure');
    }
    link.members = new Set(members);
    const newValue = `added ${add.join(', ') || 'none'}; removed ${remove.join(', ') || 'none'}`;
    draft.modified([{ displayName: 'members', oldValue: null, newValue }]);
  }
  if (action === 'Other') {
    draft.step('Action', 'Skipped', 'The Group already matches', { SkipReason: 'RedundantExport' });
    return settledObject(ctx, draft, group.objectId, 'Other', 'Skipped');
  }
  const done = action === 'Create' ? 'Created' : 'Updated';
  draft.step('Action', 'Success', `${done} Group ${link.scimId}`);
  return settledObject(ctx, draft, group.objectId, action, 'Success');
}

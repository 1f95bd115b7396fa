import {
  attributeChanges,
  mapUser,
  matchingValue,
  readScimUser,
  type AttributeChange,
  type MappedUser,
} from './attribute-mapping';
import type { UserWork } from './cycle-planner';
import { userScope, type Directory, type DirectoryUser } from './directory';
import { ObjectRun, startEntry, type EngineContext, type ObjectResult } from './engine-context';
import { createUser, deleteUser, getUser, updateUser, userQuery } from './entra-requests';
import type { EntryDraft, ModifiedProperty } from './provisioning-log';
import { ScimResourceSchema, ScimUserSchema } from './scim-answers';
import { queryOne, sendAndParse, sendWrite } from './scim-reads';

/** The user as the server holds it, once linked; or the object's result when that ended it. */
type Held =
  { done: false; scimId: string; held: MappedUser } | { done: true; result: ObjectResult };

// Logs show booleans as .NET prints them: "True", "False".
const shownBoolean = (value: boolean): string => (value ? 'True' : 'False');

/** The Modified Properties of an export; `active` when it changed (its old value null on create). */
function properties(
  changes: readonly AttributeChange[],
  active: { from: boolean | null; to: boolean } | null,
): ModifiedProperty[] {
  const shown = changes.map(({ path, oldValue, newValue }) => ({
    displayName: path,
    oldValue,
    newValue,
  }));
  if (active === null) return shown;
  const oldValue = active.from === null ? null : shownBoolean(active.from);
  return [...shown, { displayName: 'active', oldValue, newValue: shownBoolean(active.to) }];
}

function importedEntry(ctx: EngineContext, user: DirectoryUser, directory: Directory): EntryDraft {
  const scope = userScope(directory, user.objectId);
  const received = `Received User '${user.userPrincipalName}' from Microsoft Entra ID`;
  return startEntry(ctx, 'User', {
    id: user.objectId,
    displayName: user.displayName ?? user.userPrincipalName,
  })
    .step('Import', 'Success', received, {
      UserPrincipalName: user.userPrincipalName,
      accountEnabled: String(user.accountEnabled),
    })
    .step('Scope', scope === 'not assigned' ? 'Skipped' : 'Success', `User is ${scope}`, {
      // The on-demand "View details" names: "Assigned to application", "Active in source system".
      AssignedToApplication: scope === 'not assigned' ? 'False' : 'True',
      ActiveInSourceSystem: shownBoolean(user.accountEnabled),
    });
}

/** [Uncertain] see entra-assumptions.ts: a linked user is read by its cached id. */
async function readLinked(run: ObjectRun, scimId: string): Promise<Held> {
  const read = await sendAndParse(run.ctx, run.objectId, getUser(scimId), 'linked', ScimUserSchema);
  if (!read.ok) {
    const result = run.failed('Update', 'Match', 'Reading the linked User failed', read.error);
    return { done: true, result };
  }
  run.draft.step('Match', 'Success', `Read the linked User ${scimId}`);
  return { done: false, scimId, held: readScimUser(read.value) };
}

/** Queries the matching attribute; creates the user when nothing matches. */
async function matchOrCreate(
  run: ObjectRun,
  user: DirectoryUser,
  wanted: MappedUser,
): Promise<Held> {
  const { ctx, draft } = run;
  const value = matchingValue(wanted, ctx.matchOn);
  const filter = `${ctx.matchOn} eq "${value}"`;
  const query = userQuery(ctx.matchOn, value);
  const match = await queryOne(ctx, run.objectId, query, ScimUserSchema);
  if (!match.ok) {
    const result = run.failed('Other', 'Match', `Querying ${filter} failed`, match.error);
    return { done: true, result };
  }
  if (match.value !== null) {
    draft.step('Match', 'Success', `Matched User ${match.value.id} on ${ctx.matchOn}`);
    ctx.state.users.set(run.objectId, { scimId: match.value.id });
    return { done: false, scimId: match.value.id, held: readScimUser(match.value) };
  }
  draft.step('Match', 'Success', `No User matches ${filter}`);
  const created = await sendAndParse(
    ctx,
    run.objectId,
    createUser(wanted),
    'create',
    ScimResourceSchema,
  );
  if (!created.ok) {
    const description = `Failed to create User '${user.userPrincipalName}'`;
    return {
      done: true,
      result: run.failed('Create', 'Action', description, created.error),
    };
  }
  ctx.state.users.set(run.objectId, { scimId: created.value.id });
  const added = attributeChanges(wanted, { values: {}, active: false });
  draft
    .target(created.value.id)
    .modified(properties(added, { from: null, to: true }))
    .step('Action', 'Success', `Created User ${created.value.id}`);
  return { done: true, result: run.settled('Create', 'Success') };
}

/** In scope and enabled: link (cached id, match or create), then update what differs, or skip. */
async function provision(run: ObjectRun, user: DirectoryUser): Promise<ObjectResult> {
  const { ctx, draft } = run;
  const wanted = mapUser(user, true, ctx.externalIdSource);
  const cached = ctx.state.users.get(run.objectId);
  const linked =
    cached === undefined
      ? await matchOrCreate(run, user, wanted)
      : await readLinked(run, cached.scimId);
  if (linked.done) return linked.result;
  const { scimId, held } = linked;
  draft.target(scimId);
  const changes = attributeChanges(wanted, held);
  const active = held.active ? null : true;
  if (changes.length === 0 && active === null) {
    draft.step('Action', 'Skipped', 'The User already matches', { SkipReason: 'RedundantExport' });
    return run.settled('Other', 'Skipped');
  }
  const request = updateUser(scimId, changes, active, ctx.dialect);
  const patched = await sendWrite(ctx, run.objectId, request, 'linked');
  if (!patched.ok) {
    return run.failed('Update', 'Action', `Failed to update User ${scimId}`, patched.error);
  }
  const activeChange = active === null ? null : { from: held.active, to: active };
  draft
    .modified(properties(changes, activeChange))
    .step('Action', 'Success', `Updated User ${scimId}`);
  return run.settled('Update', 'Success');
}

/** Sets active false; an unassigned user is then no longer managed (its cached id is dropped). */
async function disable(run: ObjectRun, release: boolean): Promise<ObjectResult> {
  const { ctx, draft, objectId } = run;
  const scimId = ctx.state.users.get(objectId)?.scimId ?? '';
  draft.target(scimId).step('Match', 'Success', `Using the linked User ${scimId}`);
  const request = updateUser(scimId, [], false, ctx.dialect);
  const patched = await sendWrite(ctx, objectId, request, 'linked');
  if (!patched.ok) {
    return run.failed('Disable', 'Action', `Failed to disable User ${scimId}`, patched.error);
  }
  if (release) ctx.state.users.delete(objectId);
  draft
    .modified(properties([], { from: true, to: false }))
    .step('Action', 'Success', `Disabled User ${scimId}`);
  return run.settled('Disable', 'Success');
}

/** Hard-deleted in Entra: DELETE /Users/{id}. */
async function remove(ctx: EngineContext, objectId: string): Promise<ObjectResult> {
  const scimId = ctx.state.users.get(objectId)?.scimId ?? '';
  const draft = startEntry(ctx, 'User', { id: objectId, displayName: objectId })
    .target(scimId)
    .step('Import', 'Success', 'The User was deleted in Microsoft Entra ID');
  const run = new ObjectRun(ctx, objectId, draft);
  const deleted = await sendWrite(ctx, objectId, deleteUser(scimId), 'linked');
  if (!deleted.ok) {
    return run.failed('Delete', 'Action', `Failed to delete User ${scimId}`, deleted.error);
  }
  ctx.state.users.delete(objectId);
  draft.step('Action', 'Success', `Deleted User ${scimId}`);
  return run.settled('Delete', 'Success');
}

/** Processes one user of a cycle or an on-demand run, writing its log entry. */
export async function exportUser(
  ctx: EngineContext,
  work: UserWork,
  directory: Directory,
): Promise<ObjectResult> {
  if (work.kind === 'delete') return remove(ctx, work.objectId);
  const run = new ObjectRun(ctx, work.user.objectId, importedEntry(ctx, work.user, directory));
  if (work.kind === 'provision') return provision(run, work.user);
  if (work.kind === 'disable') return disable(run, work.release);
  run.draft.step('Action', 'Skipped', work.reason);
  return run.settled('Other', 'Skipped');
}

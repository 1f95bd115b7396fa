import { useEffect, useMemo } from 'react';

import type { GroupRolesRow, GroupRolesView, RoleOption } from '../../../shared/stytch/views';
import { LINKS } from '../../../shared/wizard/links';
import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ExternalLinkButton } from '../../components/ExternalLinkButton';
import {
  NO_ROLE,
  pendingChanges,
  useGroupRolesStore,
  type ConnectionRef,
} from '../../state/group-roles-store';
import { useWatchStore } from '../../state/watch-store';

const ROLES_LINK = { label: 'Open Roles & Permissions in Stytch', url: LINKS.stytchRoles };

/** Nothing to map yet: what makes Entra send a group. */
function NoGroups({ reload, busy }: { reload: () => void; busy: boolean }) {
  return (
    <div className="notice notice-info">
      <p className="notice-title">Entra hasn’t sent any groups to this connection yet.</p>
      <p>
        Entra sends a group when the group is assigned to the enterprise app and the scope includes
        it (“Sync only assigned users and groups” sends the assigned ones). It arrives with Entra’s
        next provisioning cycle.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={reload} disabled={busy}>
          Look again
        </button>
      </div>
    </div>
  );
}

/** Only Stytch's own roles: where the project's roles are made. */
function NoProjectRoles() {
  return (
    <div className="notice notice-info">
      <p className="notice-title">Your Stytch project has only Stytch’s default roles.</p>
      <p>
        To give a group a role of your own (for example “billing-viewer”), add the role under Roles
        &amp; Permissions in the Stytch dashboard, then select Look again.
      </p>
      <ExternalLinkButton link={ROLES_LINK} />
    </div>
  );
}

/** The role picker of one group: every role of the project, then Stytch's defaults. */
function RolePicker({ group, roles }: { group: GroupRolesRow; roles: readonly RoleOption[] }) {
  const picked = useGroupRolesStore((s) => s.picks[group.groupId] ?? group.roleIds[0] ?? NO_ROLE);
  const pick = useGroupRolesStore((s) => s.pick);
  const saving = useGroupRolesStore((s) => s.busy === 'save');
  const own = roles.filter((role) => !role.stytchDefault);
  const defaults = roles.filter((role) => role.stytchDefault);
  // A role Stytch holds for the group that the policy no longer lists stays visible and kept.
  const unlisted = group.roleIds.filter((id) => !roles.some((role) => role.roleId === id));
  return (
    <select
      aria-label={`Stytch role for ${group.name}`}
      value={picked}
      disabled={saving}
      onChange={(event) => pick(group.groupId, event.target.value)}
    >
      <option value={NO_ROLE}>No role</option>
      {own.length > 0 && (
        <optgroup label="Your project’s roles">
          {own.map((role) => (
            <option key={role.roleId} value={role.roleId}>
              {role.roleId}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label="Stytch’s default roles">
        {defaults.map((role) => (
          <option key={role.roleId} value={role.roleId}>
            {role.roleId}
          </option>
        ))}
      </optgroup>
      {unlisted.length > 0 && (
        <optgroup label="No longer in your project’s roles">
          {unlisted.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}

/** Each group Entra sent, with the role its members get. */
function GroupsTable({
  groups,
  roles,
  memberCounts,
}: {
  groups: readonly GroupRolesRow[];
  roles: readonly RoleOption[];
  memberCounts: ReadonlyMap<string, number> | null;
}) {
  return (
    <table className="group-roles">
      <caption>Groups Entra sent, and the Stytch role their members get</caption>
      <thead>
        <tr>
          <th scope="col">Entra group</th>
          {memberCounts && <th scope="col">Members in Stytch</th>}
          <th scope="col">Stytch role</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.groupId}>
            <th scope="row">{group.name || '(no name)'}</th>
            {memberCounts && <td>{memberCounts.get(group.groupId) ?? 0}</td>}
            <td>
              <RolePicker group={group} roles={roles} />
              {group.roleIds.length > 1 && (
                <p className="field-hint">
                  Stytch also gives: {group.roleIds.slice(1).join(', ')} (kept unless you change
                  this group)
                </p>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What each role is for, as the project describes it. */
function RoleDescriptions({ roles }: { roles: readonly RoleOption[] }) {
  const described = roles.filter((role) => role.description !== '');
  if (described.length === 0) return null;
  return (
    <details className="role-descriptions">
      <summary>What each role is for</summary>
      <dl>
        {described.map((role) => (
          <div key={role.roleId}>
            <dt>{role.roleId}</dt>
            <dd>{role.description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * Active members per group id, from the watch's last look at this connection: by id, not name,
 * as two groups may share a name and a renamed group keeps its id.
 */
function useMemberCounts(connectionId: string): ReadonlyMap<string, number> | null {
  const snapshot = useWatchStore((s) =>
    s.snapshot?.connectionId === connectionId ? s.snapshot : null,
  );
  return useMemo(() => {
    if (!snapshot) return null;
    const counts = new Map<string, number>();
    for (const member of snapshot.members) {
      if (member.status !== 'active') continue;
      for (const id of new Set(member.groupIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }, [snapshot]);
}

/** How many groups give their members a role in Stytch now, said plainly. */
function mappedWords(view: GroupRolesView): string {
  const mapped = view.groups.filter((group) => group.roleIds.length > 0).length;
  if (mapped === 0) return 'No group mapped yet: pick a Stytch role for a group, then save.';
  const of = `${String(mapped)} of ${String(view.groups.length)}`;
  return `${of} ${view.groups.length === 1 ? 'group gives' : 'groups give'} their members a Stytch role.`;
}

/**
 * The SCIM groups Entra sent to one connection, each with a Stytch role picker, and Save; read
 * when shown. The roles are the project's RBAC policy's; Stytch gives each member of a group the
 * group's role. Main reads the groups only from the named organization's own connection. The
 * wizard's step and a connection's page both show it.
 */
export function GroupRolesPanel({ organizationId, connectionId }: ConnectionRef) {
  const view = useGroupRolesStore((s) => s.view);
  const busy = useGroupRolesStore((s) => s.busy);
  const failure = useGroupRolesStore((s) => s.failure);
  const lastCall = useGroupRolesStore((s) => s.lastCall);
  const outcome = useGroupRolesStore((s) => s.outcome);
  const pending = useGroupRolesStore((s) => pendingChanges(s.view, s.picks).length);
  const save = useGroupRolesStore((s) => s.save);
  const memberCounts = useMemberCounts(connectionId);
  const reload = () => void useGroupRolesStore.getState().load({ organizationId, connectionId });
  useEffect(() => {
    void useGroupRolesStore.getState().load({ organizationId, connectionId });
  }, [organizationId, connectionId]);
  return (
    <section
      className="group-roles-panel"
      aria-labelledby="group-roles-heading"
      aria-busy={busy !== null}
    >
      <h3 id="group-roles-heading">Groups and their roles</h3>
      {busy === 'load' && !view && <Busy label="Reading the groups Entra sent…" />}
      {failure && (
        <ErrorNotice
          failure={failure}
          title={lastCall === 'save' ? 'Couldn’t save the roles.' : 'Couldn’t read the groups.'}
        />
      )}
      {view && view.groups.length === 0 && <NoGroups reload={reload} busy={busy !== null} />}
      {view && view.groups.length > 0 && (
        <>
          {!view.roles.some((role) => !role.stytchDefault) && <NoProjectRoles />}
          <p className="group-roles-mapped">{mappedWords(view)}</p>
          <GroupsTable groups={view.groups} roles={view.roles} memberCounts={memberCounts} />
          {!view.complete && (
            <p className="field-hint">
              This connection has more groups than the app lists; the first 10,000 are shown.
            </p>
          )}
          <RoleDescriptions roles={view.roles} />
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void save()}
              disabled={pending === 0 || busy !== null}
            >
              Save roles in Stytch
            </button>
            <button type="button" className="button" onClick={reload} disabled={busy !== null}>
              Look again
            </button>
            {busy === 'save' && <Busy label="Saving in Stytch…" />}
          </div>
          <p className="field-hint" aria-live="polite">
            {pending > 0
              ? `${pending} unsaved ${pending === 1 ? 'change' : 'changes'}.`
              : (outcome ?? '')}
          </p>
          {outcome && (
            <p className="field-hint">
              Members of a group get its role in Stytch, beside their other roles. Provision users
              shows each member’s roles and where they come from.
            </p>
          )}
        </>
      )}
    </section>
  );
}

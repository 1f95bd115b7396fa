import { create } from 'zustand';

import type { GroupRolesView } from '../../shared/stytch/views';
import { call } from '../lib/api';
import type { Failure } from './failure';
import { trackCall } from './track-call';

/** Which call is in flight. */
export type GroupRolesBusy = 'load' | 'save';

/** The connection the groups were read for. */
export interface ConnectionRef {
  organizationId: string;
  connectionId: string;
}

/** "No role" in the picker: the group gives its members no role. */
export const NO_ROLE = '';

interface GroupRolesState {
  ref: ConnectionRef | null;
  view: GroupRolesView | null;
  /** The role picked for each group (by id), saved or not; {@link NO_ROLE} for none. */
  picks: Readonly<Record<string, string>>;
  busy: GroupRolesBusy | null;
  /** The last call made, so a failure is titled for what failed. */
  lastCall: GroupRolesBusy | null;
  failure: Failure | null;
  /** What the last save did, said once it has finished. */
  outcome: string | null;
  load: (ref: ConnectionRef) => Promise<void>;
  pick: (groupId: string, roleId: string) => void;
  save: () => Promise<void>;
}

/** The role a group has in Stytch, as the picker shows it (the first, when Stytch has several). */
function savedPick(view: GroupRolesView, groupId: string): string {
  return view.groups.find((g) => g.groupId === groupId)?.roleIds[0] ?? NO_ROLE;
}

/** The groups whose pick differs from what Stytch holds. */
export function pendingChanges(
  view: GroupRolesView | null,
  picks: Readonly<Record<string, string>>,
): { groupId: string; roleId: string | null }[] {
  if (!view) return [];
  return view.groups.flatMap((group) => {
    const picked = picks[group.groupId] ?? savedPick(view, group.groupId);
    if (picked === savedPick(view, group.groupId)) return [];
    return [{ groupId: group.groupId, roleId: picked === NO_ROLE ? null : picked }];
  });
}

/** The connection's SCIM groups, the project's roles, and the admin's group → role picks. */
export const useGroupRolesStore = create<GroupRolesState>()((set, get) => ({
  ref: null,
  view: null,
  picks: {},
  busy: null,
  lastCall: null,
  failure: null,
  outcome: null,

  load: async (ref) => {
    const same = (other: ConnectionRef | null) =>
      other?.organizationId === ref.organizationId && other.connectionId === ref.connectionId;
    if (!same(get().ref)) set({ ref, view: null, picks: {}, outcome: null });
    await trackCall(set, () => call('scim:getGroupRoles', ref), {
      start: { busy: 'load', lastCall: 'load' },
      end: { busy: null },
      retry: () => get().load(ref),
      // Picks not saved yet are kept across a reload of the same connection.
      done: (view) => ({ view }),
      current: () => same(get().ref),
    });
  },

  pick: (groupId, roleId) => set({ picks: { ...get().picks, [groupId]: roleId }, outcome: null }),

  save: async () => {
    const { ref, view, picks } = get();
    const changes = pendingChanges(view, picks);
    if (!ref || !view || changes.length === 0) return;
    await trackCall(set, () => call('scim:setGroupRoles', { ...ref, changes }), {
      start: { busy: 'save', lastCall: 'save', outcome: null },
      end: { busy: null },
      retry: () => get().save(),
      done: ({ assignments }) => ({
        view: {
          ...view,
          groups: view.groups.map((group) => ({
            ...group,
            roleIds: assignments.filter((a) => a.groupId === group.groupId).map((a) => a.roleId),
          })),
        },
        picks: {},
        outcome:
          changes.length === 1
            ? 'Saved in Stytch: 1 group changed.'
            : `Saved in Stytch: ${changes.length} groups changed.`,
      }),
    });
  },
}));

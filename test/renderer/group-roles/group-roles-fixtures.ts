import type { GroupRolesView } from '../../../shared/stytch/views';

/** The sandbox's roles, as main lists them: the project's first, then Stytch's defaults. */
export const ROLES: GroupRolesView['roles'] = [
  {
    roleId: 'billing-viewer',
    description: 'Can see invoices and the billing plan.',
    stytchDefault: false,
  },
  {
    roleId: 'support-agent',
    description: 'Can read and answer customer tickets.',
    stytchDefault: false,
  },
  { roleId: 'stytch_admin', description: 'Granted to organization admins.', stytchDefault: true },
  { roleId: 'stytch_member', description: 'Granted to all Members.', stytchDefault: true },
];

/** Two groups Entra sent, neither mapped yet (unless `overrides` say otherwise). */
export function groupRolesView(overrides: Partial<GroupRolesView> = {}): GroupRolesView {
  return {
    groups: [
      { groupId: 'scim-group-engineering', name: 'Engineering', roleIds: [] },
      { groupId: 'scim-group-sales', name: 'Sales and Marketing', roleIds: [] },
    ],
    roles: ROLES,
    complete: true,
    ...overrides,
  };
}

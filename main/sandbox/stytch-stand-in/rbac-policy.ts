import type { Policy } from 'stytch';

/**
 * The sandbox project's RBAC policy, answered by Get RBAC Policy in the shape of the example in
 * Stytch's RBAC overview (test/main/sandbox/stytch-stand-in/rbac-policy.test.ts compares the
 * keys): Stytch's two default roles, with the descriptions Stytch gives them, and two roles of
 * the project's own to map Entra's groups to.
 */
export const SEEDED_RBAC_POLICY: Policy = {
  roles: [
    {
      role_id: 'stytch_member',
      description:
        'Granted to all Members upon creation; grants permissions already implicitly granted to logged in Members via the SDK. Cannot be deleted.',
      permissions: [{ resource_id: 'stytch.self', actions: ['*'] }],
    },
    {
      role_id: 'stytch_admin',
      description:
        'Granted to Members who create an organization through the Stytch discovery flow. Admins will also have the stytch_member role. Cannot be deleted.',
      permissions: [
        { resource_id: 'stytch.organization', actions: ['*'] },
        { resource_id: 'stytch.member', actions: ['*'] },
        { resource_id: 'stytch.sso', actions: ['*'] },
        { resource_id: 'stytch.scim', actions: ['*'] },
      ],
    },
    {
      role_id: 'billing-viewer',
      description: 'Can see invoices and the billing plan.',
      permissions: [{ resource_id: 'invoices', actions: ['read'] }],
    },
    {
      role_id: 'support-agent',
      description: 'Can read and answer customer tickets.',
      permissions: [{ resource_id: 'tickets', actions: ['read', 'reply'] }],
    },
  ],
  resources: [
    { resource_id: 'invoices', description: 'Invoices and the billing plan.', actions: ['read'] },
    {
      resource_id: 'tickets',
      description: 'Customer support tickets.',
      actions: ['read', 'reply'],
    },
  ],
  scopes: [],
};

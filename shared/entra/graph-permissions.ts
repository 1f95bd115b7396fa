/**
 * The delegated Microsoft Graph permissions each Entra step needs, and who can use them: the one
 * table sign-in asks from (graph-provisioning.md §5, the least-privileged scope on each Graph API
 * page). Asking per action keeps every token as narrow as the step it serves: reading the tenant's
 * apps never carries the right to create one.
 */

/** Where Graph's delegated scopes live; a scope is requested as `<resource>/<permission>`. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

const APP_ADMINS = ['Application Administrator', 'Cloud Application Administrator'] as const;

/** One row: the permissions an action needs and the Entra roles that can use them. */
export interface GraphAction {
  /** The delegated permissions, as Entra's "API permissions" page names them. */
  permissions: readonly string[];
  /** Entra roles the signed-in admin needs for Graph to allow the calls (empty: any user). */
  roles: readonly string[];
  /** What the action does, for hints. */
  purpose: string;
}

export const GRAPH_ACTIONS = {
  'read-apps': {
    permissions: ['Application.Read.All'],
    roles: [],
    purpose: 'find the enterprise app already made for Stytch',
  },
  'create-app': {
    permissions: ['Application.ReadWrite.All'],
    roles: APP_ADMINS,
    purpose: 'create the non-gallery enterprise app',
  },
  'read-provisioning': {
    permissions: ['Synchronization.Read.All'],
    roles: APP_ADMINS,
    purpose: "read the app's provisioning job and schema",
  },
  'configure-provisioning': {
    permissions: ['Synchronization.ReadWrite.All'],
    roles: APP_ADMINS,
    purpose: 'save the SCIM credentials, test the connection and start provisioning',
  },
  'assign-users': {
    permissions: ['AppRoleAssignment.ReadWrite.All', 'Application.Read.All'],
    roles: APP_ADMINS,
    purpose: 'assign users and groups to the app, and unassign them',
  },
  // Both, not either: the v1.0 permission table of `GET /auditLogs/provisioning`
  // (microsoft-graph-docs-contrib api-reference/v1.0/api/provisioningobjectsummary-list.md)
  // lists "AuditLog.Read.All and Directory.Read.All" as its least-privileged delegated
  // permissions, with no lower alternative (an earlier version of the page called needing both a
  // known issue). Entra's "How to analyze activity logs with Microsoft Graph" says "AuditLog.Read.All
  // or Directory.Read.All" for the activity logs in general; for this call the API page wins. The
  // roles are that page's list.
  'read-provisioning-logs': {
    permissions: ['AuditLog.Read.All', 'Directory.Read.All'],
    roles: [
      'Reports Reader',
      'Security Reader',
      'Security Operator',
      'Security Administrator',
      'Global Reader',
      'Application Administrator',
      'Cloud Application Administrator',
    ],
    purpose: 'read the provisioning logs',
  },
  // `GET /users/$count`: "List users" names User.ReadBasic.All its least-privileged delegated
  // permission (Graph v1.0 user-list.md, "Permissions"); a row of its own, so counting users
  // never carries the group pickers' GroupMember.Read.All.
  'count-users': {
    permissions: ['User.ReadBasic.All'],
    roles: [],
    purpose: 'count the users Entra would send when the scope is all users and groups',
  },
  'pick-users-and-groups': {
    permissions: ['User.ReadBasic.All', 'GroupMember.Read.All'],
    roles: [],
    purpose: 'list users and groups to assign',
  },
} as const satisfies Record<string, GraphAction>;

/** The name of one Entra step that calls Graph. */
export type GraphActionName = keyof typeof GRAPH_ACTIONS;

/** Every action's name, for schemas (`z.enum`). */
export const GRAPH_ACTION_NAMES = Object.keys(GRAPH_ACTIONS) as [
  GraphActionName,
  ...GraphActionName[],
];

/** A row's scopes as MSAL asks for them, e.g. `https://graph.microsoft.com/Application.Read.All`. */
export function scopesOf(row: GraphAction): string[] {
  return row.permissions.map((permission) => `${GRAPH_RESOURCE}/${permission}`);
}

/** The scopes to request from Microsoft for an action. */
export function scopesFor(action: GraphActionName): string[] {
  return scopesOf(GRAPH_ACTIONS[action]);
}

/**
 * The row of an action, by name. Null for a name the table does not have (a caller's bug that
 * slipped past the types), so nothing outside the least-privileged set is ever requested.
 */
export function needFor(action: string): GraphAction | null {
  return Object.hasOwn(GRAPH_ACTIONS, action) ? GRAPH_ACTIONS[action as GraphActionName] : null;
}

/** Every delegated permission in the table, once each: what an app registration should list. */
export function allDelegatedPermissions(): string[] {
  const all = Object.values(GRAPH_ACTIONS).flatMap((action: GraphAction) => action.permissions);
  return [...new Set(all)];
}

/** A member's role as Stytch lists it (stytch-members-scim.md §2): the role and what grants it. */
export interface RoleWithSources {
  role_id: string;
  sources?: Array<{ type: string; details?: Record<string, unknown> | undefined }> | undefined;
}

/** What grants a role, in words; a SCIM group is named when the member lists it. */
function sourceWords(
  source: { type: string; details?: Record<string, unknown> | undefined },
  groupNames: ReadonlyMap<string, string>,
): string {
  switch (source.type) {
    case 'scim_connection_group': {
      // [Unconfirmed key name, §2] details.group_id, as the sandbox's stand-in sends it.
      const id = source.details?.group_id;
      const name = typeof id === 'string' ? groupNames.get(id) : undefined;
      return name ? `from Entra group “${name}”` : 'from an Entra group';
    }
    case 'direct_assignment':
      return 'assigned directly';
    case 'email_assignment':
      return 'from the email domain';
    case 'sso_connection':
      return 'from single sign-on';
    case 'sso_connection_group':
      return 'from a single sign-on group';
    default:
      // A source Stytch adds later: shown as Stytch names it rather than dropped.
      return `from ${source.type.replace(/_/g, ' ')}`;
  }
}

/**
 * A role with where it comes from, e.g. `billing-viewer (from Entra group “Engineering”)`.
 * `groups` are the member's SCIM groups (`value` is the group's id, `display` its name).
 */
export function roleWords(
  role: RoleWithSources,
  groups: ReadonlyArray<{ value?: string; display?: string }>,
): string {
  const names = new Map(groups.map((g) => [g.value ?? '', g.display ?? '']));
  const sources = (role.sources ?? []).map((source) => sourceWords(source, names));
  return sources.length > 0 ? `${role.role_id} (${sources.join('; ')})` : role.role_id;
}

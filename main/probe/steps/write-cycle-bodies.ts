import { SCIM_URN } from '../scim-messages';

/**
 * Request bodies shaped like Entra's (reference B.4 and C.1), so the write cycle exercises what
 * a provisioning cycle really sends. The user is clearly named as a probe user, in case it is
 * ever left behind.
 */

/** The test user's names, derived from one GUID. */
export interface ProbeUser {
  userName: string;
  externalId: string;
}

/**
 * A user name and externalId nobody else has. The domain is mixed-case on purpose: it must come
 * back as sent, and a query in another case must still find it (write-cycle-find.ts).
 */
export function probeUser(guid: string): ProbeUser {
  return { userName: `scim-check-${guid}@Check.Example.com`, externalId: guid };
}

/** Create user — *POST /Users* as Entra sends it (B.4). */
export function createUserBody(user: ProbeUser): unknown {
  return {
    schemas: [SCIM_URN.user, SCIM_URN.enterpriseUser],
    externalId: user.externalId,
    userName: user.userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: user.userName }],
    meta: { resourceType: 'User' },
    name: { formatted: 'SCIM Check', familyName: 'Check', givenName: 'SCIM' },
    roles: [],
  };
}

function patch(operations: unknown[]): unknown {
  return { schemas: [SCIM_URN.patchOp], Operations: operations };
}

/** What the legacy PATCH sets, to be read back. */
export const LEGACY_FAMILY_NAME = 'Legacy check';
/** What the aadOptscim062020 PATCH sets through a dotted key, to be read back. */
export const COMPLIANT_GIVEN_NAME = 'Compliant check';

/** Entra's default (legacy) PATCH: PascalCase op, one op per path, "False" as a string (C.1). */
export function legacyPatchBody(): unknown {
  return patch([
    { op: 'Replace', path: 'name.familyName', value: LEGACY_FAMILY_NAME },
    { op: 'Replace', path: 'active', value: 'False' },
  ]);
}

/** The aadOptscim062020 PATCH: lowercase op, path-less multi-attribute replace, boolean (C.1). */
export function compliantPatchBody(): unknown {
  return patch([
    { op: 'replace', value: { displayName: 'SCIM Check', 'name.givenName': COMPLIANT_GIVEN_NAME } },
    { op: 'replace', path: 'active', value: true },
  ]);
}

/** Disable user — what Entra sends when a user is unassigned or soft-deleted (C.1, with the flag). */
export function deactivateBody(): unknown {
  return patch([{ op: 'replace', path: 'active', value: false }]);
}

/*
 * Group bodies, copied from Microsoft's docs (MicrosoftDocs/entra-docs):
 * - use-scim-to-provision-users-and-groups.md, "Group Operations": "Create Group" and
 *   "Update Group [Add Members]";
 * - application-provisioning-config-problem-scim-compatibility.md, "Requests made to remove a
 *   group member", "Without feature flag" and "With feature flag".
 * Only the ids and names are ours.
 */

/** The core Group schema (RFC 7643 §4.2). */
const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
/** The second schema URN of Entra's Create Group body (use-scim…, "Create Group"). */
export const ENTRA_GROUP_URN =
  'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

/** The test group's names, derived from one GUID (Entra sends the group's objectId as externalId). */
export interface ProbeGroup {
  displayName: string;
  externalId: string;
}

/** A group displayName and externalId nobody else has. */
export function probeGroup(guid: string): ProbeGroup {
  return { displayName: `scim-check-group-${guid}`, externalId: guid };
}

/** Create Group — *POST /Groups*, created empty; members are PATCHed in afterwards. */
export function createGroupBody(group: ProbeGroup): unknown {
  return {
    schemas: [GROUP_URN, ENTRA_GROUP_URN],
    externalId: group.externalId,
    displayName: group.displayName,
    meta: { resourceType: 'Group' },
  };
}

/**
 * Update Group [Add Members]. [Uncertain] Whether the flag lowercases this `op` is not
 * documented: the compatibility article does not list adding members among what
 * aadOptscim062020 changes, so the one documented body serves with and without it.
 */
export function addMemberBody(userId: string): unknown {
  return patch([{ op: 'Add', path: 'members', value: [{ $ref: null, value: userId }] }]);
}

/**
 * Remove a group member, without the feature flag: PascalCase op, the member in `value`. The
 * tutorial's "Update Group [Remove Members]" shows the same with `"$ref": null` added; this is
 * the compatibility article's form, the one it sets against the flag's.
 */
export function legacyRemoveMemberBody(userId: string): unknown {
  return patch([{ op: 'Remove', path: 'members', value: [{ value: userId }] }]);
}

/** Remove a group member, with aadOptscim062020: a value filter in the path (RFC 7644 §3.5.2.2). */
export function compliantRemoveMemberBody(userId: string): unknown {
  return patch([{ op: 'remove', path: `members[value eq "${userId}"]` }]);
}

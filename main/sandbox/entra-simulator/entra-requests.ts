import type { DirectoryGroup } from './directory';
import type { AttributeChange, MappedUser, MatchingAttribute } from './attribute-mapping';
import {
  FLAGGED_DIALECT_LOWERCASES_EVERY_OP,
  LEGACY_ACTIVE_VALUES,
  LEGACY_REMOVE_MEMBER_CARRIES_REF,
  PATHLESS_REPLACE_FROM_COUNT,
  RANDOM_GROUP_LOOKUP_EXCLUDES_MEMBERS,
} from './entra-assumptions';

/**
 * Every request the simulated Entra engine sends, built here and nowhere else. Bodies are
 * Microsoft's samples word for word, from MicrosoftDocs/entra-docs:
 * - [T] docs/identity/app-provisioning/use-scim-to-provision-users-and-groups.md, "SCIM protocol
 *   requests and responses" (Create User, Get User by query, Get Group, Get Group by displayName,
 *   Update Group [Non-member attributes], Update Group [Add Members]);
 * - [C] docs/identity/app-provisioning/application-provisioning-config-problem-scim-
 *   compatibility.md, "Flags to alter the SCIM behavior" (the two PATCH dialects).
 */

export const SCIM_MEDIA_TYPE = 'application/scim+json';
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const USER_SCHEMAS = [
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
];
export const GROUP_SCHEMAS = [
  'urn:ietf:params:scim:schemas:core:2.0:Group',
  'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
];

/** The PATCH dialect: `legacy` without `aadOptscim062020`, `flagged` with it [C]. */
export type PatchDialect = 'legacy' | 'flagged';

export interface PatchOperation {
  op: string;
  path?: string;
  value?: unknown;
}

/** One request, relative to the Tenant URL; the client adds the host, token and headers. */
export interface ScimRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** '/Users', '/Groups/<id>'. */
  path: string;
  /** Form-encoded by the client, so spaces travel as '+', as Entra sends them [T]. */
  query: ReadonlyArray<readonly [string, string]>;
  body?: Record<string, unknown>;
}

// A filter value is a JSON string: Entra double-quotes it [T] ("Get User by query").
const eq = (attribute: string, value: string): string => `${attribute} eq ${JSON.stringify(value)}`;

/** `GET /Users?filter=<attribute> eq "<value>"` [T] "Get User by query". */
export function userQuery(attribute: MatchingAttribute, value: string): ScimRequest {
  return { method: 'GET', path: '/Users', query: [['filter', eq(attribute, value)]] };
}

/** `GET /Groups?excludedAttributes=members&filter=displayName eq "<name>"` [T]. */
export function groupQuery(displayName: string): ScimRequest {
  const filter = ['filter', eq('displayName', displayName)] as const;
  return { method: 'GET', path: '/Groups', query: [['excludedAttributes', 'members'], filter] };
}

/** Test Connection's random group: [Uncertain] see entra-assumptions.ts. */
export function randomGroupQuery(guid: string): ScimRequest {
  if (RANDOM_GROUP_LOOKUP_EXCLUDES_MEMBERS) return groupQuery(guid);
  return { method: 'GET', path: '/Groups', query: [['filter', eq('displayName', guid)]] };
}

/** `GET /Users/<id>` [T] "Get User". */
export function getUser(id: string): ScimRequest {
  return { method: 'GET', path: `/Users/${encodeURIComponent(id)}`, query: [] };
}

/** `DELETE /Users/<id>` [T] "Delete User". */
export function deleteUser(id: string): ScimRequest {
  return { method: 'DELETE', path: `/Users/${encodeURIComponent(id)}`, query: [] };
}

/** `GET /Groups/<id>?excludedAttributes=members` [T] "Get Group". */
export function getGroup(id: string): ScimRequest {
  const path = `/Groups/${encodeURIComponent(id)}`;
  return { method: 'GET', path, query: [['excludedAttributes', 'members']] };
}

/**
 * `POST /Users` [T] "Create User": the sample's fields in its order; `displayName` (and any other
 * attribute) only when mapped and not empty, as in the tutorial's "Example 2. Provision a user".
 */
export function createUser(user: MappedUser): ScimRequest {
  const v = user.values;
  const mail = v['emails[type eq "work"].value'];
  const name = {
    ...(v['name.formatted'] === undefined ? {} : { formatted: v['name.formatted'] }),
    ...(v['name.familyName'] === undefined ? {} : { familyName: v['name.familyName'] }),
    ...(v['name.givenName'] === undefined ? {} : { givenName: v['name.givenName'] }),
  };
  const body: Record<string, unknown> = {
    schemas: USER_SCHEMAS,
    ...(v.externalId === undefined ? {} : { externalId: v.externalId }),
    userName: v.userName,
    active: user.active,
    ...(v.displayName === undefined ? {} : { displayName: v.displayName }),
    ...(mail === undefined ? {} : { emails: [{ primary: true, type: 'work', value: mail }] }),
    meta: { resourceType: 'User' },
    ...(Object.keys(name).length === 0 ? {} : { name }),
    roles: [],
  };
  return { method: 'POST', path: '/Users', query: [], body };
}

/** `POST /Groups` [T] "Create Group": "Groups are created with an empty members list". */
export function createGroup(group: DirectoryGroup): ScimRequest {
  const body = {
    schemas: GROUP_SCHEMAS,
    externalId: group.objectId,
    displayName: group.displayName,
    meta: { resourceType: 'Group' },
  };
  return { method: 'POST', path: '/Groups', query: [], body };
}

type OpName = 'Add' | 'Replace' | 'Remove';

/** An op [C] documents in both dialects: capitalised without the flag, lower-case with it. */
function documentedOp(dialect: PatchDialect, name: OpName): string {
  return dialect === 'flagged' ? name.toLowerCase() : name;
}

/** An op [C] shows only without the flag: [Uncertain] see entra-assumptions.ts. */
function otherOp(dialect: PatchDialect, name: OpName): string {
  return dialect === 'flagged' && FLAGGED_DIALECT_LOWERCASES_EVERY_OP ? name.toLowerCase() : name;
}

function patch(path: string, operations: PatchOperation[]): ScimRequest {
  // `schemas` first, as in every sample but the tutorial's "Disable User".
  return {
    method: 'PATCH',
    path,
    query: [],
    body: { schemas: [PATCH_OP_SCHEMA], Operations: operations },
  };
}

/** The `active` op [C] "Requests made to disable users": "False" without the flag, false with it. */
function activeOp(dialect: PatchDialect, active: boolean): PatchOperation {
  const value = dialect === 'flagged' ? active : LEGACY_ACTIVE_VALUES[active ? 'true' : 'false'];
  return { op: documentedOp(dialect, 'Replace'), path: 'active', value };
}

function attributeOps(
  dialect: PatchDialect,
  changes: readonly AttributeChange[],
): PatchOperation[] {
  const pathOp = (change: AttributeChange): PatchOperation => ({
    op: documentedOp(dialect, change.kind === 'add' ? 'Add' : 'Replace'),
    path: change.path,
    value: change.newValue,
  });
  // [C] "Requests to replace multiple attributes": one op per path without the flag; with it,
  // filtered paths keep their own op and the rest share one path-less replace.
  if (dialect === 'legacy') return changes.map(pathOp);
  const adds = changes.filter((change) => change.kind === 'add');
  const replaces = changes.filter((change) => change.kind === 'replace');
  const filtered = replaces.filter((change) => change.path.includes('['));
  const plain = replaces.filter((change) => !change.path.includes('['));
  if (plain.length < PATHLESS_REPLACE_FROM_COUNT) return [...adds, ...replaces].map(pathOp);
  const value = Object.fromEntries(plain.map((change) => [change.path, change.newValue]));
  return [...adds.map(pathOp), ...filtered.map(pathOp), { op: 'replace', value }];
}

/**
 * `PATCH /Users/<id>`: attribute changes, then `active` when it changes. [Uncertain] see
 * entra-assumptions.ts for where `active` goes.
 */
export function updateUser(
  id: string,
  changes: readonly AttributeChange[],
  active: boolean | null,
  dialect: PatchDialect,
): ScimRequest {
  const operations = attributeOps(dialect, changes);
  if (active !== null) operations.push(activeOp(dialect, active));
  return patch(`/Users/${encodeURIComponent(id)}`, operations);
}

/** `PATCH /Groups/<id>` replacing displayName [T] "Update Group [Non-member attributes]". */
export function renameGroup(id: string, displayName: string, dialect: PatchDialect): ScimRequest {
  const op = { op: otherOp(dialect, 'Replace'), path: 'displayName', value: displayName };
  return patch(`/Groups/${encodeURIComponent(id)}`, [op]);
}

/**
 * `PATCH /Groups/<id>` adding and removing members by their SCIM ids. Adds: [T] "Update Group
 * [Add Members]" (`"$ref": null`). Removes: [C] "Requests made to remove a group member" — a
 * value list without the flag, one `members[value eq "…"]` path per member with it.
 */
export function patchMembers(
  id: string,
  add: readonly string[],
  remove: readonly string[],
  dialect: PatchDialect,
): ScimRequest {
  const operations: PatchOperation[] = [];
  if (add.length > 0) {
    const value = add.map((member) => ({ $ref: null, value: member }));
    operations.push({ op: otherOp(dialect, 'Add'), path: 'members', value });
  }
  if (remove.length > 0 && dialect === 'legacy') {
    const value = remove.map((member) =>
      LEGACY_REMOVE_MEMBER_CARRIES_REF ? { $ref: null, value: member } : { value: member },
    );
    operations.push({ op: 'Remove', path: 'members', value });
  }
  if (dialect === 'flagged') {
    for (const member of remove)
      operations.push({ op: 'remove', path: `members[${eq('value', member)}]` });
  }
  return patch(`/Groups/${encodeURIComponent(id)}`, operations);
}

import type { DirectoryUser } from './directory';
import type { ScimUser } from './scim-answers';

/**
 * The user attributes the simulator's mapping writes, in the order Entra's PATCH sample lists them
 * (application-provisioning-config-problem-scim-compatibility.md, "Requests to replace multiple
 * attributes"). `active` is kept apart: it has its own requests.
 */
export const USER_ATTRIBUTES = [
  'userName',
  'displayName',
  'emails[type eq "work"].value',
  'name.givenName',
  'name.familyName',
  'name.formatted',
  'externalId',
] as const;
export type UserAttribute = (typeof USER_ATTRIBUTES)[number];

/** A user as the SCIM server should hold it: attribute values (absent when empty) and `active`. */
export interface MappedUser {
  values: Partial<Record<UserAttribute, string>>;
  active: boolean;
}

/**
 * The source of a user's externalId: `objectId` (what Stytch needs) or `mailNickname` (the
 * non-gallery app's default mapping, which the admin has to change).
 */
export type ExternalIdSource = 'objectId' | 'mailNickname';

/** The attributes a user can be matched on; `userName` is the default matching attribute. */
export type MatchingAttribute = 'userName' | 'externalId';

/** One attribute that differs between Entra and the SCIM server. */
export interface AttributeChange {
  path: UserAttribute;
  /** `add` when the server has no value yet (the article's "add a single-value attribute"). */
  kind: 'add' | 'replace';
  oldValue: string | null;
  newValue: string;
}

function present(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}

/**
 * The default non-gallery SCIM mapping (use-scim-to-provision-users-and-groups.md, "Design your
 * user and group schema": userPrincipalName → userName, mail → emails[type eq "work"].value,
 * givenName → name.givenName, surname → name.familyName, displayName → displayName; its "Create
 * User" request carries name.formatted as "givenName familyName"), with objectId → externalId in
 * place of mailNickname, which Stytch requires (reference stytch-members-scim.md §7, "Entra-
 * specific setup"), unless the job's mapping still has the default mailNickname → externalId
 * (graph-provisioning.md §2, "Schema and the objectId → externalId mapping"). Empty source values are not sent: on-demand provisioning "currently doesn't
 * support provisioning null attributes" (provision-on-demand.md, "Step 2: Import user").
 */
export function mapUser(
  user: DirectoryUser,
  active: boolean,
  externalIdSource: ExternalIdSource = 'objectId',
): MappedUser {
  const given = present(user.givenName);
  const family = present(user.surname);
  const formatted = [given, family].filter((part) => part !== undefined).join(' ');
  const entries: [UserAttribute, string | undefined][] = [
    ['userName', user.userPrincipalName],
    ['displayName', present(user.displayName)],
    ['emails[type eq "work"].value', present(user.mail)],
    ['name.givenName', given],
    ['name.familyName', family],
    ['name.formatted', present(formatted)],
    ['externalId', externalIdSource === 'objectId' ? user.objectId : present(user.mailNickname)],
  ];
  const values: MappedUser['values'] = {};
  for (const [path, value] of entries) if (value !== undefined) values[path] = value;
  return { values, active };
}

function activeOf(value: ScimUser['active']): boolean {
  // A server that stored Entra's legacy "True"/"False" strings answers with them.
  return typeof value === 'string' ? value.toLowerCase() === 'true' : value !== false;
}

/** The same attributes as a SCIM server holds them, read from its answer. */
export function readScimUser(resource: ScimUser): MappedUser {
  const work = resource.emails?.find((email) => email.type?.toLowerCase() === 'work');
  const values: MappedUser['values'] = {};
  const read: [UserAttribute, string | undefined][] = [
    ['userName', resource.userName],
    ['displayName', resource.displayName],
    ['emails[type eq "work"].value', work?.value],
    ['name.givenName', resource.name?.givenName],
    ['name.familyName', resource.name?.familyName],
    ['name.formatted', resource.name?.formatted],
    ['externalId', resource.externalId],
  ];
  for (const [path, value] of read) {
    const shown = present(value);
    if (shown !== undefined) values[path] = shown;
  }
  return { values, active: activeOf(resource.active) };
}

/**
 * What to export so the server holds `wanted`: each attribute whose value differs. A value Entra
 * no longer has is left alone on the server (nulls flow only when configured to,
 * clear-attribute-values.md).
 */
export function attributeChanges(wanted: MappedUser, held: MappedUser): AttributeChange[] {
  return USER_ATTRIBUTES.flatMap((path): AttributeChange[] => {
    const newValue = wanted.values[path];
    const oldValue = held.values[path];
    if (newValue === undefined || newValue === oldValue) return [];
    return [
      {
        path,
        kind: oldValue === undefined ? 'add' : 'replace',
        oldValue: oldValue ?? null,
        newValue,
      },
    ];
  });
}

/** The value a user is matched on, for the query `<attribute> eq "<value>"`. */
export function matchingValue(user: MappedUser, attribute: MatchingAttribute): string {
  return user.values[attribute] ?? '';
}

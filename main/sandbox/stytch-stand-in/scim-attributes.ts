import type { Group, SCIMAttributes } from 'stytch';

/*
 * A SCIM user (RFC 7643, camelCase, as the sandbox's SCIM server keeps it) in the shape Stytch
 * shows it on a member: `scim_registration.scim_attributes`, snake_case with every field present
 * (reference stytch-members-scim.md §2; the SDK's `SCIMAttributes`).
 */

type Json = Record<string, unknown>;

/** The key RFC 7643 §4.3 gives the enterprise extension inside a user resource. */
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** A multi-valued attribute (emails, phoneNumbers, …) as `{value, type, primary}`. */
const multi = (value: unknown) =>
  objects(value).map((item) => ({
    value: text(item.value),
    type: text(item.type),
    primary: item.primary === true,
  }));

function nameOf(raw: unknown): SCIMAttributes['name'] {
  if (!isObject(raw)) return undefined;
  return {
    formatted: text(raw.formatted),
    family_name: text(raw.familyName),
    given_name: text(raw.givenName),
    middle_name: text(raw.middleName),
    honorific_prefix: text(raw.honorificPrefix),
    honorific_suffix: text(raw.honorificSuffix),
  };
}

function enterpriseOf(raw: unknown): SCIMAttributes['enterprise_extension'] {
  if (!isObject(raw)) return undefined;
  const manager = isObject(raw.manager)
    ? {
        value: text(raw.manager.value),
        ref: text(raw.manager.$ref),
        display_name: text(raw.manager.displayName),
      }
    : undefined;
  return {
    employee_number: text(raw.employeeNumber),
    cost_center: text(raw.costCenter),
    division: text(raw.division),
    department: text(raw.department),
    organization: text(raw.organization),
    ...(manager ? { manager } : {}),
  };
}

/** A SCIM user as Stytch's `SCIMAttributes`; `groups` are the groups that list it as a member. */
export function scimAttributesOf(user: Json, groups: Group[]): SCIMAttributes {
  const name = nameOf(user.name);
  const enterprise = enterpriseOf(user[ENTERPRISE]);
  return {
    user_name: text(user.userName),
    id: text(user.id),
    external_id: text(user.externalId),
    active: user.active !== false,
    groups,
    display_name: text(user.displayName),
    nick_name: text(user.nickName),
    profile_url: text(user.profileUrl),
    user_type: text(user.userType),
    title: text(user.title),
    preferred_language: text(user.preferredLanguage),
    locale: text(user.locale),
    timezone: text(user.timezone),
    emails: multi(user.emails),
    phone_numbers: multi(user.phoneNumbers),
    addresses: objects(user.addresses).map((address) => ({
      formatted: text(address.formatted),
      street_address: text(address.streetAddress),
      locality: text(address.locality),
      region: text(address.region),
      postal_code: text(address.postalCode),
      country: text(address.country),
      type: text(address.type),
      primary: address.primary === true,
    })),
    ims: multi(user.ims),
    photos: multi(user.photos),
    entitlements: multi(user.entitlements),
    roles: multi(user.roles),
    x509certificates: multi(user.x509Certificates),
    ...(name ? { name } : {}),
    ...(enterprise ? { enterprise_extension: enterprise } : {}),
  };
}

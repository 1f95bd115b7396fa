import { z } from 'zod';

/**
 * Zod schemas for the Stytch B2B API responses the app reads (reference A.2–A.9), checked at
 * compile time against the official `stytch` SDK types (test/main/stytch/sdk-contract.test.ts).
 * Unknown fields are tolerated (dropped); a missing required field fails the parse, which the
 * client reports as STYTCH_UNEXPECTED_RESPONSE. Fields the app does not need are defaulted
 * rather than required, so a documented example that omits them still parses.
 */

/** `null` and absent read the same; the SDK types say `field?: T`, so null becomes undefined. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value): z.output<T> | undefined => value ?? undefined);
}

/**
 * Absent and `null` read as `fallback`: Stytch sends null for some empty values (its member example
 * has `mfa_phone_number: null`), and one odd field must not fail a whole page of members.
 */
function orElse<T extends z.ZodType>(schema: T, fallback: z.output<T>) {
  return schema.nullish().transform((value): z.output<T> => value ?? fallback);
}

/**
 * A list read row by row: a row that does not parse as `item` is left out, so one entry in a
 * shape the app does not know costs that entry, not the list. The list itself must be a list.
 */
function readableRows<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((rows) =>
    rows.flatMap((row): z.output<T>[] => {
      const parsed = item.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    }),
  );
}

/** `SCIMGroupImplicitRoleAssignments`: members of the group get the role (reference §3). */
export const ImplicitRoleAssignmentSchema = z.object({
  role_id: z.string(),
  group_id: z.string(),
  group_name: z.string().default(''),
});
export type ImplicitRoleAssignment = z.output<typeof ImplicitRoleAssignmentSchema>;

const connectionCore = {
  organization_id: z.string(),
  connection_id: z.string(),
  status: z.string(),
  display_name: z.string(),
  identity_provider: z.string(),
  base_url: z.string(),
  scim_group_implicit_role_assignments: z.array(ImplicitRoleAssignmentSchema).default([]),
  bearer_token_expires_at: optional(z.string()),
};

/** `SCIMConnection`: what Get, Update, Rotate Complete and Rotate Cancel return. */
export const ScimConnectionSchema = z.object({
  ...connectionCore,
  bearer_token_last_four: z.string(),
  // [Uncertain] The SDK types it as a required string; Stytch likely sends "" when no rotation
  // is in progress. Absent is read as "" so either form parses.
  next_bearer_token_last_four: z.string().default(''),
  next_bearer_token_expires_at: optional(z.string()),
});
export type ScimConnection = z.output<typeof ScimConnectionSchema>;

/** `SCIMConnectionWithToken`: what Create returns, with the only copy of the bearer token. */
export const ScimConnectionWithTokenSchema = z.object({
  ...connectionCore,
  bearer_token: z.string().min(1),
});
export type ScimConnectionWithToken = z.output<typeof ScimConnectionWithTokenSchema>;

/** `SCIMConnectionWithNextToken`: what Rotate Start returns, with the only copy of the next token. */
export const ScimConnectionWithNextTokenSchema = z.object({
  ...connectionCore,
  bearer_token_last_four: z.string(),
  next_bearer_token: z.string().min(1),
  next_bearer_token_expires_at: optional(z.string()),
});
export type ScimConnectionWithNextToken = z.output<typeof ScimConnectionWithNextTokenSchema>;

const envelope = { request_id: z.string(), status_code: z.number().int() };

/** Create SCIM connection. The SDK types `connection` as optional; a success without it is useless. */
export const CreateConnectionResponseSchema = z.object({
  ...envelope,
  connection: ScimConnectionWithTokenSchema,
});

/** Get SCIM connection: `connection` absent (or null) when the org has none. */
export const GetConnectionResponseSchema = z.object({
  ...envelope,
  connection: optional(ScimConnectionSchema),
});

/** Update, Rotate Complete and Rotate Cancel. */
export const ConnectionResponseSchema = z.object({ ...envelope, connection: ScimConnectionSchema });

/** Rotate Start. */
export const RotateStartResponseSchema = z.object({
  ...envelope,
  connection: ScimConnectionWithNextTokenSchema,
});

/** Delete SCIM connection. */
export const DeleteConnectionResponseSchema = z.object({
  ...envelope,
  connection_id: z.string(),
});

/** `SCIMGroup`. */
export const ScimGroupSchema = z.object({
  group_id: z.string(),
  group_name: z.string(),
  organization_id: z.string(),
  connection_id: z.string(),
});
export type ScimGroup = z.output<typeof ScimGroupSchema>;

/** Get groups (the SDK type has no request_id; it is kept when present). */
export const GetGroupsResponseSchema = z.object({
  scim_groups: readableRows(ScimGroupSchema),
  status_code: z.number().int(),
  next_cursor: optional(z.string()),
  request_id: optional(z.string()),
});

/**
 * `PolicyRole` (Get RBAC Policy): the part the group → role picker shows. The SDK types
 * `description` and `permissions` as required; a role without them is still a role to pick.
 */
export const PolicyRoleSchema = z.object({
  role_id: z.string().min(1),
  description: orElse(z.string(), ''),
});
export type PolicyRole = z.output<typeof PolicyRoleSchema>;

/**
 * Get RBAC Policy (`GET /v1/b2b/rbac/policy`). The SDK types `policy` as optional; the documented
 * example in Stytch's RBAC overview has neither `request_id` nor `scopes`, so both are optional
 * here, and one unreadable role leaves the others listed.
 */
export const RbacPolicyResponseSchema = z.object({
  request_id: orElse(z.string(), ''),
  status_code: z.number().int(),
  policy: optional(z.object({ roles: orElse(readableRows(PolicyRoleSchema), []) })),
});

/** `ActiveSCIMConnection`, as listed on an organization. */
export const ActiveScimConnectionSchema = z.object({
  connection_id: z.string(),
  display_name: z.string(),
  bearer_token_last_four: z.string(),
  bearer_token_expires_at: optional(z.string()),
});

/** The part of `Organization` the picker needs. */
export const OrganizationSchema = z.object({
  organization_id: z.string(),
  organization_name: z.string(),
  organization_slug: z.string(),
  scim_active_connection: optional(ActiveScimConnectionSchema),
});
export type Organization = z.output<typeof OrganizationSchema>;

/** A search's `results_metadata`. `total` is -1 when totals are disabled for the workspace. */
const ResultsMetadataSchema = z.object({
  total: z.number().int(),
  next_cursor: optional(z.string()),
});

/** Search organizations. */
export const SearchOrganizationsResponseSchema = z.object({
  ...envelope,
  organizations: z.array(OrganizationSchema),
  results_metadata: ResultsMetadataSchema,
});
export type SearchOrganizationsResponse = z.output<typeof SearchOrganizationsResponseSchema>;

/** The member statuses Stytch documents (reference stytch-members-scim.md §2). */
export const MEMBER_STATUSES = ['active', 'pending', 'invited', 'deleted'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** `MemberRoleSource`; for `scim_connection_group`, `details` name the connection and group (§2). */
export const MemberRoleSourceSchema = z.object({
  type: z.string(),
  details: optional(z.record(z.string(), z.unknown())),
});

/** `MemberRole`: a role and every source that grants it. */
export const MemberRoleSchema = z.object({
  role_id: z.string(),
  sources: orElse(z.array(MemberRoleSourceSchema), []),
});

const scimValue = z.object({
  value: orElse(z.string(), ''),
  type: orElse(z.string(), ''),
  primary: orElse(z.boolean(), false),
});

/**
 * The part of `SCIMAttributes` (snake_case, §2) the provisioning watch reads. The SDK types most
 * fields as required, but they echo what the IdP sent, so absent reads as empty.
 */
export const ScimAttributesSchema = z.object({
  user_name: orElse(z.string(), ''),
  id: orElse(z.string(), ''),
  external_id: orElse(z.string(), ''),
  active: optional(z.boolean()),
  display_name: orElse(z.string(), ''),
  emails: orElse(z.array(scimValue), []),
  groups: orElse(
    z.array(z.object({ value: orElse(z.string(), ''), display: orElse(z.string(), '') })),
    [],
  ),
  name: optional(
    z.object({
      formatted: orElse(z.string(), ''),
      family_name: orElse(z.string(), ''),
      given_name: orElse(z.string(), ''),
      middle_name: orElse(z.string(), ''),
      honorific_prefix: orElse(z.string(), ''),
      honorific_suffix: orElse(z.string(), ''),
    }),
  ),
});

/** `SCIMRegistration`: the connection that provisioned the member, and the IdP's view of it. */
export const ScimRegistrationSchema = z.object({
  connection_id: z.string(),
  registration_id: orElse(z.string(), ''),
  external_id: optional(z.string()),
  scim_attributes: optional(ScimAttributesSchema),
});

/**
 * The part of `Member` the provisioning watch reads (§2). `status` stays a string: the enum is
 * documented, but a value the app does not know must not fail the whole page.
 */
export const MemberSchema = z.object({
  organization_id: z.string(),
  member_id: z.string(),
  status: z.string(),
  email_address: orElse(z.string(), ''),
  name: orElse(z.string(), ''),
  roles: orElse(z.array(MemberRoleSchema), []),
  external_id: optional(z.string()),
  scim_registration: optional(ScimRegistrationSchema),
  created_at: optional(z.string()),
  updated_at: optional(z.string()),
});
export type Member = z.output<typeof MemberSchema>;

/** Search members; `organizations` maps the returned members' org ids to their organizations. */
export const SearchMembersResponseSchema = z.object({
  ...envelope,
  members: z.array(MemberSchema),
  results_metadata: ResultsMetadataSchema,
  organizations: orElse(z.record(z.string(), OrganizationSchema), {}),
});
export type SearchMembersResponse = z.output<typeof SearchMembersResponseSchema>;

/** Get organization. */
export const GetOrganizationResponseSchema = z.object({
  ...envelope,
  organization: OrganizationSchema,
});

/**
 * Stytch's error body (reference A.7). OAuth2-style bodies (`error`, `error_description`) are
 * folded onto the same fields, as the SDK does. Only `error_type` is required to call it one.
 */
export const StytchErrorBodySchema = z.preprocess(
  (raw) => {
    if (raw === null || typeof raw !== 'object' || 'error_type' in raw) return raw;
    const oauth = raw as { error?: unknown; error_description?: unknown; error_uri?: unknown };
    return {
      ...raw,
      error_type: oauth.error,
      error_message: oauth.error_description,
      error_url: oauth.error_uri,
    };
  },
  z.object({
    status_code: optional(z.number().int()),
    request_id: optional(z.string()),
    error_type: z.string().min(1),
    error_message: z.string().catch(''),
    error_url: optional(z.string()).catch(undefined),
  }),
);
export type StytchErrorBody = z.output<typeof StytchErrorBodySchema>;

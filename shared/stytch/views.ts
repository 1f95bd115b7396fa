import { z } from 'zod';

/**
 * What the renderer sees of Stytch objects: view models built in main from parsed API
 * responses. They never carry a secret; a token is referred to by a handle.
 */

/** Stytch's two environments, told apart by the project ID prefix. */
export const StytchEnvironmentSchema = z.enum(['test', 'live']);
export type StytchEnvironment = z.infer<typeof StytchEnvironmentSchema>;

/** The longest Stytch ID the app accepts; real ones are a prefix and a UUID, under 60 characters. */
const MAX_STYTCH_ID_LENGTH = 128;

/**
 * Stytch's ID alphabet: a prefix and a UUID, e.g. `organization-test-07971b06-…`,
 * `scim-connection-test-cdd5415a-…` (../shared/reference/stytch-and-entra.md, A.4) and
 * `project-test-…` (A.1). IDs go into Stytch's URL paths and keychain account names, so nothing
 * else gets through: `.` and `..` would send the project's credentials to another path, and a
 * lone surrogate cannot be URL-encoded. Pasted IDs keep working: surrounding spaces are trimmed.
 */
export const StytchIdSchema = z
  .string()
  .trim()
  .regex(new RegExp(`^[A-Za-z0-9_-]{1,${MAX_STYTCH_ID_LENGTH}}$`), {
    message: `A Stytch ID has 1 to ${MAX_STYTCH_ID_LENGTH} letters, digits, "-" or "_", like organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931.`,
  });

/** A Stytch project ID as typed by the user (checked for the test/live prefix in main). */
export const ProjectIdSchema = StytchIdSchema;

/** A Stytch organization as the picker lists it. */
export const OrganizationSummarySchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  slug: z.string(),
  /** The active SCIM connection's id, when the org already has one. */
  scimActiveConnectionId: z.string().nullable(),
});
export type OrganizationSummary = z.infer<typeof OrganizationSummarySchema>;

/** Where a SCIM token lives: the OS keychain, main's memory only (keychain refused), or nowhere. */
export const TokenStorageSchema = z.enum(['keychain', 'memory', 'none']);
export type TokenStorage = z.infer<typeof TokenStorageSchema>;

/** A reference to a secret held in main. The renderer never holds the value itself. */
export const SecretHandleSchema = z.object({
  kind: z.enum(['scim-token', 'scim-next-token']),
  connectionId: StytchIdSchema,
});
export type SecretHandle = z.infer<typeof SecretHandleSchema>;

/** What the app knows about a stored token, without the token. */
export const TokenStatusSchema = z.object({
  storage: TokenStorageSchema,
  /** The last four characters, so the admin can match it against Entra; null when unknown. */
  last4: z.string().nullable(),
});
export type TokenStatus = z.infer<typeof TokenStatusSchema>;

/** A SCIM connection as the wizard shows it. */
export const ScimConnectionViewSchema = z.object({
  organizationId: z.string(),
  connectionId: z.string(),
  status: z.string(),
  displayName: z.string(),
  identityProvider: z.string(),
  /** Stytch's base_url, exactly as returned. */
  baseUrl: z.string(),
  /** What to paste into Entra's Tenant URL field (base_url with ?aadOptscim062020 ensured). */
  tenantUrl: z.string(),
  bearerTokenExpiresAt: z.string().nullable(),
  /** True while a rotation has been started and not completed or cancelled. */
  rotating: z.boolean(),
  nextBearerTokenExpiresAt: z.string().nullable(),
  token: TokenStatusSchema,
  nextToken: TokenStatusSchema.nullable(),
});
export type ScimConnectionView = z.infer<typeof ScimConnectionViewSchema>;

/** A role of the project's RBAC policy, as the group → role picker offers it. */
export const RoleOptionSchema = z.object({
  roleId: z.string(),
  description: z.string(),
  /** Stytch's own default roles (`stytch_member`, `stytch_admin`), listed after the project's. */
  stytchDefault: z.boolean(),
});
export type RoleOption = z.infer<typeof RoleOptionSchema>;

/** A SCIM group Entra sent to the connection, with the roles its members get in Stytch. */
export const GroupRolesRowSchema = z.object({
  groupId: z.string(),
  name: z.string(),
  /** Role ids mapped to the group (Stytch allows several; the app sets one). */
  roleIds: z.array(z.string()),
});
export type GroupRolesRow = z.infer<typeof GroupRolesRowSchema>;

/** The connection's SCIM groups and the roles they can be mapped to. */
export const GroupRolesViewSchema = z.object({
  groups: z.array(GroupRolesRowSchema),
  roles: z.array(RoleOptionSchema),
  /** False when the connection has more groups than the app reads (the rest are not listed). */
  complete: z.boolean(),
});
export type GroupRolesView = z.infer<typeof GroupRolesViewSchema>;

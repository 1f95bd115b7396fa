import { z } from 'zod';

/**
 * What the renderer sees of Stytch objects: view models built in main from parsed API
 * responses. They never carry a secret; a token is referred to by a handle.
 */

/** Stytch's two environments, told apart by the project ID prefix. */
export const StytchEnvironmentSchema = z.enum(['test', 'live']);
export type StytchEnvironment = z.infer<typeof StytchEnvironmentSchema>;

/** A Stytch project ID as typed by the user (checked for the test/live prefix in main). */
export const ProjectIdSchema = z.string().trim().min(1).max(200);

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
  connectionId: z.string().min(1).max(300),
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

import { z } from 'zod';

/** SCIM message URNs (RFC 7644 §3.4.2, §3.12) and the media type (§8.1). */
export const SCIM_URN = {
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
} as const;

/** The content type every SCIM response should carry. */
export const SCIM_MEDIA_TYPE = 'application/scim+json';

/**
 * A ListResponse as far as Entra relies on it. `totalResults` is checked separately so its
 * absence gets its own diagnosis; unknown fields are tolerated.
 */
export const ListResponseSchema = z.looseObject({
  schemas: z.array(z.string()),
  totalResults: z.number().int().nonnegative().optional(),
  Resources: z.array(z.unknown()).optional(),
});

/** A SCIM Error body (RFC 7644 §3.12); `status` should be a string, numbers are tolerated. */
const ScimErrorSchema = z.looseObject({
  schemas: z.array(z.string()),
  status: z.union([z.string(), z.number()]).optional(),
  scimType: z.string().optional(),
  detail: z.string().optional(),
});

/** A SCIM resource as returned by a create or read: only `id` is relied on. */
export const ScimResourceSchema = z.looseObject({
  id: z.string().min(1),
  userName: z.string().optional(),
  active: z.union([z.boolean(), z.string()]).optional(),
});

/** The parts of /ServiceProviderConfig the probe reports on. */
export const ServiceProviderConfigSchema = z.looseObject({
  schemas: z.array(z.string()),
  patch: z.looseObject({ supported: z.boolean() }).optional(),
  filter: z.looseObject({ supported: z.boolean(), maxResults: z.number().optional() }).optional(),
  authenticationSchemes: z.array(z.looseObject({ type: z.string().optional() })).optional(),
});

/** True when a SCIM Error body says "Error" in its schemas. */
export function isScimError(body: unknown): body is z.infer<typeof ScimErrorSchema> {
  // Every answer the probe reads is asked this, and most are no error: a look at "schemas"
  // first spares them zod's copy of the whole body.
  const schemas: unknown =
    typeof body === 'object' && body !== null ? (body as { schemas?: unknown }).schemas : undefined;
  if (!Array.isArray(schemas) || !schemas.includes(SCIM_URN.error)) return false;
  return ScimErrorSchema.safeParse(body).success;
}

import { z } from 'zod';

/**
 * What the simulator reads from a SCIM server's answers, checked with zod before use. Loose
 * objects: servers add attributes, and Entra ignores what it does not map. `id` is required on
 * every returned resource (use-scim-to-provision-users-and-groups.md, "General": "id is a
 * required property for all resources").
 */
export const ScimResourceSchema = z.looseObject({ id: z.string().min(1) });

export const ScimUserSchema = z.looseObject({
  id: z.string().min(1),
  userName: z.string().optional(),
  externalId: z.string().optional(),
  displayName: z.string().optional(),
  active: z.union([z.boolean(), z.string()]).optional(),
  emails: z
    .array(z.looseObject({ value: z.string().optional(), type: z.string().optional() }))
    .optional(),
  name: z
    .looseObject({
      givenName: z.string().optional(),
      familyName: z.string().optional(),
      formatted: z.string().optional(),
    })
    .optional(),
});
export type ScimUser = z.infer<typeof ScimUserSchema>;

export const ScimGroupSchema = z.looseObject({
  id: z.string().min(1),
  displayName: z.string().optional(),
});

/** "Response to a query/filter request should always be a ListResponse" (same page). */
export const ListResponseSchema = z.looseObject({
  schemas: z.array(z.string()).optional(),
  totalResults: z.number().int().nonnegative(),
  Resources: z.array(z.unknown()).optional(),
});

/** Parses JSON text, or answers undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { RbacPolicyResponseSchema } from '../../../../shared/stytch/api-schemas';
import { installStandIn } from '../../../support/stand-in-harness';

const t = installStandIn();

/** Stytch's documented Get RBAC Policy answer (api-reference/b2b/api/rbac/overview). */
const documented = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', '..', 'fixtures', 'stytch', 'rbac-policy-response.json'),
    'utf8',
  ),
) as { policy: { roles: object[]; resources: object[] } };

/** Every key of an object and of the objects and lists under it, as `a.b[].c` paths. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => keyPaths(v, `${prefix}[]`)))];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    `${prefix}.${key}`,
    ...keyPaths(inner, `${prefix}.${key}`),
  ]);
}

describe('the stand-in’s Get RBAC Policy', () => {
  it('answers roles and resources with the keys of Stytch’s documented example', async () => {
    const reply = await t.stytch('GET', 'v1/b2b/rbac/policy');
    expect(reply.status).toBe(200);
    const policy = reply.json.policy as { roles: object[]; resources: object[] };
    expect(keyPaths(policy.roles).sort()).toEqual(keyPaths(documented.policy.roles).sort());
    expect(keyPaths(policy.resources).sort()).toEqual(keyPaths(documented.policy.resources).sort());
    expect(RbacPolicyResponseSchema.parse(reply.json).policy?.roles.map((r) => r.role_id)).toEqual([
      'stytch_member',
      'stytch_admin',
      'billing-viewer',
      'support-agent',
    ]);
  });

  it('refuses the project’s credentials when they are wrong, as every Stytch endpoint does', async () => {
    const reply = await t.stytch('GET', 'v1/b2b/rbac/policy', undefined, 'project-test-x:wrong');
    expect(reply.status).toBe(401);
    expect(reply.json.error_type).toBe('unauthorized_credentials');
  });
});

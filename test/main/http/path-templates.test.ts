import { describe, expect, it } from 'vitest';

import { graphPath } from '../../../main/graph/graph-operations';
import { fillTemplate } from '../../../main/http/path-templates';
import { operationPath } from '../../../main/stytch/operations';

/**
 * A path parameter is one segment. `fetch` (WHATWG URL) resolves `.` and `..` segments, so
 * `/servicePrincipals/..` would reach `/` with the admin's token; and a slash or `?` would
 * change the resource. The contract refuses such ids first (shared/ipc.ts); this is the backstop
 * for every API the app calls.
 */
describe('fillTemplate', () => {
  it('encodes each parameter as one segment', () => {
    expect(fillTemplate('/a/{id}/b', { id: 'x/y?z#w' })).toBe('/a/x%2Fy%3Fz%23w/b');
    expect(fillTemplate('/a/{id}', { id: 'scim.0a1b.6e0b3c1a-0000-4000-8000-000000000000' })).toBe(
      '/a/scim.0a1b.6e0b3c1a-0000-4000-8000-000000000000',
    );
  });

  it.each(['.', '..', ''])('refuses %j as a path segment', (id) => {
    expect(() => fillTemplate('/servicePrincipals/{spId}', { spId: id })).toThrow(/path parameter/);
  });

  it('refuses a parameter the template names but the call leaves out', () => {
    expect(() => fillTemplate('/servicePrincipals/{spId}', {})).toThrow(/spId/);
  });

  it('guards the Graph and Stytch operation lists alike', () => {
    expect(() => graphPath('servicePrincipals.get', { spId: '..' })).toThrow(/path parameter/);
    expect(() => operationPath('scim.get', { organization_id: '.' })).toThrow(/path parameter/);
  });
});

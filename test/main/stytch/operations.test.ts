import { describe, expect, it } from 'vitest';

import {
  matchOperation,
  OPERATION_NAMES,
  operationPath,
  STYTCH_OPERATIONS,
  type PathParams,
} from '../../../main/stytch/operations';

const PARAMS: PathParams<'scim.rotate-start'> = {
  organization_id: 'organization-test-1',
  connection_id: 'scim-connection-test-2',
};

describe('the Stytch operations list', () => {
  it('leads every path the client builds back to the same operation at the stand-in', () => {
    for (const operation of OPERATION_NAMES) {
      const { method } = STYTCH_OPERATIONS[operation];
      const path = operationPath(operation, PARAMS);
      expect(matchOperation(method, path)?.operation, operation).toBe(operation);
    }
  });

  it('encodes path parameters, so an id cannot reach another endpoint, and decodes them back', () => {
    const path = operationPath('scim.get', { organization_id: 'acme/../x y' });
    expect(path).toBe('/v1/b2b/scim/acme%2F..%2Fx%20y/connection');
    expect(matchOperation('GET', path)).toEqual({
      operation: 'scim.get',
      params: { organization_id: 'acme/../x y' },
    });
    expect(matchOperation('PATCH', path)).toBeNull();
  });
});

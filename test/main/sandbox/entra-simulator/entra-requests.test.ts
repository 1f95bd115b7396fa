import { describe, expect, it } from 'vitest';

import {
  attributeChanges,
  mapUser,
} from '../../../../main/sandbox/entra-simulator/attribute-mapping';
import {
  createGroup,
  createUser,
  getGroup,
  groupQuery,
  patchMembers,
  randomGroupQuery,
  updateUser,
  userQuery,
} from '../../../../main/sandbox/entra-simulator/entra-requests';
import { requestUrl, tenantTarget } from '../../../../main/sandbox/entra-simulator/scim-client';
import { initialDirectory } from './fixtures';

// Samples quoted from MicrosoftDocs/entra-docs: [T] use-scim-to-provision-users-and-groups.md,
// "SCIM protocol requests and responses"; [C] application-provisioning-config-problem-scim-
// compatibility.md, "Flags to alter the SCIM behavior".
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const alice = initialDirectory().users[0];
if (alice === undefined) throw new Error('fixture');

describe('entra requests: creates and queries', () => {
  it('builds Create User with the fields and order of Entra’s sample [T]', () => {
    const { method, path, body } = createUser(mapUser(alice, true));
    expect([method, path]).toEqual(['POST', '/Users']);
    expect(Object.keys(body ?? {})).toEqual([
      'schemas',
      'externalId',
      'userName',
      'active',
      'displayName',
      'emails',
      'meta',
      'name',
      'roles',
    ]);
    expect(body?.schemas).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ]);
    expect(body?.externalId).toBe(alice.objectId);
    expect(body?.userName).toBe('alice@contoso.com');
    expect(body?.active).toBe(true);
    expect(body?.displayName).toBe('Alice Example');
    expect(body?.emails).toEqual([{ primary: true, type: 'work', value: 'alice@contoso.com' }]);
    expect(body?.meta).toEqual({ resourceType: 'User' });
    expect(body?.name).toEqual({
      formatted: 'Alice Example',
      familyName: 'Example',
      givenName: 'Alice',
    });
    expect(Object.keys(body?.name as object)).toEqual(['formatted', 'familyName', 'givenName']);
    expect(body?.roles).toEqual([]);
  });

  it('leaves out attributes the user has no value for', () => {
    const bare = { ...alice, mail: null, givenName: null, surname: '', displayName: undefined };
    const body = createUser(mapUser(bare, true)).body ?? {};
    expect(Object.keys(body)).toEqual([
      'schemas',
      'externalId',
      'userName',
      'active',
      'meta',
      'roles',
    ]);
  });

  it('builds Create Group empty, with Entra’s two schemas [T]', () => {
    const group = initialDirectory().groups[0];
    expect(group && createGroup(group)).toEqual({
      method: 'POST',
      path: '/Groups',
      query: [],
      body: {
        schemas: [
          'urn:ietf:params:scim:schemas:core:2.0:Group',
          'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
        ],
        externalId: group?.objectId,
        displayName: 'Engineering',
        meta: { resourceType: 'Group' },
      },
    });
  });

  it('queries users and groups as Entra does, form-encoded, without the flag in the URL [T]', () => {
    const target = tenantTarget('https://scim.example/v1/b2b/scim/c1?aadOptscim062020');
    if (target === null) throw new Error('target');
    expect(target.flag).toBe(true);
    expect(requestUrl(target, userQuery('userName', 'alice@contoso.com'))).toBe(
      'https://scim.example/v1/b2b/scim/c1/Users?filter=userName+eq+%22alice%40contoso.com%22',
    );
    expect(requestUrl(target, userQuery('externalId', alice.objectId))).toBe(
      `https://scim.example/v1/b2b/scim/c1/Users?filter=externalId+eq+%22${alice.objectId}%22`,
    );
    expect(requestUrl(target, groupQuery('Engineering'))).toBe(
      'https://scim.example/v1/b2b/scim/c1/Groups?excludedAttributes=members&filter=displayName+eq+%22Engineering%22',
    );
    expect(randomGroupQuery('g-1')).toEqual(groupQuery('g-1'));
    expect(requestUrl(target, getGroup('40734ae6'))).toBe(
      'https://scim.example/v1/b2b/scim/c1/Groups/40734ae6?excludedAttributes=members',
    );
  });
});

describe('entra requests: the two PATCH dialects [C]', () => {
  it('disables with "False" without the flag and false with it', () => {
    expect(updateUser('u1', [], false, 'legacy').body).toEqual({
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(updateUser('u1', [], false, 'flagged').body).toEqual({
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    expect(updateUser('u1', [], true, 'legacy').body?.Operations).toEqual([
      { op: 'Replace', path: 'active', value: 'True' },
    ]);
    expect(updateUser('u1', [], true, 'flagged').body?.Operations).toEqual([
      { op: 'replace', path: 'active', value: true },
    ]);
  });

  it('adds a single value with Add without the flag and add with it', () => {
    const added = [{ path: 'displayName', kind: 'add', oldValue: null, newValue: 'Babs' }] as const;
    expect(updateUser('u1', added, null, 'legacy').body?.Operations).toEqual([
      { op: 'Add', path: 'displayName', value: 'Babs' },
    ]);
    expect(updateUser('u1', added, null, 'flagged').body?.Operations).toEqual([
      { op: 'add', path: 'displayName', value: 'Babs' },
    ]);
  });

  it('replaces several attributes one op per path without the flag, one path-less op with it', () => {
    const married = {
      ...alice,
      surname: 'Smith',
      displayName: 'Alice Smith',
      mail: 'a.smith@contoso.com',
    };
    const changes = attributeChanges(mapUser(married, true), mapUser(alice, true));
    expect(updateUser('u1', changes, null, 'legacy').body?.Operations).toEqual([
      { op: 'Replace', path: 'displayName', value: 'Alice Smith' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'a.smith@contoso.com' },
      { op: 'Replace', path: 'name.familyName', value: 'Smith' },
      { op: 'Replace', path: 'name.formatted', value: 'Alice Smith' },
    ]);
    expect(updateUser('u1', changes, null, 'flagged').body?.Operations).toEqual([
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'a.smith@contoso.com' },
      {
        op: 'replace',
        value: {
          displayName: 'Alice Smith',
          'name.familyName': 'Smith',
          'name.formatted': 'Alice Smith',
        },
      },
    ]);
  });

  it('adds members with $ref null [T] and removes them in each dialect’s form [C]', () => {
    expect(patchMembers('g1', ['f648f8d5'], [], 'legacy').body).toEqual({
      schemas: [PATCH_OP],
      Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: 'f648f8d5' }] }],
    });
    expect(patchMembers('g1', [], ['u1091'], 'legacy').body?.Operations).toEqual([
      { op: 'Remove', path: 'members', value: [{ value: 'u1091' }] },
    ]);
    expect(patchMembers('g1', [], ['7f4bc1a3', '8e5cd2b4'], 'flagged').body?.Operations).toEqual([
      { op: 'remove', path: 'members[value eq "7f4bc1a3"]' },
      { op: 'remove', path: 'members[value eq "8e5cd2b4"]' },
    ]);
    expect(patchMembers('g1', ['a'], ['b'], 'flagged').body?.Operations).toEqual([
      { op: 'add', path: 'members', value: [{ $ref: null, value: 'a' }] },
      { op: 'remove', path: 'members[value eq "b"]' },
    ]);
  });
});

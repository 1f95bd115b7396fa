import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type {
  B2BOrganizationsGetResponse,
  B2BOrganizationsMembersSearchRequest,
  B2BOrganizationsMembersSearchResponse,
  B2BOrganizationsResultsMetadata,
  B2BOrganizationsSearchRequest,
  B2BOrganizationsSearchResponse,
  B2BSCIMConnectionCreateRequest,
  B2BSCIMConnectionCreateResponse,
  B2BSCIMConnectionDeleteResponse,
  B2BSCIMConnectionGetGroupsRequest,
  B2BSCIMConnectionGetGroupsResponse,
  B2BSCIMConnectionGetResponse,
  B2BSCIMConnectionRotateCancelResponse,
  B2BSCIMConnectionRotateCompleteResponse,
  B2BSCIMConnectionRotateStartResponse,
  B2BSCIMConnectionUpdateRequest,
  B2BSCIMConnectionUpdateResponse,
  B2BRBACPolicyResponse,
  PolicyRole as SdkPolicyRole,
  Member as SdkMember,
  SCIMAttributes,
  SCIMConnection,
  SCIMGroupImplicitRoleAssignments,
  SCIMConnectionWithNextToken,
  SCIMConnectionWithToken,
  SCIMRegistration,
} from 'stytch';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';

import {
  ConnectionResponseSchema,
  CreateConnectionResponseSchema,
  DeleteConnectionResponseSchema,
  GetConnectionResponseSchema,
  GetGroupsResponseSchema,
  GetOrganizationResponseSchema,
  ImplicitRoleAssignmentSchema,
  MemberSchema,
  PolicyRoleSchema,
  RbacPolicyResponseSchema,
  RotateStartResponseSchema,
  ScimAttributesSchema,
  ScimConnectionSchema,
  ScimConnectionWithNextTokenSchema,
  ScimConnectionWithTokenSchema,
  ScimRegistrationSchema,
  SearchMembersResponseSchema,
  SearchOrganizationsResponseSchema,
  StytchErrorBodySchema,
} from '../../../shared/stytch/api-schemas';
import { isRotating } from '../../../main/stytch/connection-view';
import {
  createConnectionBody,
  type SearchMembersRequest,
  type SearchOrganizationsRequest,
  type StytchClient,
  type UpdateConnectionBody,
} from '../../../main/stytch/stytch-client';
import { stytchAppError } from '../../../main/stytch/stytch-errors';

type Out<S extends z.ZodType> = z.output<S>;
type In<S extends z.ZodType> = z.input<S>;
/** The SDK marks `connection` optional everywhere; the app requires it on a success that must carry it. */
type WithConnection<T, C> = T & { connection: C };

describe('the production schemas match the official stytch SDK types (checked by tsc)', () => {
  it('reads SCIM connections exactly as the SDK types them, both ways', () => {
    expectTypeOf<Out<typeof ScimConnectionSchema>>().toExtend<SCIMConnection>();
    expectTypeOf<SCIMConnection>().toExtend<In<typeof ScimConnectionSchema>>();
    expectTypeOf<Out<typeof ScimConnectionWithTokenSchema>>().toExtend<SCIMConnectionWithToken>();
    expectTypeOf<SCIMConnectionWithToken>().toExtend<In<typeof ScimConnectionWithTokenSchema>>();
    expectTypeOf<
      Out<typeof ScimConnectionWithNextTokenSchema>
    >().toExtend<SCIMConnectionWithNextToken>();
    expectTypeOf<SCIMConnectionWithNextToken>().toExtend<
      In<typeof ScimConnectionWithNextTokenSchema>
    >();
  });

  it('reads every SCIM connection response the SDK types, and produces one the SDK would accept', () => {
    expectTypeOf<
      Out<typeof CreateConnectionResponseSchema>
    >().toExtend<B2BSCIMConnectionCreateResponse>();
    expectTypeOf<
      WithConnection<B2BSCIMConnectionCreateResponse, SCIMConnectionWithToken>
    >().toExtend<In<typeof CreateConnectionResponseSchema>>();
    expectTypeOf<
      Out<typeof GetConnectionResponseSchema>
    >().toExtend<B2BSCIMConnectionGetResponse>();
    expectTypeOf<B2BSCIMConnectionGetResponse>().toExtend<In<typeof GetConnectionResponseSchema>>();
    expectTypeOf<
      Out<typeof ConnectionResponseSchema>
    >().toExtend<B2BSCIMConnectionUpdateResponse>();
    expectTypeOf<
      Out<typeof ConnectionResponseSchema>
    >().toExtend<B2BSCIMConnectionRotateCompleteResponse>();
    expectTypeOf<
      Out<typeof ConnectionResponseSchema>
    >().toExtend<B2BSCIMConnectionRotateCancelResponse>();
    expectTypeOf<WithConnection<B2BSCIMConnectionUpdateResponse, SCIMConnection>>().toExtend<
      In<typeof ConnectionResponseSchema>
    >();
    expectTypeOf<
      Out<typeof RotateStartResponseSchema>
    >().toExtend<B2BSCIMConnectionRotateStartResponse>();
    expectTypeOf<
      WithConnection<B2BSCIMConnectionRotateStartResponse, SCIMConnectionWithNextToken>
    >().toExtend<In<typeof RotateStartResponseSchema>>();
    expectTypeOf<
      Out<typeof DeleteConnectionResponseSchema>
    >().toExtend<B2BSCIMConnectionDeleteResponse>();
    expectTypeOf<B2BSCIMConnectionDeleteResponse>().toExtend<
      In<typeof DeleteConnectionResponseSchema>
    >();
    expectTypeOf<
      Out<typeof GetGroupsResponseSchema>
    >().toExtend<B2BSCIMConnectionGetGroupsResponse>();
    expectTypeOf<B2BSCIMConnectionGetGroupsResponse>().toExtend<
      In<typeof GetGroupsResponseSchema>
    >();
  });

  it('reads every organization the SDK types (the app keeps only the fields it needs)', () => {
    expectTypeOf<B2BOrganizationsSearchResponse>().toExtend<
      In<typeof SearchOrganizationsResponseSchema>
    >();
    expectTypeOf<B2BOrganizationsGetResponse>().toExtend<
      In<typeof GetOrganizationResponseSchema>
    >();
  });

  it('reads every member and members search answer the SDK types, keeping the SDK’s types for what it keeps', () => {
    expectTypeOf<B2BOrganizationsMembersSearchResponse>().toExtend<
      In<typeof SearchMembersResponseSchema>
    >();
    expectTypeOf<SdkMember>().toExtend<In<typeof MemberSchema>>();
    expectTypeOf<Out<typeof MemberSchema>>().toExtend<
      Pick<
        SdkMember,
        | 'organization_id'
        | 'member_id'
        | 'email_address'
        | 'status'
        | 'name'
        | 'roles'
        | 'external_id'
        | 'created_at'
        | 'updated_at'
      >
    >();
    expectTypeOf<Out<typeof ScimRegistrationSchema>>().toExtend<
      Omit<SCIMRegistration, 'scim_attributes'>
    >();
    expectTypeOf<Out<typeof ScimAttributesSchema>>().toExtend<
      Pick<
        SCIMAttributes,
        'user_name' | 'id' | 'external_id' | 'display_name' | 'emails' | 'groups'
      >
    >();
    expectTypeOf<
      Out<typeof SearchMembersResponseSchema>['results_metadata']
    >().toExtend<B2BOrganizationsResultsMetadata>();
    expectTypeOf<
      Out<typeof ImplicitRoleAssignmentSchema>
    >().toExtend<SCIMGroupImplicitRoleAssignments>();
  });

  it('reads the RBAC policy the SDK types, keeping its types for the role fields it keeps', () => {
    expectTypeOf<B2BRBACPolicyResponse>().toExtend<In<typeof RbacPolicyResponseSchema>>();
    expectTypeOf<Out<typeof PolicyRoleSchema>>().toExtend<
      Pick<SdkPolicyRole, 'role_id' | 'description'>
    >();
  });

  it('sends request bodies the SDK’s request types allow', () => {
    // Each assignment carries the two fields Stytch's Update page requires; the SDK's type reuses
    // the answer's entry, which also has group_name (see UpdateConnectionBody).
    expectTypeOf<Omit<UpdateConnectionBody, 'scim_group_implicit_role_assignments'>>().toExtend<
      Pick<B2BSCIMConnectionUpdateRequest, 'display_name' | 'identity_provider'>
    >();
    expectTypeOf<UpdateConnectionBody['scim_group_implicit_role_assignments'][number]>().toExtend<
      Pick<SCIMGroupImplicitRoleAssignments, 'group_id' | 'role_id'>
    >();
    expectTypeOf<SearchOrganizationsRequest>().toExtend<B2BOrganizationsSearchRequest>();
    expectTypeOf<SearchMembersRequest>().toExtend<B2BOrganizationsMembersSearchRequest>();
    expectTypeOf<Parameters<StytchClient['getGroups']>[2]>().toExtend<
      Pick<B2BSCIMConnectionGetGroupsRequest, 'cursor' | 'limit'> | undefined
    >();
    expectTypeOf<ReturnType<typeof createConnectionBody>>().toExtend<
      Omit<B2BSCIMConnectionCreateRequest, 'organization_id'>
    >();
  });
});

const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'stytch', name), 'utf8'),
  );

describe('the documented example bodies parse through the production schemas', () => {
  it('parses the Create example, keeping the token and defaulting the omitted role assignments', () => {
    const parsed = CreateConnectionResponseSchema.parse(fixture('create-connection-response.json'));
    expect(parsed.connection).toMatchObject({
      bearer_token: '9LmcAfUxGGMSNzfROGY762wTD3A6DQsD3hmxbrAJaEjTsdko',
      bearer_token_expires_at: '2029-03-20T21:28:28Z',
      scim_group_implicit_role_assignments: [],
    });
  });

  it('parses the connection object example through all three connection variants', () => {
    const { connection } = fixture('connection-object.json') as { connection: unknown };
    const plain = ScimConnectionSchema.parse(connection);
    expect(plain.bearer_token_last_four).toBe('sdko');
    expect(isRotating(plain)).toBe(true);
    expect(ScimConnectionWithTokenSchema.parse(connection).bearer_token).toHaveLength(48);
    expect(ScimConnectionWithNextTokenSchema.parse(connection).next_bearer_token).toHaveLength(48);
  });

  it('parses the RBAC overview’s policy example, which has no request_id and no scopes', () => {
    const parsed = RbacPolicyResponseSchema.parse(fixture('rbac-policy-response.json'));
    expect(parsed).toEqual({
      request_id: '',
      status_code: 200,
      policy: {
        roles: [
          { role_id: 'stytch_admin', description: 'Full access to all organization resources' },
        ],
      },
    });
  });

  it('parses the Update example, which omits the role assignments and the next token’s last four', () => {
    const parsed = ConnectionResponseSchema.parse(fixture('update-connection-response.json'));
    expect(parsed.connection).toMatchObject({
      scim_group_implicit_role_assignments: [],
      next_bearer_token_last_four: '',
      bearer_token_last_four: 'sdko',
    });
  });

  it('parses the Get groups example (placeholders), with next_cursor at the top level', () => {
    const parsed = GetGroupsResponseSchema.parse(fixture('get-groups-response.json'));
    expect(parsed.scim_groups).toHaveLength(1);
    expect(parsed.next_cursor).toBe('<string>');
  });

  it('parses the search example, reading next_cursor null as “no more pages”', () => {
    const parsed = SearchOrganizationsResponseSchema.parse(
      fixture('search-organizations-response.json'),
    );
    expect(parsed.results_metadata).toEqual({ total: 5, next_cursor: undefined });
  });

  it('parses a documented member, with nulls and fields it does not keep, and a SCIM registration', () => {
    // The Member example of Stytch's frontend docs (self.getSync), plus the scim_registration
    // fields of reference stytch-members-scim.md §2.
    const parsed = MemberSchema.parse({
      organization_id: 'organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931',
      member_id: 'member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f',
      email_address: 'sandbox@stytch.com',
      email_address_verified: true,
      status: 'active',
      name: 'Test User',
      mfa_phone_number: null,
      roles: [],
      created_at: '2023-01-01T00:00:00Z',
      updated_at: '2023-01-01T00:00:00Z',
      scim_registration: {
        connection_id: 'scim-connection-test-1',
        registration_id: 'scim-registration-test-1',
        external_id: 'entra-object-id',
        scim_attributes: { user_name: 'sandbox@stytch.com', active: true, groups: null },
      },
    });
    expect(parsed).toMatchObject({ status: 'active', name: 'Test User', roles: [] });
    expect(parsed.scim_registration).toMatchObject({
      connection_id: 'scim-connection-test-1',
      external_id: 'entra-object-id',
      scim_attributes: { user_name: 'sandbox@stytch.com', active: true, emails: [], groups: [] },
    });
  });

  it.each([
    ['error-401-unauthorized-credentials.json', 'STYTCH_BAD_CREDENTIALS'],
    ['error-429-too-many-requests.json', 'STYTCH_RATE_LIMITED'],
    ['error-500-internal-server-error.json', 'STYTCH_SERVER_ERROR'],
    ['error-400-active-scim-connection-exists.json', 'STYTCH_SCIM_CONNECTION_EXISTS'],
  ])('parses %s and maps it to %s', (file, code) => {
    const body = StytchErrorBodySchema.parse(fixture(file));
    const error = stytchAppError({ status: body.status_code ?? 0, body });
    expect(error).toMatchObject({
      code,
      requestId: 'request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141',
    });
  });

  it('sends the body Stytch’s Entra guide shows', () => {
    expect(
      createConnectionBody({
        displayName: 'Example Display Name',
        identityProvider: 'microsoft-entra',
      }),
    ).toEqual(fixture('create-connection-request-entra.json'));
  });

  it('rejects an answer missing a required field instead of crashing', () => {
    const { connection } = fixture('connection-object.json') as {
      connection: Record<string, unknown>;
    };
    const { base_url: _dropped, ...withoutBaseUrl } = connection;
    const result = ScimConnectionSchema.safeParse(withoutBaseUrl);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['base_url']);
  });

  it('folds an OAuth2-style error body onto Stytch’s fields', () => {
    const body = StytchErrorBodySchema.parse({
      error: 'unauthorized_credentials',
      error_description: 'Bad.',
    });
    expect(body).toMatchObject({ error_type: 'unauthorized_credentials', error_message: 'Bad.' });
  });
});

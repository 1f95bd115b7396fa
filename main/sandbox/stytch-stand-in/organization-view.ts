import type { Organization } from 'stytch';

import type { OrgRecord } from './records';

/**
 * An organization in the full shape of the SDK's `Organization` (so the stand-in cannot drift from
 * it), with the settings the stand-in does not model at neutral values.
 */
export function organizationView(org: OrgRecord): Organization {
  return {
    organization_id: org.organization_id,
    organization_name: org.organization_name,
    organization_slug: org.organization_slug,
    organization_logo_url: '',
    sso_jit_provisioning: 'NOT_ALLOWED',
    sso_jit_provisioning_allowed_connections: [],
    sso_active_connections: [],
    email_allowed_domains: [],
    email_jit_provisioning: 'NOT_ALLOWED',
    email_invites: 'ALL_ALLOWED',
    auth_methods: 'ALL_ALLOWED',
    allowed_auth_methods: [],
    mfa_policy: 'OPTIONAL',
    rbac_email_implicit_role_assignments: [],
    mfa_methods: 'ALL_ALLOWED',
    allowed_mfa_methods: [],
    oauth_tenant_jit_provisioning: 'NOT_ALLOWED',
    claimed_email_domains: [],
    first_party_connected_apps_allowed_type: 'ALL_ALLOWED',
    allowed_first_party_connected_apps: [],
    third_party_connected_apps_allowed_type: 'ALL_ALLOWED',
    allowed_third_party_connected_apps: [],
    custom_roles: [],
    created_at: org.created_at,
    updated_at: org.created_at,
    ...(org.active
      ? {
          scim_active_connection: {
            connection_id: org.active.connection_id,
            display_name: org.active.display_name,
            bearer_token_last_four: org.active.current.value.slice(-4),
            bearer_token_expires_at: org.active.current.expiresAt,
          },
        }
      : {}),
  };
}

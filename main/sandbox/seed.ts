import type { OrganizationSeed } from './stytch-stand-in/state';

/** Ids of the seeded organizations, so tests and the e2e script can address them directly. */
export const SEEDED_ORGANIZATIONS = {
  /** No connection yet: the wizard's happy path. */
  acme: 'organization-test-5f0c8a52-2d6b-4c1e-9a57-acme00000001',
  /** Already has a connection whose token nobody has: "reuse or rotate". */
  globex: 'organization-test-7b1d9e63-3e7c-4d2f-8b68-globex000002',
  /** No connection yet, and every connection it gets has a faulty SCIM endpoint (filter-404). */
  initech: 'organization-test-9c2eaf74-4f8d-4e30-9c79-initech00003',
  /** Has a connection whose token expires in 10 days: the expiry warning and its rotation. */
  hooli: 'organization-test-4e8b1f25-6a3c-4b7d-8e90-hooli0000008',
} as const;

const extra = (index: number, name: string, slug: string): OrganizationSeed => ({
  organization_id: `organization-test-0d3f${String(index).padStart(4, '0')}-5a9e-4f41-8d8a-extra0000${String(index).padStart(3, '0')}`,
  organization_name: name,
  organization_slug: slug,
});

/**
 * The sandbox's example organizations. Enough of them to page through with a small `limit`, one
 * with an existing connection, one ("Initech") whose SCIM endpoint fails Entra's Test
 * Connection (a filtered GET answers 404), so a rehearsal can show the probe catching it, and one
 * ("Hooli") whose token expires in 10 days, so it can show the expiry warning.
 */
export const DEFAULT_SEED: readonly OrganizationSeed[] = [
  {
    organization_id: SEEDED_ORGANIZATIONS.acme,
    organization_name: 'Acme Corporation',
    organization_slug: 'acme-corp',
  },
  {
    organization_id: SEEDED_ORGANIZATIONS.globex,
    organization_name: 'Globex',
    organization_slug: 'globex',
    connection: { display_name: 'Globex Entra provisioning', identity_provider: 'microsoft-entra' },
  },
  {
    organization_id: SEEDED_ORGANIZATIONS.initech,
    organization_name: 'Initech (faulty SCIM endpoint)',
    organization_slug: 'initech',
    scimFault: 'filter-404',
  },
  {
    organization_id: SEEDED_ORGANIZATIONS.hooli,
    organization_name: 'Hooli (token expires soon)',
    organization_slug: 'hooli',
    connection: {
      display_name: 'Hooli Entra provisioning',
      identity_provider: 'microsoft-entra',
      tokenExpiresInDays: 10,
    },
  },
  extra(4, 'Umbrella Health', 'umbrella-health'),
  extra(5, 'Stark Industries', 'stark-industries'),
  extra(6, 'Wayne Enterprises', 'wayne-enterprises'),
  extra(7, 'Acme Labs', 'acme-labs'),
];

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NON_GALLERY_TEMPLATE_ID } from '../../../main/graph/graph-queries';
import type { StandInApp } from '../../../main/sandbox/graph-stand-in/tenant';
import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { startEntraHarness, type EntraHarness } from './entra-harness';

/**
 * entra:useApp is the one request that names a service principal, so it decides which of the
 * tenant's apps the later writes (credentials, assignments, start, restart) go to. Through the
 * app's own dispatcher and the sandbox's Graph stand-in: another vendor's app is refused, and a
 * SCIM app already set up for another endpoint is linked only once the admin confirms its host.
 */

const acme = SEEDED_ORGANIZATIONS.acme;

/**
 * A gallery app's template: any id but the non-gallery one (made up; Entra gives each gallery
 * app its own). Salesforce's SCIM base, `https://<instance>.my.salesforce.com/services/scim/v2`
 * (Salesforce SCIM REST API Developer Guide), stands for where such an app provisions to.
 */
const GALLERY_TEMPLATE_ID = '0f2a8b7c-5d4e-4f3a-9b2c-1d0e9f8a7b6c';
const SALESFORCE_BASE = 'https://contoso.my.salesforce.com/services/scim/v2';
const SALESFORCE_TOKEN = 'salesforce-token-never-replaced-0000';
/** The Tenant URL Microsoft's own steps show (stytch-and-entra.md, Entra's SCIM tutorial). */
const OTHER_SCIM_BASE = 'https://api.contoso.com/scim/';

describe('entra:useApp, the one request that names a service principal', () => {
  let app: EntraHarness;
  let tenantUrl: string;

  const state = () => app.sandbox.microsoft.graph.state;

  /** Another enterprise app of the tenant, readable at once, with a job holding credentials. */
  function tenantApp(
    displayName: string,
    options: { gallery: boolean; jobTemplate: string; baseAddress: string | null },
  ): StandInApp {
    const made = state().createApp(displayName);
    made.unreplicatedReads = 0;
    if (options.gallery) {
      made.applicationTemplateId = GALLERY_TEMPLATE_ID;
      made.tags = [];
    }
    state().createJob(made, options.jobTemplate);
    if (options.baseAddress !== null) {
      made.secrets = [
        { key: 'BaseAddress', value: options.baseAddress },
        { key: 'SecretToken', value: SALESFORCE_TOKEN },
        ...made.secrets,
      ];
    }
    return made;
  }

  beforeAll(async () => {
    app = await startEntraHarness();
    await app.ok('microsoft:signIn', { action: 'configure-provisioning' });
    const created = await app.ok('scim:createConnection', {
      organizationId: acme,
      displayName: 'Microsoft Entra ID',
    });
    tenantUrl = created.connection.tenantUrl;
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a gallery app without a SCIM job (Salesforce), and nothing is linked or written', async () => {
    const salesforce = tenantApp('Salesforce (production)', {
      gallery: true,
      jobTemplate: 'salesforce',
      baseAddress: SALESFORCE_BASE,
    });
    const before = structuredClone(salesforce.secrets);
    const answer = await app.call('entra:useApp', {
      organizationId: acme,
      servicePrincipalId: salesforce.spId,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'ENTRA_APP_NOT_SCIM' } });
    expect(answer.ok ? '' : answer.error.message).toContain('Salesforce (production)');
    const connectionId = (await app.ok('scim:getConnection', { organizationId: acme })).connection
      ?.connectionId;
    const saved = await app.call('entra:saveCredentials', {
      organizationId: acme,
      connectionId: connectionId ?? '',
    });
    expect(saved).toMatchObject({ ok: false, error: { code: 'ENTRA_STEP_MISSING' } });
    expect(salesforce.secrets).toEqual(before);
    expect((await app.ok('entra:get', { organizationId: acme })).app).toBeNull();
  });

  it('asks before linking a non-gallery app whose job provisions to another host, naming it', async () => {
    const other = tenantApp('Stytch SCIM (other vendor)', {
      gallery: false,
      jobTemplate: 'scim',
      baseAddress: OTHER_SCIM_BASE,
    });
    const request = { organizationId: acme, servicePrincipalId: other.spId };
    const asked = await app.ok('entra:useApp', request);
    expect(asked).toEqual({
      outcome: 'confirm',
      app: expect.objectContaining({ servicePrincipalId: other.spId }) as unknown,
      host: 'api.contoso.com',
    });
    expect((await app.ok('entra:get', { organizationId: acme })).app).toBeNull();
    // A confirmation for a host other than the one main read is no confirmation.
    const wrong = await app.ok('entra:useApp', { ...request, confirmHost: 'evil.example' });
    expect(wrong).toMatchObject({ outcome: 'confirm', host: 'api.contoso.com' });
    const linked = await app.ok('entra:useApp', { ...request, confirmHost: 'api.contoso.com' });
    expect(linked).toMatchObject({
      outcome: 'linked',
      view: { app: { servicePrincipalId: other.spId } },
    });
    expect((await app.ok('entra:get', { organizationId: acme })).app?.servicePrincipalId).toBe(
      other.spId,
    );
  });

  it('links at once an app whose job already holds this connection’s Tenant URL, or none', async () => {
    const ours = tenantApp('Stytch SCIM – Acme', {
      gallery: false,
      jobTemplate: 'scim',
      baseAddress: tenantUrl,
    });
    const fresh = tenantApp('Stytch SCIM – new', {
      gallery: false,
      jobTemplate: 'scim',
      baseAddress: null,
    });
    for (const candidate of [ours, fresh]) {
      const answer = await app.ok('entra:useApp', {
        organizationId: acme,
        servicePrincipalId: candidate.spId,
      });
      expect(answer).toMatchObject({
        outcome: 'linked',
        view: { app: { servicePrincipalId: candidate.spId, nonGallery: true } },
      });
    }
  });

  it('accepts a gallery-made app that has a SCIM job (provisioning set up as Entra documents)', async () => {
    const scimJob = tenantApp('Made from a gallery entry', {
      gallery: true,
      jobTemplate: 'scim',
      baseAddress: null,
    });
    const answer = await app.ok('entra:useApp', {
      organizationId: acme,
      servicePrincipalId: scimJob.spId,
    });
    expect(answer).toMatchObject({ outcome: 'linked' });
    expect(scimJob.applicationTemplateId).not.toBe(NON_GALLERY_TEMPLATE_ID);
  });
});

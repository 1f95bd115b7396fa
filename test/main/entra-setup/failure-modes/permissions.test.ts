import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { EntraSetupViewSchema } from '../../../../shared/entra/entra-views';
import { GRAPH_ACTIONS } from '../../../../shared/entra/graph-permissions';
import { startEntraHarness, type EntraHarness } from '../entra-harness';
import { ACME, APP_NAME, expectRequestIdShown, refusal, requestsOf, signInAs } from './support';

/**
 * Graph failure modes (issue 13) through the app's IPC path: the real dispatcher and handler
 * tables, the Entra steps and MicrosoftSession over the sandbox's identity and Graph stand-ins.
 * Each test asserts what the admin sees: code, message, hint and client request ID.
 */
let app: EntraHarness;

beforeEach(async () => {
  app = await startEntraHarness();
});

afterEach(async () => {
  await app.close();
});

describe('Authorization_RequestDenied: the signed-in account lacks the admin role', () => {
  it('refuses entra:createApp for Megan (no admin role), naming the roles and permission she needs', async () => {
    await signInAs(app, 'megan', 'create-app');

    const error = refusal(
      await app.call('entra:createApp', { organizationId: ACME, displayName: APP_NAME }),
    );

    expect(error.code).toBe('GRAPH_PERMISSION_DENIED');
    expect(error.message).toContain('applicationTemplates.instantiate');
    expect(error.message).toContain('insufficient privileges');
    for (const role of GRAPH_ACTIONS['create-app'].roles) expect(error.hint).toContain(role);
    for (const permission of GRAPH_ACTIONS['create-app'].permissions)
      expect(error.hint).toContain(permission);
    expectRequestIdShown(app, error, 'applicationTemplates.instantiate');
    // Refused before anything was made; nothing remembered.
    expect(app.sandbox.microsoft.graph.state.apps).toEqual([]);
    const view = EntraSetupViewSchema.parse(await app.ok('entra:get', { organizationId: ACME }));
    expect(view.app).toBeNull();
  });
});

describe('consent withheld', () => {
  it('turns AADSTS65001 at token renewal into MICROSOFT_CONSENT_REQUIRED naming the permission, and sends Graph nothing', async () => {
    // The tenant has consented to nothing; signing in for read-apps consents to that alone.
    app.sandbox.microsoft.identity.consented = new Set();
    await signInAs(app, 'adele', 'read-apps');
    expect(
      (await app.ok('entra:findApps', { organizationId: ACME, displayName: APP_NAME })).apps,
    ).toEqual([]);

    const error = refusal(
      await app.call('entra:createApp', { organizationId: ACME, displayName: APP_NAME }),
    );

    expect(error.code).toBe('MICROSOFT_CONSENT_REQUIRED');
    expect(error.action).toBe('create-app');
    expect(error.message).toContain('AADSTS65001');
    for (const permission of GRAPH_ACTIONS['create-app'].permissions)
      expect(error.hint).toContain(permission);
    expect(error.hint).toMatch(/grant admin consent/i);
    // Refused at the token: no Graph request, so no client request ID to show.
    expect(requestsOf(app, 'applicationTemplates.instantiate')).toEqual([]);
    expect(error.requestId).toBeUndefined();
    // No browser opened behind the admin's back.
    expect(app.opened).toHaveLength(1);
  });

  it('answers a directory 403 for a withheld scope with GRAPH_PERMISSION_DENIED naming that permission and the roles', async () => {
    await signInAs(app, 'adele', 'create-app');
    await app.ok('entra:createApp', { organizationId: ACME, displayName: APP_NAME });
    const [needed] = GRAPH_ACTIONS['configure-provisioning'].permissions;
    app.sandbox.microsoft.graph.controls.withholdConsent(needed);

    const error = refusal(await app.call('entra:ensureJob', { organizationId: ACME }));

    // Directory APIs answer the generic "Insufficient privileges" (reference §5): role or
    // consent cannot be told apart, so the hint names both.
    expect(error.code).toBe('GRAPH_PERMISSION_DENIED');
    expect(error.message).toContain('jobs.create');
    expect(error.hint).toContain(needed);
    expect(error.hint).toMatch(/admin consent/i);
    for (const role of GRAPH_ACTIONS['configure-provisioning'].roles)
      expect(error.hint).toContain(role);
    expectRequestIdShown(app, error, 'jobs.create');
    expect(app.sandbox.microsoft.graph.state.jobs.size).toBe(0);
  });

  it('answers a reporting API without its permission with MICROSOFT_CONSENT_REQUIRED naming it (in health, as logError)', async () => {
    await signInAs(app, 'adele', 'create-app');
    await app.ok('entra:createApp', { organizationId: ACME, displayName: APP_NAME });
    await app.ok('entra:ensureJob', { organizationId: ACME });
    const [needed] = GRAPH_ACTIONS['read-provisioning-logs'].permissions;
    app.sandbox.microsoft.graph.controls.withholdConsent(needed);

    const health = await app.ok('entra:health', { organizationId: ACME });

    const error = health.logError;
    if (error === null) throw new Error('expected the log read to fail');
    expect(error.code).toBe('MICROSOFT_CONSENT_REQUIRED');
    for (const permission of GRAPH_ACTIONS['read-provisioning-logs'].permissions)
      expect(error.message).toContain(permission);
    expect(error.hint).toMatch(/grant admin consent/i);
    expectRequestIdShown(app, error, 'auditLogs.provisioning');
  });
});

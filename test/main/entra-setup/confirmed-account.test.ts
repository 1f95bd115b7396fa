import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SANDBOX_ACCOUNTS } from '../../../main/sandbox/sandbox-microsoft';
import { startEntraHarness, type EntraHarness } from './entra-harness';
import { ACME, APP_NAME, refusal, requestsOf, signInAs } from './failure-modes/support';

/**
 * Issue 19, finding 1: Graph writes for an organization (save credentials, mapping, assign and
 * unassign, start and restart, on demand) go ahead only while the account that created or chose
 * its enterprise app is signed in. Another admin of the same tenant (here Lidia, a guest with an
 * admin role) reads freely, and writes only after choosing the app herself ("Use this app").
 */
describe('Graph writes need the account that confirmed the app', () => {
  let app: EntraHarness;
  let spId: string;

  beforeAll(async () => {
    app = await startEntraHarness();
    await signInAs(app, 'adele', 'configure-provisioning');
    const created = await app.ok('entra:createApp', {
      organizationId: ACME,
      displayName: APP_NAME,
    });
    spId = created.app?.servicePrincipalId ?? '';
    await app.ok('entra:ensureJob', { organizationId: ACME });
    await app.ok('microsoft:signOut', {});
    await signInAs(app, 'guest', 'configure-provisioning');
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a write by another signed-in account, naming who chose the app, and sends Graph nothing', async () => {
    const before = requestsOf(app, 'jobs.start').length;
    const error = refusal(await app.call('entra:start', { organizationId: ACME }));
    expect(error.code).toBe('ENTRA_ACCOUNT_CHANGED');
    expect(error.message).toContain(SANDBOX_ACCOUNTS.adele.username);
    expect(error.message).toContain(SANDBOX_ACCOUNTS.guest.username);
    expect(error.hint).toContain('Use this app');
    expect(requestsOf(app, 'jobs.start')).toHaveLength(before);

    const restart = refusal(await app.call('entra:restart', { organizationId: ACME }));
    expect(restart.code).toBe('ENTRA_ACCOUNT_CHANGED');
  });

  it('still lets the other account read the job', async () => {
    const health = await app.ok('entra:health', { organizationId: ACME });
    expect(health.job.jobId).toMatch(/^scim\./);
  });

  it('lets the other account write once it has chosen the app itself', async () => {
    const used = await app.ok('entra:useApp', { organizationId: ACME, servicePrincipalId: spId });
    expect(used.outcome).toBe('linked');
    const error = await app.call('entra:restart', { organizationId: ACME });
    expect(error.ok ? null : error.error.code).not.toBe('ENTRA_ACCOUNT_CHANGED');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { EntraHealthSchema, EntraSetupViewSchema } from '../../../../shared/entra/entra-views';
import { startEntraHarness, type EntraHarness } from '../entra-harness';
import { APP_NAME, INITECH, requestsOf, signInAs } from './support';

/**
 * The provisioning job's quarantine (issue 13) through the app's IPC path: entra:health shows
 * it with reason, since and next attempt; entra:restart clears it.
 */
let app: EntraHarness;

beforeEach(async () => {
  app = await startEntraHarness();
  await signInAs(app, 'adele', 'create-app');
});

afterEach(async () => {
  await app.close();
});

/** The stand-in's job behind the one the app linked. */
function standInJob(jobId: string) {
  const entry = app.sandbox.microsoft.graph.state.jobs.get(jobId);
  if (entry === undefined) throw new Error(`the stand-in has no job ${jobId}`);
  return entry.job;
}

/** Initech's app with its job, the credentials of Initech's SCIM connection saved into it. */
async function initechJob(): Promise<string> {
  const created = await app.ok('scim:createConnection', {
    organizationId: INITECH,
    displayName: 'Microsoft Entra ID',
  });
  await app.ok('entra:createApp', { organizationId: INITECH, displayName: APP_NAME });
  const view = EntraSetupViewSchema.parse(
    await app.ok('entra:ensureJob', { organizationId: INITECH }),
  );
  await app.ok('entra:saveCredentials', {
    organizationId: INITECH,
    connectionId: created.connection.connectionId,
  });
  return view.job?.jobId ?? '';
}

const isoTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

describe('quarantine', () => {
  it('shows a job the stand-in quarantined (its own control) with reason, since and next attempt; restart clears it', async () => {
    const jobId = await initechJob();
    standInJob(jobId).quarantine();

    const health = EntraHealthSchema.parse(
      await app.ok('entra:health', { organizationId: INITECH }),
    );

    expect(health.job.status).toBe('Quarantine');
    expect(health.job.quarantine).toMatchObject({
      reason: 'QuarantinedOnDemand',
      error: { code: 'QuarantinedOnDemand' },
    });
    expect(health.job.quarantine?.since).toMatch(isoTime);
    expect(health.job.quarantine?.nextAttempt).toMatch(isoTime);

    const restarted = EntraHealthSchema.parse(
      await app.ok('entra:restart', { organizationId: INITECH }),
    );

    expect(requestsOf(app, 'jobs.restart')).toHaveLength(1);
    expect(restarted.job.status).not.toBe('Quarantine');
    expect(restarted.job.quarantine).toBeNull();
  });

  it('quarantines the started job of a faulty SCIM endpoint (Initech) after its failing cycle; health says why', async () => {
    const jobId = await initechJob();
    await app.ok('entra:start', { organizationId: INITECH });
    await standInJob(jobId).cyclesDone(1);

    const health = EntraHealthSchema.parse(
      await app.ok('entra:health', { organizationId: INITECH }),
    );

    expect(health.job.status).toBe('Quarantine');
    expect(health.job.quarantine?.reason).toBe('EncounteredQuarantineException');
    expect(health.job.quarantine?.error?.code).toMatch(/\w+/);
    expect(health.job.quarantine?.error?.message).toMatch(/\w+/);
    expect(health.job.quarantine?.since).toMatch(isoTime);
    expect(health.job.quarantine?.nextAttempt).toMatch(isoTime);
    expect(health.job.lastCycle?.state).toBe('Failed');
  });

  it('after the endpoint is fixed, entra:restart takes the job out of quarantine', async () => {
    const jobId = await initechJob();
    await app.ok('entra:start', { organizationId: INITECH });
    await standInJob(jobId).cyclesDone(1);
    app.sandbox.state.setScimFault(INITECH, 'none');

    const restarted = EntraHealthSchema.parse(
      await app.ok('entra:restart', { organizationId: INITECH }),
    );

    expect(requestsOf(app, 'jobs.restart')).toHaveLength(1);
    expect(restarted.job.status).not.toBe('Quarantine');
    expect(restarted.job.quarantine).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';

import type { GraphClient } from '../../../main/graph/graph-client';
import { DEMO_IDS } from '../../../main/sandbox/contoso';
import { userAppRoleId } from '../../../main/graph/graph-queries';
import { USER_RULE_ID } from '../../../main/sandbox/graph-stand-in/provisioning-job';
import { sandboxTarget, type SandboxTarget } from '../sandbox/entra-simulator/sandbox-target';
import { sandboxWithGraphHarness } from '../../support/graph-harness';

const world = sandboxWithGraphHarness();

/** The app, its scim job and the sandbox SCIM connection it provisions to. */
async function configuredApp(client: GraphClient) {
  const target = sandboxTarget(world.sandbox(), 'generic');
  const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
  const job = await client.createJob(servicePrincipal.id);
  return {
    spId: servicePrincipal.id,
    jobId: job.id,
    target,
    roleId: userAppRoleId(servicePrincipal) ?? '',
  };
}

const credentialsOf = (target: SandboxTarget, token = target.token) => ({
  baseAddress: target.tenantUrl,
  secretToken: token,
});

const userNames = async (target: SandboxTarget) =>
  (await target.list('Users')).map((user) => user['userName']).sort();

describe('the Graph stand-in drives the Entra simulator against a sandbox SCIM endpoint', () => {
  it('validateCredentials runs Test Connection: the right token passes, a wrong one names the SCIM error', async () => {
    const harness = await world.harness();
    const { client } = harness;
    const { spId, jobId, target } = await configuredApp(client);
    expect(await client.validateCredentials(spId, jobId, credentialsOf(target))).toEqual({
      ok: true,
    });
    const refused = await client.validateCredentials(
      spId,
      jobId,
      credentialsOf(target, 'wrong-token'),
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('GRAPH_CREDENTIALS_REJECTED');
    expect(refused.scimCode).toMatch(/^SystemForCrossDomainIdentityManagement\w+/);
    expect(JSON.stringify(refused)).not.toContain(target.token);
  });

  it('start runs cycles that provision the assigned group’s members, and the logs show them in Graph’s shape', async () => {
    const harness = await world.harness({ cycleIntervalMs: 25 });
    const { client, standIn } = harness;
    const { spId, jobId, target, roleId } = await configuredApp(client);
    await client.directory.assign(spId, DEMO_IDS.engineering, roleId);
    await client.saveSecrets(spId, credentialsOf(target));
    await client.startJob(spId, jobId);
    await standIn.state.jobs.get(jobId)?.job.cyclesDone(2);

    expect(await userNames(target)).toEqual([
      'diego.siciliani@contoso.com',
      'nestor.wilke@contoso.com',
    ]);
    const job = await client.getJob(spId, jobId);
    expect(job.status?.code).toBe('Active');
    expect(job.schedule?.state).toBe('Active');
    expect(job.status?.lastExecution?.state).toBe('Succeeded');

    const { entries: logs, unreadable } = await client.listProvisioningLogs(jobId);
    expect(unreadable).toBe(0);
    const created = logs.filter((entry) => entry.provisioningAction === 'create');
    expect(created.map((entry) => entry.sourceIdentity?.id).sort()).toEqual(
      [DEMO_IDS.diego, DEMO_IDS.nestor, DEMO_IDS.engineering].sort(),
    );
    expect(created.every((entry) => entry.jobId === jobId)).toBe(true);
    expect(created[0]?.provisioningStatusInfo?.status).toBe('success');
    expect(created[0]?.provisioningSteps?.map((step) => step.provisioningStepType)).toContain(
      'export',
    );
  });

  it('provisionOnDemand provisions one user and answers key and value as JSON strings', async () => {
    const harness = await world.harness();
    const { client } = harness;
    const { spId, jobId, target, roleId } = await configuredApp(client);
    await client.directory.assign(spId, DEMO_IDS.alex, roleId);
    await client.saveSecrets(spId, credentialsOf(target));
    const subject = { objectId: DEMO_IDS.alex, objectTypeName: 'User' as const };
    const outcome = await client.provisionOnDemand(spId, jobId, USER_RULE_ID, subject);
    expect(outcome.result).toBe('Success');
    expect(outcome.summary).toMatchObject({
      action: 'Create',
      sourceIdentity: { id: DEMO_IDS.alex },
    });
    expect(await userNames(target)).toEqual(['alex.wilber@contoso.com']);
    const again = await client.provisionOnDemand(spId, jobId, USER_RULE_ID, subject);
    expect(again.result).not.toBe('Failure');
  });

  it('reports quarantine in the job status when the SCIM endpoint refuses the saved token', async () => {
    const harness = await world.harness({ cycleIntervalMs: 25 });
    const { client, standIn } = harness;
    const { spId, jobId, target, roleId } = await configuredApp(client);
    await client.directory.assign(spId, DEMO_IDS.adele, roleId);
    await client.saveSecrets(spId, credentialsOf(target, 'revoked-token'));
    await client.startJob(spId, jobId);
    await standIn.state.jobs.get(jobId)?.job.cyclesDone(1);
    const job = await client.getJob(spId, jobId);
    expect(job.status?.code).toBe('Quarantine');
    expect(job.status?.quarantine?.reason).toBe('EncounteredQuarantineException');
    expect(job.status?.lastExecution?.state).toBe('Failed');
  });

  it('can put a job in quarantine on purpose, and restart clears it', async () => {
    const harness = await world.harness();
    const { client, standIn } = harness;
    const { spId, jobId } = await configuredApp(client);
    standIn.state.jobs.get(jobId)?.job.quarantine();
    expect((await client.getJob(spId, jobId)).status?.quarantine?.reason).toBe(
      'QuarantinedOnDemand',
    );
    await client.restartJob(spId, jobId);
    expect((await client.getJob(spId, jobId)).status?.code).toBe('NotConfigured');
  });
});

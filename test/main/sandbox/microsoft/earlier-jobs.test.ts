import { afterEach, describe, expect, it } from 'vitest';

import { largeEntraLinks, largeSeedEntra } from '../../../../main/sandbox/large-seed';
import { graphHarness, type GraphHarness } from '../../../support/graph-harness';

/**
 * The Graph stand-in's jobs set up "before this run" (the large sandbox): answered in the state
 * they were left in, until the admin restarts them, with the documented job shape
 * (api-reference/v1.0/resources/synchronization-synchronizationstatus.md).
 */
describe('the Graph stand-in’s earlier jobs', () => {
  let harness: GraphHarness | null = null;
  afterEach(async () => {
    await harness?.standIn.stop();
    harness = null;
  });

  it('answers each job of the large project in its state, the quarantine with its reason', async () => {
    harness = await graphHarness();
    const links = largeEntraLinks(harness.standIn.state, 100);
    const states = await Promise.all(
      links
        .filter((link) => link.tenantName === 'Contoso (sandbox)')
        .map(async (link) => {
          const job = await harness?.client.getJob(link.servicePrincipalId, link.jobId ?? '');
          return [job?.status?.code, job?.schedule?.state, job?.status?.quarantine?.reason];
        }),
    );
    const kinds = Array.from({ length: 100 }, (_, i) => largeSeedEntra(i)).filter(
      (kind) => kind !== null,
    );
    expect(links).toHaveLength(kinds.length);
    expect(states).toEqual([
      ['Active', 'Active', undefined],
      ['Active', 'Active', undefined],
      ['Quarantine', 'Active', 'EncounteredQuarantineException'],
      ['Paused', 'Paused', undefined],
      ['Active', 'Active', undefined],
      ['Active', 'Active', undefined],
      ['Quarantine', 'Active', 'EncounteredEscrowProportionThreshold'],
      ['Paused', 'Paused', undefined],
    ]);
  });

  it('keeps the same ids from one run to the next, so the links the app keeps stay true', async () => {
    harness = await graphHarness();
    const first = largeEntraLinks(harness.standIn.state, 60);
    await harness.standIn.stop();
    harness = await graphHarness();
    expect(largeEntraLinks(harness.standIn.state, 60)).toEqual(first);
  });

  it('leaves quarantine once the admin restarts the job', async () => {
    harness = await graphHarness();
    const quarantined = largeEntraLinks(harness.standIn.state, 30).find((link) =>
      link.organizationId.endsWith('large0002100'),
    );
    const spId = quarantined?.servicePrincipalId ?? '';
    const jobId = quarantined?.jobId ?? '';
    expect((await harness.client.getJob(spId, jobId)).status?.code).toBe('Quarantine');
    await harness.client.restartJob(spId, jobId);
    expect((await harness.client.getJob(spId, jobId)).status).toMatchObject({
      code: 'NotConfigured',
      quarantine: null,
    });
  });
});

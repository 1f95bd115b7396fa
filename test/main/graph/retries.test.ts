import { afterEach, describe, expect, it } from 'vitest';

import { SlidingWindowLimiter } from '../../../main/graph/rate-limiter';
import { USER_RULE_ID } from '../../../main/sandbox/graph-stand-in/provisioning-job';
import { failure } from '../../support/stytch-doubles';
import {
  graphHarness,
  TEST_REPLICATION_RETRY,
  type GraphHarness,
} from '../../support/graph-harness';
import { FakeRetryClock } from '../../support/fake-retry-clock';

let harness: GraphHarness | undefined;

afterEach(async () => {
  await harness?.standIn.stop();
  harness = undefined;
});

describe('replication delay after creating the app', () => {
  it('waits with growing backoff through 404 Request_ResourceNotFound until the new app is readable', async () => {
    harness = await graphHarness({ replicationReads: 3 });
    const { client, clock } = harness;
    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const job = await client.createJob(servicePrincipal.id);
    expect(job.templateId).toBe('scim');
    // Three 404s, three waits: 2 s base doubling (random() = 0.5 → three quarters of each step).
    expect(clock.sleeps).toEqual([1_500, 3_000, 6_000]);
    const creates = harness.standIn.history.filter((r) => r.operation === 'jobs.create');
    expect(creates).toHaveLength(4);
  });

  it('gives up after a bounded number of tries and says to wait for replication', async () => {
    harness = await graphHarness({ replicationReads: 100 });
    const { client } = harness;
    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const error = await failure(() => client.getServicePrincipal(servicePrincipal.id));
    expect(error.code).toBe('GRAPH_NOT_FOUND');
    expect(error.hint).toContain('just created');
    const reads = harness.standIn.history.filter((r) => r.operation === 'servicePrincipals.get');
    expect(reads).toHaveLength(TEST_REPLICATION_RETRY.maxAttempts);
  });
});

describe('throttling', () => {
  it('honours Retry-After on 429, even for the create call that is otherwise sent once', async () => {
    harness = await graphHarness();
    harness.standIn.controls.throttle(2, 7, 'applicationTemplates.instantiate');
    await harness.client.instantiateNonGalleryApp('Stytch SCIM');
    expect(harness.clock.sleeps).toEqual([7_000, 7_000]);
    expect(harness.standIn.state.apps).toHaveLength(1);
  });

  it('stops within its bounds and says how long Graph asked to wait', async () => {
    harness = await graphHarness();
    harness.standIn.controls.throttle(100, 50);
    const error = await failure(() => harness!.client.directory.searchUsers('a'));
    expect(error.code).toBe('GRAPH_THROTTLED');
    expect(error.hint).toContain('50 seconds');
    // 120 s budget: two waits of 50 s fit, a third does not.
    expect(harness.clock.sleeps).toEqual([50_000, 50_000]);
  });
});

describe('provisionOnDemand’s 5 requests per 10 seconds', () => {
  it('holds the sixth request until the window has room, so Graph never answers 429', async () => {
    const clock = new FakeRetryClock();
    const limiter = new SlidingWindowLimiter(clock);
    const start = clock.now();
    for (let i = 0; i < 5; i += 1) await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([10_000]);
    expect(clock.now() - start).toBe(10_000);
  });

  it('sends six on-demand runs through the client without one refused by the stand-in', async () => {
    harness = await graphHarness();
    const { client, standIn } = harness;
    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const job = await client.createJob(servicePrincipal.id);
    // Without saved credentials each run fails with 400, which is enough to count requests.
    const subject = { objectId: 'no-such-user', objectTypeName: 'User' as const };
    for (let i = 0; i < 6; i += 1) {
      const error = await failure(() =>
        client.provisionOnDemand(servicePrincipal.id, job.id, USER_RULE_ID, subject),
      );
      expect(error.code).toBe('GRAPH_BAD_REQUEST');
    }
    expect(harness.clock.sleeps).toEqual([10_000]);
    const runs = standIn.history.filter((r) => r.operation === 'jobs.provisionOnDemand');
    expect(runs).toHaveLength(6);
  });
});

import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  RotationProgressSchema,
  SelectionRunSchema,
  type SelectionItem,
} from '../../../shared/rotation/rotation';
import { DEFAULT_SEED, SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import {
  linkedConnection,
  startEntraHarness,
  type EntraHarness,
} from '../entra-setup/entra-harness';
import { ACME, refusal } from '../entra-setup/failure-modes/support';
import { entraPairStatus, trap, trappingFetch, traps } from './traps';

/**
 * Rotating a selection from the connections overview (`rotation:planSelection`,
 * `rotation:runSelection`, `rotation:stopSelection`) through the real dispatcher over loopback
 * HTTP to the sandbox's stand-ins: the renderer names organizations only, main finds each
 * connection in the overview and each Entra app in its links, and one failing connection does
 * not stop the others. Each connection's own failure modes are in rotation.test.ts.
 */

const UMBRELLA =
  DEFAULT_SEED.find((seed) => seed.organization_slug === 'umbrella-health')?.organization_id ?? '';
/** Has a connection (token expiring in 10 days) but no Entra app this app linked. */
const HOOLI = SEEDED_ORGANIZATIONS.hooli;
/** An organization of another project: nowhere in this project's overview. */
const FOREIGN = 'organization-live-00000000-0000-4000-8000-000000000000';

let app: EntraHarness;
const connections = new Map<string, string>();

/** What Stytch's SCIM endpoint answers to the credentials Entra holds for `appName`. */
const pairStatusOf = (appName: string) =>
  entraPairStatus(app.sandbox.microsoft.graph.state.apps.find((a) => a.displayName === appName));

const rotating = async (organizationId: string) =>
  (await app.ok('scim:getConnection', { organizationId })).connection?.rotating;

const progressOf = (runId: string) =>
  app.events
    .filter((event) => event.event === 'rotation:progress')
    .map((event) => RotationProgressSchema.parse(event.payload))
    .filter((progress) => progress.runId === runId);

const summary = (item: SelectionItem) =>
  item.state === 'skipped'
    ? [item.organizationId, 'skipped', item.reason]
    : [
        item.organizationId,
        item.outcome.outcome,
        item.outcome.outcome === 'failed' ? item.outcome.failedStep : item.outcome.order,
      ];

beforeAll(async () => {
  app = await startEntraHarness({ fetch: trappingFetch });
  connections.set(ACME, await linkedConnection(app, ACME, 'Acme SCIM'));
  connections.set(UMBRELLA, await linkedConnection(app, UMBRELLA, 'Umbrella SCIM'));
  // The overview, as main reads it from Stytch: where a selection's connections come from.
  await app.ok('fleet:refresh', { full: true });
  await app.services.fleet.settled();
});

beforeEach(() => {
  traps.length = 0;
  app.sandbox.state.pendingToken = 'until-complete';
});

afterAll(async () => {
  await app.close();
});

describe('rotation:planSelection', () => {
  it('refuses organizations the overview does not hold, before anything changes', async () => {
    for (const stranger of [FOREIGN, SEEDED_ORGANIZATIONS.initech]) {
      const answer = await app.call('rotation:runSelection', {
        organizationIds: [ACME, stranger],
        runId: randomUUID(),
      });
      expect(refusal(answer).code).toBe('ROTATION_UNKNOWN_ORGANIZATION');
    }
    expect(
      refusal(await app.call('rotation:planSelection', { organizationIds: [FOREIGN] })).code,
    ).toBe('ROTATION_UNKNOWN_ORGANIZATION');
    expect(await rotating(ACME)).toBe(false);
  });

  it('refuses a selection larger than the bound at the contract', async () => {
    const answer = await app.call('rotation:planSelection', {
      organizationIds: Array.from({ length: 201 }, () => ACME),
    });
    expect(refusal(answer).code).toBe('IPC_INVALID_REQUEST');
  });

  it('names each connection from main’s overview, and which cannot run across both and why', async () => {
    const plan = await app.ok('rotation:planSelection', {
      organizationIds: [ACME, HOOLI, UMBRELLA, ACME],
    });
    expect(plan.rows.map((row) => [row.organizationId, row.connectionId, row.across])).toEqual([
      [ACME, connections.get(ACME), { available: true, reason: null }],
      [HOOLI, expect.any(String), { available: false, reason: 'no-app' }],
      [UMBRELLA, connections.get(UMBRELLA), { available: true, reason: null }],
    ]);
  });
});

describe('rotation:runSelection', () => {
  it('goes on after one connection fails: the others rotate, the failed one is left working', async () => {
    // The first connection's Complete is refused: that rotation is cancelled, Entra untouched.
    trap.complete();
    const runId = randomUUID();

    const run = SelectionRunSchema.parse(
      await app.ok('rotation:runSelection', { organizationIds: [ACME, HOOLI, UMBRELLA], runId }),
    );

    expect(run.stopped).toBe(false);
    expect(run.items.map(summary)).toEqual([
      [ACME, 'failed', 'complete'],
      [HOOLI, 'skipped', 'no-app'],
      [UMBRELLA, 'rotated', 'stytch-first'],
    ]);
    const [acme, , umbrella] = run.items;
    if (acme?.state !== 'ran' || acme.outcome.outcome !== 'failed') throw new Error('acme ran');
    expect(acme.outcome.left).toMatchObject({ rotationPending: false, entraHasOldToken: true });
    if (umbrella?.state !== 'ran' || umbrella.outcome.outcome !== 'rotated') throw new Error('x');
    expect(umbrella.outcome.gap.seconds).toBeGreaterThan(0);
    // A working pair on both sides, whatever happened to each.
    expect(await pairStatusOf('Acme SCIM')).toBe(200);
    expect(await pairStatusOf('Umbrella SCIM')).toBe(200);
    expect(await rotating(ACME)).toBe(false);
    // Each step says where the run stands: "2 of 2", after one failed.
    const places = progressOf(runId).map((p) => p.selection);
    expect(places[0]).toEqual({
      organizationId: ACME,
      position: 1,
      total: 2,
      rotated: 0,
      failed: 0,
    });
    expect(places.at(-1)).toEqual({
      organizationId: UMBRELLA,
      position: 2,
      total: 2,
      rotated: 0,
      failed: 1,
    });
    expect(places.every((place) => place !== undefined)).toBe(true);
  });

  it('stops between connections when asked, never in the middle of one, and runs one at a time', async () => {
    // Acme's Entra save is held until the stop has been asked for: the stop lands mid-Acme.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    traps.push({
      matches: (method, url) => method === 'PUT' && url.includes('/synchronization/secrets'),
      response: async (input, init) => {
        await held;
        return fetch(input, init);
      },
    });
    const runId = randomUUID();
    const running = app.ok('rotation:runSelection', { organizationIds: [ACME, UMBRELLA], runId });
    await expect.poll(() => traps.length, { timeout: 10_000 }).toBe(0);
    const second = await app.call('rotation:runSelection', {
      organizationIds: [UMBRELLA],
      runId: randomUUID(),
    });
    expect(refusal(second).code).toBe('ROTATION_SELECTION_RUNNING');

    expect(await app.ok('rotation:stopSelection', {})).toEqual({ stopping: true });
    release();
    const run = await running;

    expect(run.stopped).toBe(true);
    expect(run.items.map(summary)).toEqual([
      [ACME, 'rotated', 'stytch-first'],
      [UMBRELLA, 'skipped', 'stopped'],
    ]);
    expect(await app.ok('rotation:stopSelection', {})).toEqual({ stopping: false });
    expect(await pairStatusOf('Acme SCIM')).toBe(200);
  });

  it('skips every connection, touching none, once nobody is signed in to Microsoft', async () => {
    await app.ok('microsoft:signOut', {});
    const run = await app.ok('rotation:runSelection', {
      organizationIds: [ACME, UMBRELLA],
      runId: randomUUID(),
    });
    expect(run.items.map(summary)).toEqual([
      [ACME, 'skipped', 'not-signed-in'],
      [UMBRELLA, 'skipped', 'not-signed-in'],
    ]);
    expect(await rotating(ACME)).toBe(false);
  });
});

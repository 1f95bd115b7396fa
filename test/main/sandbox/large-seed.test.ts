import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { attentionReason } from '../../../shared/fleet/attention';
import type { FleetRow } from '../../../shared/fleet/fleet';
import { FLEET_POLICY } from '../../../main/fleet/fleet-policy';
import { FleetService } from '../../../main/fleet/fleet-service';
import { createGraphClient } from '../../../main/graph/create-graph-client';
import {
  SANDBOX_TENANT_ID,
  SANDBOX_TENANT_NAME,
} from '../../../main/sandbox/graph-stand-in/tenant';
import {
  LARGE_SEED_SIZE,
  largeOrganizationId,
  largeSeed,
  largeSeedEntra,
  largeSeedState,
} from '../../../main/sandbox/large-seed';
import { DEFAULT_SEED } from '../../../main/sandbox/seed';
import { startRehearsalHarness, type RehearsalHarness } from './rehearsal/rehearsal-harness';

describe('the large sandbox project ("Try it with a large project")', () => {
  let app: RehearsalHarness;
  let fleet: FleetService;
  let rows: FleetRow[];

  beforeAll(async () => {
    app = await startRehearsalHarness();
    await app.ok('sandbox:start', { large: true });
    const { graph } = (await app.services.sandbox.ensureStarted()).microsoft;
    // The app's own service over the same project, with a budget that lets a test read 2,000
    // connections in seconds (the budget itself is tested in the fleet tests and the bench).
    fleet = new FleetService({
      dir: app.dataDir,
      logger: app.services.logger,
      stytch: app.services.stytch,
      heldConnections: async () =>
        new Set((await app.services.settings.get()).knownConnections.map((c) => c.connectionId)),
      readToken: (handle) => app.services.secrets.readToken(handle),
      probe: app.services.probe,
      // Signed in to the sandbox's tenant: its Graph with the stand-in's own token (the e2e
      // test signs in through the sign-in page), the links the app keeps.
      entra: {
        target: () =>
          Promise.resolve({
            sandbox: true,
            tenantId: SANDBOX_TENANT_ID,
            tenant: SANDBOX_TENANT_NAME,
          }),
        links: () => app.services.entra.contexts.links.all(),
        graph: () =>
          Promise.resolve(
            createGraphClient({
              fetch,
              logger: app.services.logger,
              baseUrl: graph.baseUrl,
              accessToken: () => graph.accessToken([]),
            }),
          ),
      },
      policy: { ...FLEET_POLICY, perHostPerSecond: 10_000, concurrency: 16 },
    });
    await fleet.refresh(false);
    await fleet.settled();
    rows = await fleet.rows();
  }, 120_000);

  afterAll(async () => {
    await app.close();
  });

  it('seeds about 2,000 organizations, every one with a connection except one in twenty', () => {
    const withConnection = largeSeed().filter((seed) => seed.connection).length;
    const seededBefore = DEFAULT_SEED.filter((seed) => seed.connection).length;
    expect(LARGE_SEED_SIZE).toBe(2_000);
    expect(rows).toHaveLength(withConnection + seededBefore);
    expect(withConnection).toBe(1_900);
  });

  it('shows every state: healthy, expiring, expired, rotation pending, token kept by the app', () => {
    const seeded = (state: string) =>
      Array.from({ length: LARGE_SEED_SIZE }, (_, index) => largeSeedState(index)).filter(
        (each) => each === state,
      ).length;
    const count = (test: (row: FleetRow) => boolean) => rows.filter(test).length;
    const expiring = (row: FleetRow) =>
      row.tokenDaysLeft !== null && row.tokenDaysLeft >= 0 && row.tokenDaysLeft <= 30;
    expect(seeded('expired')).toBeGreaterThanOrEqual(20);
    expect(count((row) => (row.tokenDaysLeft ?? 0) > 30)).toBeGreaterThan(1_500);
    // Hooli, of the usual sandbox, expires in 10 days too.
    expect(count(expiring)).toBe(seeded('expiring') + 1);
    expect(count((row) => (row.tokenDaysLeft ?? 0) < 0)).toBe(seeded('expired'));
    expect(count((row) => row.rotationPending)).toBe(seeded('rotation-pending'));
    expect(count((row) => row.tokenHeld)).toBe(seeded('healthy-held') + seeded('endpoint-failing'));
    expect(count((row) => attentionReason(row) !== null)).toBeGreaterThanOrEqual(100);
  });

  it('shows Entra jobs Active, Paused and in quarantine with Microsoft’s documented reasons, and names the tenant to sign in to for the others', () => {
    const entraOf = (index: number) =>
      rows.find((row) => row.organizationId === largeOrganizationId(index));
    const indexes = (kind: string) =>
      Array.from({ length: LARGE_SEED_SIZE }, (_, i) => i).filter(
        (i) => largeSeedEntra(i) === kind,
      );
    const states = (kind: string) => new Set(indexes(kind).map((i) => entraOf(i)?.entraJob?.state));
    expect([...states('active')]).toEqual(['Active']);
    expect([...states('paused')]).toEqual(['Paused']);
    expect([...states('quarantine')]).toEqual(['Quarantine']);
    expect(
      new Set(indexes('quarantine').map((i) => entraOf(i)?.entraJob?.quarantineReason)),
    ).toEqual(
      new Set([
        'EncounteredQuarantineException',
        'EncounteredEscrowProportionThreshold',
        'TooManyDeletes',
      ]),
    );
    expect(
      new Set(indexes('other-tenant').map((i) => JSON.stringify(entraOf(i)?.entraLink))),
    ).toEqual(new Set([JSON.stringify({ tenant: 'Fabrikam', jobRead: 'other-tenant' })]));
    // The quarantined organizations are otherwise healthy: "Needs attention" holds them for it.
    expect(
      new Set(indexes('quarantine').map((i) => attentionReason(entraOf(i) as FleetRow))),
    ).toEqual(new Set(['Entra job in quarantine']));
    expect(indexes('quarantine').length).toBeGreaterThanOrEqual(30);
  });

  it('has endpoints that fail Entra’s query, found by a sweep with the kept tokens', async () => {
    const held = rows.filter((row) => row.tokenHeld).map((row) => row.organizationId);
    await fleet.sweepStart(held);
    await fleet.settled();
    const status = await fleet.sweepStatus();
    const failing = Array.from({ length: LARGE_SEED_SIZE }, (_, i) => largeSeedState(i)).filter(
      (state) => state === 'endpoint-failing',
    ).length;
    expect(status).toMatchObject({ state: 'finished', done: held.length });
    expect(status.counts).toEqual({
      passed: held.length - failing,
      failed: failing,
      warnings: 0,
      metadataOnly: 0,
    });
    const failed = (await fleet.rows()).filter((row) => row.lastHealth?.verdict === 'failed');
    const states = new Set(
      failed.map((row) => largeSeedState(Number(row.organizationId.slice(-7, -2)))),
    );
    expect([...states]).toEqual(['endpoint-failing']);
  });
});

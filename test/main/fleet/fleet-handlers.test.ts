import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FleetProgressSchema, type FleetRow } from '../../../shared/fleet/fleet';
import { FLEET_CACHE_FILE_NAME } from '../../../main/fleet/fleet-cache';
import { FleetService } from '../../../main/fleet/fleet-service';
import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import {
  startRehearsalHarness,
  type RehearsalHarness,
} from '../sandbox/rehearsal/rehearsal-harness';

/**
 * The overview, the sweep and the saved report through the app's own composition and dispatcher,
 * against the sandbox's Stytch stand-in and SCIM server over loopback.
 */
describe('the connections overview and health sweep', () => {
  let app: RehearsalHarness;
  let reportDir: string;
  const tokens: string[] = [];
  const rowOf = (rows: FleetRow[], organizationId: string) =>
    rows.find((row) => row.organizationId === organizationId);

  beforeAll(async () => {
    app = await startRehearsalHarness();
    reportDir = await mkdtemp(join(tmpdir(), 'fleet-report-'));
    await app.ok('sandbox:start', {});
    // Acme's and Initech's connections are made through the app, so it holds their tokens;
    // Initech's endpoint answers Entra's query with 404. Globex and Hooli were made elsewhere.
    for (const organizationId of [SEEDED_ORGANIZATIONS.acme, SEEDED_ORGANIZATIONS.initech]) {
      const created = await app.ok('scim:createConnection', {
        organizationId,
        displayName: 'Microsoft Entra ID',
      });
      tokens.push(
        app.secretStore.snapshot().get(`scim-token:${created.connection.connectionId}`) ?? '',
      );
    }
    expect(tokens.every((token) => token.length > 20)).toBe(true);
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers the cached rows at once, refreshes in the background, then lists every organization with a connection', async () => {
    const first = await app.ok('fleet:overview', {});
    expect(first.rows).toEqual([]);
    expect(first.refreshing).toBe(true);
    await app.services.fleet.settled();
    const overview = await app.ok('fleet:overview', {});
    expect(overview.refreshing).toBe(false);
    expect(overview.refreshedAt).not.toBeNull();
    expect(overview.rows.map((row) => row.organizationId).sort()).toEqual(
      [
        SEEDED_ORGANIZATIONS.acme,
        SEEDED_ORGANIZATIONS.globex,
        SEEDED_ORGANIZATIONS.initech,
        SEEDED_ORGANIZATIONS.hooli,
      ].sort(),
    );
    expect(rowOf(overview.rows, SEEDED_ORGANIZATIONS.acme)).toMatchObject({
      connectionStatus: 'active',
      identityProvider: 'microsoft-entra',
      tokenHeld: true,
      rotationPending: false,
      lastHealth: null,
    });
    expect(rowOf(overview.rows, SEEDED_ORGANIZATIONS.globex)?.tokenHeld).toBe(false);
    expect(rowOf(overview.rows, SEEDED_ORGANIZATIONS.hooli)?.tokenDaysLeft).toBe(9);
    const finished = app.events
      .filter((e) => e.event === 'fleet:progress')
      .map((e) => FleetProgressSchema.parse(e.payload));
    expect(finished.at(-1)).toMatchObject({
      kind: 'refresh',
      state: 'finished',
      done: 4,
      total: 4,
    });
  });

  it('reads again only the connections that changed since the last refresh', async () => {
    const connectionReads = () =>
      app.sent.filter(
        (r) =>
          r.method === 'GET' && /\/v1\/b2b\/scim\/[^/]+\/connection$/.test(new URL(r.url).pathname),
      ).length;
    const before = connectionReads();
    await app.ok('fleet:refresh', {});
    await app.services.fleet.settled();
    expect(connectionReads()).toBe(before);
    await app.ok('fleet:refresh', { full: true });
    await app.services.fleet.settled();
    expect(connectionReads()).toBe(before + 4);
  });

  it('sweeps every connection: Entra’s query with the kept token, Stytch’s details only without it', async () => {
    const started = await app.ok('fleet:sweepStart', {});
    expect(started).toMatchObject({ state: 'running', total: 4 });
    await app.services.fleet.settled();
    const status = await app.ok('fleet:sweepStatus', {});
    expect(status).toMatchObject({
      state: 'finished',
      done: 4,
      counts: { passed: 1, failed: 1, warnings: 0, metadataOnly: 2 },
    });
    const { rows } = await app.ok('fleet:overview', {});
    expect(rowOf(rows, SEEDED_ORGANIZATIONS.acme)?.lastHealth?.verdict).toBe('passed');
    expect(rowOf(rows, SEEDED_ORGANIZATIONS.initech)?.lastHealth).toMatchObject({
      verdict: 'failed',
      failingCheck: 'Test Connection (as Entra sends it)',
    });
    expect(rowOf(rows, SEEDED_ORGANIZATIONS.globex)?.lastHealth?.verdict).toBe('metadata-only');
  });

  it('saves the report as CSV and as printable HTML through the save dialog, without any token', async () => {
    const chosen: string[] = [];
    app.services.saveDialog = {
      choosePath: ({ defaultName }) => {
        chosen.push(defaultName);
        return Promise.resolve(join(reportDir, defaultName));
      },
    };
    const csv = await app.ok('fleet:saveReport', { format: 'csv' });
    const html = await app.ok('fleet:saveReport', { format: 'html' });
    expect(csv).toEqual({ saved: true, fileName: chosen[0] });
    expect(html.fileName).toMatch(/\.html$/);
    const csvText = await readFile(join(reportDir, chosen[0] ?? ''), 'utf8');
    const htmlText = await readFile(join(reportDir, chosen[1] ?? ''), 'utf8');
    expect(csvText.split('\r\n')[0]).toContain('Organization,Organization ID,Connection ID');
    expect(csvText).toContain('Initech (faulty SCIM endpoint)');
    expect(htmlText).toContain('<table>');
    expect(htmlText).not.toMatch(/<script|src=|href=/i);
    for (const token of tokens) {
      expect(csvText).not.toContain(token);
      expect(htmlText).not.toContain(token);
    }
  });

  it('answers "not saved" when the admin cancels the dialog', async () => {
    app.services.saveDialog = { choosePath: () => Promise.resolve(null) };
    expect(await app.ok('fleet:saveReport', { format: 'html' })).toEqual({
      saved: false,
      fileName: null,
    });
  });

  it('keeps the cache secret-free in the app’s data folder, and an app restarted mid-sweep resumes it', async () => {
    const dir = app.dataDir;
    const cacheText = await readFile(join(dir, FLEET_CACHE_FILE_NAME), 'utf8');
    for (const token of tokens) expect(cacheText).not.toContain(token);
    expect(await readdir(dir)).toContain(FLEET_CACHE_FILE_NAME);
    // A sweep of two organizations, cut by a "restart" before it ran: the file says running.
    const cache = JSON.parse(cacheText) as {
      sweep: { status: { state: string; done: number; total: number }; remaining: string[] };
    };
    cache.sweep = {
      status: { ...cache.sweep.status, state: 'running', done: 2, total: 4 },
      remaining: [SEEDED_ORGANIZATIONS.acme, SEEDED_ORGANIZATIONS.initech],
    };
    await writeFile(join(dir, FLEET_CACHE_FILE_NAME), JSON.stringify(cache));
    const restarted = new FleetService({
      dir: dir,
      logger: app.services.logger,
      stytch: app.services.stytch,
      heldConnections: () => Promise.resolve(new Set()),
      readToken: (handle) => app.services.secrets.readToken(handle),
      probe: app.services.probe,
    });
    expect(await restarted.sweepStatus()).toMatchObject({ state: 'interrupted', done: 2 });
    await restarted.sweepStart(undefined);
    await restarted.settled();
    expect(await restarted.sweepStatus()).toMatchObject({ state: 'finished', done: 4, total: 4 });
  });
});

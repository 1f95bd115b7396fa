import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { FleetProgressSchema, type FleetProgress } from '../../../shared/fleet/fleet';
import { FLEET_CACHE_FILE_NAME } from '../../../main/fleet/fleet-cache';
import { FleetService, type FleetProject } from '../../../main/fleet/fleet-service';
import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import {
  startRehearsalHarness,
  type RehearsalHarness,
} from '../sandbox/rehearsal/rehearsal-harness';

/** The sandbox's organizations seeded with a connection. */
const WITH_CONNECTION = [SEEDED_ORGANIZATIONS.globex, SEEDED_ORGANIZATIONS.hooli].sort();

/**
 * The overview's first refresh, against the sandbox's Stytch stand-in: Stytch's search pages
 * arrive long before every connection is read (2,000 organizations are a few pages, and 2,000
 * reads), so the rows the search listed are shown at once and filled in as they are read.
 */
describe('the overview’s first refresh', () => {
  let app: RehearsalHarness;
  let dir: string;

  beforeAll(async () => {
    app = await startRehearsalHarness();
    await app.ok('sandbox:start', {});
    dir = await mkdtemp(join(tmpdir(), 'fleet-first-refresh-'));
  });

  afterAll(async () => {
    await app.close();
  });

  it('sends the organizations the search listed as provisional rows before any connection is read, then the read rows', async () => {
    // Every Get SCIM connection waits at the gate: what the admin sees before the reads end.
    const opened: (() => void)[] = [];
    const gate = new Promise<void>((resolve) => opened.push(resolve));
    const openGate = () => opened.forEach((open) => open());
    const reads: string[] = [];
    const stytch: FleetProject = {
      project: () => app.services.stytch.project(),
      client: async () => {
        const client = await app.services.stytch.client();
        return {
          searchOrganizations: (request) => client.searchOrganizations(request),
          getConnection: async (organizationId) => {
            reads.push(organizationId);
            await gate;
            return client.getConnection(organizationId);
          },
        };
      },
    };
    const fleet = new FleetService({
      dir,
      logger: app.services.logger,
      stytch,
      heldConnections: () => Promise.resolve(new Set()),
      readToken: (handle) => app.services.secrets.readToken(handle),
      probe: app.services.probe,
    });
    const events: FleetProgress[] = [];
    fleet.listen((progress) => events.push(FleetProgressSchema.parse(progress)));

    await fleet.refresh(false);
    await vi.waitFor(() => expect(reads).toHaveLength(WITH_CONNECTION.length));

    const listed = events.flatMap((event) => event.updated);
    expect(listed.map((row) => row.organizationId).sort()).toEqual(WITH_CONNECTION);
    expect(listed.every((row) => row.provisional === true)).toBe(true);
    expect(listed.find((row) => row.organizationId === SEEDED_ORGANIZATIONS.hooli)).toMatchObject(
      // What the search says: the name and the token's expiry; Stytch's status comes with the read.
      { organizationName: expect.stringMatching(/Hooli/) as unknown, tokenDaysLeft: 9 },
    );
    expect(events.at(-1)).toMatchObject({ kind: 'refresh', state: 'running', done: 0, total: 2 });
    // Asked meanwhile (the window reopened), main answers the same provisional rows.
    const during = await fleet.overview();
    expect(during.refreshing).toBe(true);
    expect(during.rows.filter((row) => row.provisional === true)).toHaveLength(2);

    openGate();
    await fleet.settled();

    const after = await fleet.overview();
    expect(after.rows.map((row) => row.organizationId).sort()).toEqual(WITH_CONNECTION);
    expect(after.rows.some((row) => row.provisional === true)).toBe(false);
    expect(after.rows.every((row) => row.connectionStatus === 'active')).toBe(true);
    expect(events.at(-1)).toMatchObject({ state: 'finished', done: 2, total: 2 });
    // Only rows read from Stytch are kept in the cache.
    expect(await readFile(join(dir, FLEET_CACHE_FILE_NAME), 'utf8')).not.toContain('provisional');
  });
});

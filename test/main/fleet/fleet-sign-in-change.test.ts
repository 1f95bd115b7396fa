import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { FleetProgressSchema, type FleetProgress } from '../../../shared/fleet/fleet';
import type { EntraAppLink } from '../../../shared/settings/settings';
import type { FleetEntra } from '../../../main/fleet/fleet-entra';
import { FleetService, type FleetProject } from '../../../main/fleet/fleet-service';
import { SynchronizationJobSchema } from '../../../main/graph/graph-schemas';
import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { docSample } from '../../support/graph-doc-samples';
import {
  startRehearsalHarness,
  type RehearsalHarness,
} from '../sandbox/rehearsal/rehearsal-harness';

const TENANT = { sandbox: true, tenantId: 'tenant-contoso', tenant: 'Contoso (sandbox)' };

/** Globex's Entra app, linked by this app in the sandbox's tenant. */
const GLOBEX_LINK: EntraAppLink = {
  organizationId: SEEDED_ORGANIZATIONS.globex,
  sandbox: true,
  tenantId: TENANT.tenantId,
  tenantName: TENANT.tenant,
  servicePrincipalId: 'sp-globex',
  jobId: 'job-globex',
  confirmedBy: null,
};

/** Microsoft's documented job (synchronizationjob-get.md), running: status code "Active". */
function activeJob() {
  const sample = docSample('synchronizationjob-get-quarantine') as { status: { code: string } };
  sample.status.code = 'Active';
  return SynchronizationJobSchema.parse(sample);
}

/**
 * The overview's Entra job column follows the Microsoft sign-in: after a sign-in or sign-out
 * main reads the Entra jobs again, and only them (no Stytch call), and pushes the rows as it
 * pushes a refresh's. Against the sandbox's Stytch stand-in; Entra is a double whose signed-in
 * account the test changes.
 */
describe('the overview after the Microsoft sign-in changes', () => {
  let app: RehearsalHarness;
  let dir: string;

  beforeAll(async () => {
    app = await startRehearsalHarness();
    await app.ok('sandbox:start', {});
    dir = await mkdtemp(join(tmpdir(), 'fleet-sign-in-change-'));
  });

  afterAll(async () => {
    await app.close();
  });

  /** The fleet over the sandbox's project, counting Stytch's calls and Graph's job reads. */
  function fleetWith() {
    const seen = { stytchCalls: 0, jobReads: 0 };
    let signedIn: Awaited<ReturnType<FleetEntra['target']>> = null;
    let jobGate: Promise<void> = Promise.resolve();
    const stytch: FleetProject = {
      project: () => app.services.stytch.project(),
      client: async () => {
        const client = await app.services.stytch.client();
        return {
          searchOrganizations: (request) => {
            seen.stytchCalls += 1;
            return client.searchOrganizations(request);
          },
          getConnection: (organizationId) => {
            seen.stytchCalls += 1;
            return client.getConnection(organizationId);
          },
        };
      },
    };
    const entra: FleetEntra = {
      target: () => Promise.resolve(signedIn),
      links: () => Promise.resolve([GLOBEX_LINK]),
      graph: () =>
        Promise.resolve({
          getJob: async () => {
            seen.jobReads += 1;
            await jobGate;
            return activeJob();
          },
        }),
    };
    const deps: ConstructorParameters<typeof FleetService>[0] = {
      dir: join(dir, String(Math.random()).slice(2)),
      logger: app.services.logger,
      stytch,
      heldConnections: () => Promise.resolve(new Set()),
      readToken: (handle) => app.services.secrets.readToken(handle),
      probe: app.services.probe,
      entra,
    };
    const fleet = new FleetService(deps);
    const events: FleetProgress[] = [];
    fleet.listen((progress) => events.push(FleetProgressSchema.parse(progress)));
    const globex = async () =>
      (await fleet.overview()).rows.find(
        (row) => row.organizationId === SEEDED_ORGANIZATIONS.globex,
      );
    return {
      fleet,
      seen,
      events,
      globex,
      signIn: (target: typeof signedIn) => {
        signedIn = target;
      },
      holdJobReads: (gate: Promise<void>) => {
        jobGate = gate;
      },
      /** The app started again: a new service over the same cache file and the same doubles. */
      restart: () => new FleetService(deps),
    };
  }

  it('reads the Entra jobs again after a sign-in, without reading Stytch, and pushes the rows', async () => {
    const { fleet, seen, events, globex, signIn } = fleetWith();
    await fleet.refresh(false);
    await fleet.settled();
    expect((await globex())?.entraLink).toEqual({ tenant: TENANT.tenant, jobRead: 'signed-out' });
    const stytchCalls = seen.stytchCalls;
    events.length = 0;

    signIn(TENANT);
    fleet.entraSignInChanged();
    await fleet.settled();

    expect(seen.stytchCalls).toBe(stytchCalls);
    expect(seen.jobReads).toBe(1);
    expect(events.map((event) => [event.kind, event.state])).toEqual([
      ['entra', 'running'],
      ['entra', 'finished'],
    ]);
    expect(events.at(-1)?.updated.map((row) => [row.organizationId, row.entraJob])).toEqual([
      [SEEDED_ORGANIZATIONS.globex, { state: 'Active' }],
    ]);
    expect(await globex()).toMatchObject({
      entraJob: { state: 'Active' },
      entraLink: { tenant: TENANT.tenant, jobRead: 'read' },
    });
  });

  it('says to sign in again after a sign-out, reading nothing from Graph', async () => {
    const { fleet, seen, globex, signIn } = fleetWith();
    signIn(TENANT);
    await fleet.refresh(false);
    await fleet.settled();
    expect((await globex())?.entraJob).toEqual({ state: 'Active' });
    const reads = seen.jobReads;

    signIn(null);
    fleet.entraSignInChanged();
    await fleet.settled();

    expect(seen.jobReads).toBe(reads);
    expect(await globex()).toMatchObject({
      entraJob: null,
      entraLink: { tenant: TENANT.tenant, jobRead: 'signed-out' },
    });
  });

  it('leaves a sign-in before the overview opened to that opening: nothing read or written meanwhile', async () => {
    const { fleet, seen, signIn, restart } = fleetWith();
    await fleet.refresh(false);
    await fleet.settled();
    // After a restart, the admin signs in in the wizard; the overview has not opened this run.
    const restarted = restart();
    signIn(TENANT);
    restarted.entraSignInChanged();
    await restarted.settled();
    expect(seen.jobReads).toBe(0);

    // The cache is fresh (no refresh starts), yet its Entra jobs are read for the new account.
    await restarted.overview();
    await restarted.settled();
    expect(seen.jobReads).toBe(1);
    const rows = (await restarted.overview()).rows;
    expect(rows.find((row) => row.organizationId === SEEDED_ORGANIZATIONS.globex)).toMatchObject({
      entraJob: { state: 'Active' },
    });
  });

  it('tells an overview opened during a reading that the Entra jobs are being read, and not once it ends', async () => {
    const { fleet, seen, signIn, holdJobReads } = fleetWith();
    await fleet.refresh(false);
    await fleet.settled();
    expect((await fleet.overview()).entraReading).toBe(false);
    let release: () => void = () => undefined;
    holdJobReads(new Promise<void>((resolve) => (release = resolve)));

    signIn(TENANT);
    fleet.entraSignInChanged();
    await vi.waitFor(() => expect(seen.jobReads).toBe(1));
    // The window opens the overview now: its answer, not only the event it missed, says so.
    expect((await fleet.overview()).entraReading).toBe(true);
    release();
    await fleet.settled();

    expect((await fleet.overview()).entraReading).toBe(false);
  });

  it('ends changes made during a reading in one more reading, for the account signed in last', async () => {
    const { fleet, seen, globex, signIn, holdJobReads } = fleetWith();
    await fleet.refresh(false);
    await fleet.settled();
    let release: () => void = () => undefined;
    holdJobReads(new Promise<void>((resolve) => (release = resolve)));

    signIn(TENANT);
    fleet.entraSignInChanged();
    await vi.waitFor(() => expect(seen.jobReads).toBe(1));
    // Signed out and in again while the first reading waits on Graph, then signed in once
    // more for another step's permissions: one more reading for the three.
    signIn(null);
    fleet.entraSignInChanged();
    signIn(TENANT);
    fleet.entraSignInChanged();
    fleet.entraSignInChanged();
    release();
    await fleet.settled();

    expect(seen.jobReads).toBe(2);
    expect((await globex())?.entraJob).toEqual({ state: 'Active' });
  });
});

describe('the composition root', () => {
  let app: RehearsalHarness;

  beforeAll(async () => {
    app = await startRehearsalHarness();
    await app.ok('sandbox:start', {});
  });

  afterAll(async () => {
    await app.close();
  });

  it('has the overview read its Entra jobs again when the admin signs out of Microsoft', async () => {
    const reread = vi.spyOn(app.services.fleet, 'entraSignInChanged');
    await app.ok('microsoft:signOut', {});
    expect(reread).toHaveBeenCalledTimes(1);
  });
});

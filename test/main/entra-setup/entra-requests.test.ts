import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings/settings';
import { mapBounded } from '../../../main/entra-setup/bounded';
import { createApp, ensureJob } from '../../../main/entra-setup/app-steps';
import { ASSIGN_CONCURRENCY } from '../../../main/entra-setup/assignments';
import { entraStepDeps } from '../../../main/entra-setup/entra-context';
import type { FetchLike } from '../../../main/http/create-http-client';
import {
  startGraphStandIn,
  type RunningGraphStandIn,
} from '../../../main/sandbox/graph-stand-in/graph-stand-in';
import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { captureLogger } from '../../support/capture-logger';
import { FakeRetryClock } from '../../support/fake-retry-clock';
import { startEntraHarness, type EntraHarness } from './entra-harness';

/**
 * The Graph requests the Entra steps leave out because this run already knows the answer: the
 * service principal from instantiate, the "User" role, the schema just written, the user rule.
 */

const acme = SEEDED_ORGANIZATIONS.acme;
const globex = SEEDED_ORGANIZATIONS.globex;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const urlOf = (input: Parameters<FetchLike>[0]) =>
  input instanceof Request ? input.url : input.toString();
const methodOf = (input: Parameters<FetchLike>[0], init: Parameters<FetchLike>[1]) =>
  init?.method ?? (input instanceof Request ? input.method : 'GET');

/**
 * Node's fetch, holding each assignment POST a while (later ones shorter, so they finish out of
 * order) and counting how many are in flight at once.
 */
function assignmentWatch() {
  const watch = { inFlight: 0, most: 0, started: 0 };
  const fetchLike: FetchLike = async (input, init) => {
    const isAssign =
      methodOf(input, init) === 'POST' &&
      new URL(urlOf(input)).pathname.endsWith('/appRoleAssignedTo');
    if (!isAssign) return fetch(input, init);
    const order = watch.started;
    watch.started += 1;
    watch.inFlight += 1;
    watch.most = Math.max(watch.most, watch.inFlight);
    try {
      await sleep(Math.max(5, 60 - order * 10));
      return await fetch(input, init);
    } finally {
      watch.inFlight -= 1;
    }
  };
  return { watch, fetch: fetchLike };
}

describe('the Entra steps through the app, sending only the Graph requests they need', () => {
  let app: EntraHarness;
  let watch: ReturnType<typeof assignmentWatch>['watch'];
  let connectionId: string;

  const history = () => app.sandbox.microsoft.graph.history;
  const sentDuring = async (step: () => Promise<unknown>) => {
    const before = history().length;
    await step();
    return history()
      .slice(before)
      .map((record) => record.operation);
  };

  beforeAll(async () => {
    const watched = assignmentWatch();
    watch = watched.watch;
    app = await startEntraHarness({ fetch: watched.fetch });
    await app.ok('microsoft:signIn', { action: 'create-app' });
    const created = await app.ok('scim:createConnection', {
      organizationId: acme,
      displayName: 'Microsoft Entra ID',
    });
    connectionId = created.connection.connectionId;
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates the app from the instantiate answer alone, and knows the "User" role when assigning', async () => {
    const sent = await sentDuring(() =>
      app.ok('entra:createApp', { organizationId: acme, displayName: 'Stytch SCIM' }),
    );
    expect(sent).toEqual(['applicationTemplates.instantiate']);
    const view = app.answers.at(-1);
    expect(view).toMatchObject({
      ok: true,
      data: { app: { displayName: 'Stytch SCIM', nonGallery: true } },
    });
  });

  it('creates the job on the app it has just created without listing its jobs first, and lists them once it has one', async () => {
    const created = await sentDuring(() => app.ok('entra:ensureJob', { organizationId: acme }));
    expect(created).toEqual(['jobs.create']);
    const again = await sentDuring(() => app.ok('entra:ensureJob', { organizationId: acme }));
    expect(again).toEqual(['jobs.list']);
    expect(app.sandbox.microsoft.graph.state.jobs.size).toBe(1);
    await app.ok('entra:saveCredentials', { organizationId: acme, connectionId });
  });

  it('sends the assignment POSTs concurrently within the bound, outcomes in request order', async () => {
    const { users, groups } = app.sandbox.microsoft.graph.state;
    const adele = users[0]?.objectId ?? '';
    await app.ok('entra:assign', {
      organizationId: acme,
      principals: [{ id: adele, kind: 'user' }],
    });
    watch.most = 0;
    watch.started = 0;

    const principals = [
      ...users.map((user) => ({ id: user.objectId, kind: 'user' as const })),
      ...groups.map((group) => ({ id: group.objectId, kind: 'group' as const })),
    ];
    expect(principals.length).toBeGreaterThan(ASSIGN_CONCURRENCY);
    let answer: Awaited<ReturnType<typeof app.ok<'entra:assign'>>> | undefined;
    const sent = await sentDuring(async () => {
      answer = await app.ok('entra:assign', { organizationId: acme, principals });
    });

    // No service principal read: the role came from the instantiate answer.
    expect(sent.filter((operation) => operation === 'servicePrincipals.get')).toEqual([]);
    expect(sent.filter((operation) => operation === 'appRoleAssignedTo.create')).toHaveLength(
      principals.length,
    );
    expect(watch.started).toBe(principals.length);
    expect(watch.most).toBe(ASSIGN_CONCURRENCY);
    expect(answer?.outcomes).toEqual(
      principals.map((principal) => ({
        principalId: principal.id,
        alreadyAssigned: principal.id === adele,
      })),
    );
    const shown = answer?.view.assignments ?? [];
    expect(shown.map((a) => a.principalId).sort()).toEqual(principals.map((p) => p.id).sort());
    expect(shown.find((a) => a.principalId === groups[0]?.objectId)).toEqual({
      principalId: groups[0]?.objectId,
      kind: 'group',
      displayName: 'Sales and Marketing',
    });
    const roles = app.sandbox.microsoft.graph.state.apps[0]?.assignments.map((a) => a.appRoleId);
    expect(new Set(roles)).toEqual(new Set(['18d14569-c3bd-439b-9a66-3a2aee01d14f']));
  });

  it('shows the mapping it wrote without reading the schema back', async () => {
    const read = await app.ok('entra:readMapping', { organizationId: acme });
    const sent = await sentDuring(() =>
      app.ok('entra:fixMapping', {
        organizationId: acme,
        fingerprint: read.mapping?.fingerprint ?? '',
      }),
    );
    expect(sent).toEqual(['jobs.schema.get', 'jobs.schema.put']);
    expect(app.answers.at(-1)).toMatchObject({
      ok: true,
      data: { mapping: { currentSource: '[objectId]', correct: true } },
    });
  });

  it('provisions on demand with the user rule from this run’s schema read, without reading it again', async () => {
    const adele = app.sandbox.microsoft.graph.state.users[0]?.objectId ?? '';
    let shown: Awaited<ReturnType<typeof app.ok<'entra:provisionOnDemand'>>> | undefined;
    const sent = await sentDuring(async () => {
      shown = await app.ok('entra:provisionOnDemand', { organizationId: acme, userId: adele });
    });
    expect(sent).toEqual(['jobs.provisionOnDemand']);
    expect(shown?.lastOnDemand?.userId).toBe(adele);
    expect(shown?.lastOnDemand?.result).toMatch(/Success|Skipped/);
  });

  it('reads the schema once for on demand when this run has not read it for that job', async () => {
    const found = await app.ok('entra:findApps', {
      organizationId: globex,
      displayName: 'Stytch SCIM',
    });
    const request = {
      organizationId: globex,
      servicePrincipalId: found.apps[0]?.servicePrincipalId ?? '',
    };
    // Acme's app, already provisioning to Acme's connection: linked once the host is confirmed.
    const asked = await app.ok('entra:useApp', request);
    const confirmHost = asked.outcome === 'confirm' ? asked.host : '';
    expect(await app.ok('entra:useApp', { ...request, confirmHost })).toMatchObject({
      outcome: 'linked',
    });
    const alex = app.sandbox.microsoft.graph.state.users[1]?.objectId ?? '';
    const sent = await sentDuring(() =>
      app.ok('entra:provisionOnDemand', { organizationId: globex, userId: alex }),
    );
    expect(sent).toEqual(['jobs.schema.get', 'jobs.provisionOnDemand']);
    const again = await sentDuring(() =>
      app.ok('entra:provisionOnDemand', { organizationId: globex, userId: alex }),
    );
    expect(again).toEqual(['jobs.provisionOnDemand']);
  });
});

describe('createApp without reading the new service principal back, while Graph replicates it', () => {
  let standIn: RunningGraphStandIn | undefined;

  afterEach(async () => {
    await standIn?.stop();
    standIn = undefined;
  });

  /** The Entra steps' deps on a Graph stand-in of its own, on virtual time; nothing else is needed. */
  function entraSetupOn(graph: RunningGraphStandIn, clock: FakeRetryClock) {
    let settings: Settings = structuredClone(DEFAULT_SETTINGS);
    const unused = () => Promise.reject(new Error('not used by these steps'));
    return entraStepDeps({
      microsoft: {
        target: () =>
          Promise.resolve({
            sandbox: true,
            tenantId: graph.state.tenantId,
            tenant: 'Contoso (sandbox)',
            homeAccountId: 'admin.home',
            username: 'admin@contoso.com',
            graphBaseUrl: graph.baseUrl,
          }),
        accessToken: () => graph.accessToken([]),
      },
      settings: {
        get: () => Promise.resolve(settings),
        mutate: (change) => {
          settings = change(settings);
          return Promise.resolve(settings);
        },
      },
      fetch,
      logger: captureLogger().logger,
      clock,
      stytch: { client: unused },
      secrets: { readToken: unused },
    });
  }

  it('links the app at once; ensureJob waits out the 404s and creates the job once', async () => {
    const clock = new FakeRetryClock();
    standIn = await startGraphStandIn({ now: () => new Date(clock.now()), replicationReads: 3 });
    const entra = entraSetupOn(standIn, clock);

    const created = await createApp(entra, acme, 'Stytch SCIM');
    expect(created.app).toMatchObject({ displayName: 'Stytch SCIM', nonGallery: true });
    expect(standIn.history.map((record) => record.operation)).toEqual([
      'applicationTemplates.instantiate',
    ]);
    expect(clock.sleeps).toEqual([]);

    const withJob = await ensureJob(entra, acme);
    expect(withJob.job?.jobId).toMatch(/^scim\./);
    // Three 404s on the new app, each waited out, then the create (a new app has no job to list).
    expect(clock.sleeps).toHaveLength(3);
    expect(standIn.history.map((record) => record.operation)).toEqual([
      'applicationTemplates.instantiate',
      'jobs.create',
      'jobs.create',
      'jobs.create',
      'jobs.create',
    ]);
    expect(standIn.state.jobs.size).toBe(1);
    expect(standIn.state.apps[0]?.unreplicatedReads).toBe(0);
  });
});

describe('mapBounded, the bound the assignment POSTs go through', () => {
  it('starts nothing after a failure, lets started work finish, then throws the first failure', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapBounded([0, 1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      await sleep(item === 1 ? 5 : 20);
      finished.push(item);
      if (item === 1) throw new Error('refused 1');
      return item;
    });
    await expect(run).rejects.toThrow('refused 1');
    // 0 and 1 start; 1 fails first; 0 still finishes; 2 and later never start.
    expect(started).toEqual([0, 1]);
    expect(finished.sort()).toEqual([0, 1]);
  });
});

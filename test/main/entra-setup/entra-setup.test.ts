import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EntraHealthSchema, EntraSetupViewSchema } from '../../../shared/entra/entra-views';
import type { Result } from '../../../shared/errors';
import { ipcContract } from '../../../shared/ipc';
import { SETTINGS_FILE_NAME } from '../../../main/settings/settings-store';
import type { defaultSchema } from '../../../main/sandbox/graph-stand-in/job-schema';
import { SANDBOX_TENANT_ID } from '../../../main/sandbox/graph-stand-in/tenant';
import { SANDBOX_ACCOUNTS } from '../../../main/sandbox/sandbox-microsoft';
import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { startEntraHarness, type EntraHarness } from './entra-harness';

const acme = SEEDED_ORGANIZATIONS.acme;
const initech = SEEDED_ORGANIZATIONS.initech;

describe('the Entra steps through Microsoft Graph, in sandbox mode, through the real dispatcher', () => {
  let app: EntraHarness;
  let acmeConnection: string;
  let jobId: string;
  const scimTokens: string[] = [];

  const view = (data: unknown) => EntraSetupViewSchema.parse(data);
  /** The stand-in's job, to read and set its schema as Entra would hold it. */
  const standInJob = (id: string) => {
    const entry = app.sandbox.microsoft.graph.state.jobs.get(id);
    if (entry === undefined) throw new Error(`The stand-in has no job ${id}.`);
    return entry.job;
  };
  const createConnection = async (organizationId: string) => {
    const created = await app.ok('scim:createConnection', {
      organizationId,
      displayName: 'Microsoft Entra ID',
    });
    const { connectionId } = created.connection;
    scimTokens.push(app.secretStore.snapshot().get(`scim-token:${connectionId}`) ?? '');
    return connectionId;
  };

  beforeAll(async () => {
    app = await startEntraHarness();
    acmeConnection = await createConnection(acme);
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows nothing and refuses Graph steps before anyone signs in to Microsoft', async () => {
    expect(await app.ok('microsoft:status', {})).toEqual({
      sandbox: true,
      clientIdConfigured: true,
      account: null,
    });
    expect(view(await app.ok('entra:get', { organizationId: acme })).app).toBeNull();
    const refused = await app.call('entra:createApp', {
      organizationId: acme,
      displayName: 'Stytch SCIM',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'MICROSOFT_NOT_SIGNED_IN' } });
  });

  it("names each step's Graph action on the refusal, so “Sign in to Microsoft” asks for it", async () => {
    const refusedAction = async (answer: Promise<Result<unknown>>) => {
      const result = await answer;
      expect(result).toMatchObject({ ok: false, error: { code: 'MICROSOFT_NOT_SIGNED_IN' } });
      return result.ok ? undefined : result.error.action;
    };
    const org = { organizationId: acme };
    expect(await refusedAction(app.call('entra:findApps', { ...org, displayName: 'x' }))).toBe(
      'read-apps',
    );
    expect(await refusedAction(app.call('entra:createApp', { ...org, displayName: 'x' }))).toBe(
      'create-app',
    );
    expect(await refusedAction(app.call('entra:ensureJob', org))).toBe('configure-provisioning');
    expect(await refusedAction(app.call('entra:readMapping', org))).toBe('read-provisioning');
    expect(
      await refusedAction(
        app.call('entra:unassign', { ...org, principalId: '00000000-0000-4000-8000-000000000001' }),
      ),
    ).toBe('assign-users');
    expect(
      await refusedAction(app.call('entra:searchDirectory', { kind: 'user', text: 'a' })),
    ).toBe('pick-users-and-groups');
  });

  it('signs in at the sandbox stand-in, opening only its loopback page', async () => {
    const status = await app.ok('microsoft:signIn', { action: 'create-app' });
    expect(status).toEqual({
      sandbox: true,
      clientIdConfigured: true,
      account: {
        username: 'adele.vance@contoso.com',
        name: 'Adele Vance',
        tenantId: SANDBOX_TENANT_ID,
        tenant: 'Contoso (sandbox)',
      },
    });
    expect(app.opened).toHaveLength(1);
    expect(new URL(app.opened[0] ?? '').hostname).toBe('127.0.0.1');
  });

  it('answers a clear error for a step that needs the app before there is one', async () => {
    for (const channel of ['entra:ensureJob', 'entra:start', 'entra:health'] as const) {
      const answer = await app.call(channel, { organizationId: acme });
      expect(answer).toMatchObject({ ok: false, error: { code: 'ENTRA_STEP_MISSING' } });
      expect(answer.ok ? '' : answer.error.message).toContain('No Entra app yet');
      expect(answer.ok ? '' : answer.error.hint).toContain('create one');
    }
  });

  it('creates the non-gallery app, remembers it for this org and tenant, and finds it again', async () => {
    const created = view(
      await app.ok('entra:createApp', { organizationId: acme, displayName: 'Stytch SCIM' }),
    );
    expect(created.app).toMatchObject({ displayName: 'Stytch SCIM', nonGallery: true });
    const settings = JSON.parse(await readFile(join(app.dir, SETTINGS_FILE_NAME), 'utf8')) as {
      entraApps: unknown[];
    };
    expect(settings.entraApps).toEqual([
      {
        organizationId: acme,
        sandbox: true,
        tenantId: SANDBOX_TENANT_ID,
        // The tenant's name, so the overview can say where to sign in to see its job.
        tenantName: 'Contoso (sandbox)',
        servicePrincipalId: created.app?.servicePrincipalId,
        jobId: null,
        // Who created it: later Graph writes for Acme need the same account signed in.
        confirmedBy: {
          homeAccountId: expect.any(String) as string,
          username: SANDBOX_ACCOUNTS.adele.username,
        },
      },
    ]);
    const found = await app.ok('entra:findApps', {
      organizationId: acme,
      displayName: 'Stytch SCIM',
    });
    expect(found.apps[0]?.servicePrincipalId).toBe(created.app?.servicePrincipalId);
  });

  it('creates the scim job once; a second ensureJob finds the same one', async () => {
    const first = view(await app.ok('entra:ensureJob', { organizationId: acme }));
    jobId = first.job?.jobId ?? '';
    expect(jobId).toMatch(/^scim\./);
    const again = view(await app.ok('entra:ensureJob', { organizationId: acme }));
    expect(again.job?.jobId).toBe(jobId);
    expect(app.sandbox.microsoft.graph.state.jobs.size).toBe(1);
  });

  it("runs Entra's own Test Connection against the sandbox SCIM endpoint and passes", async () => {
    const tested = view(
      await app.ok('entra:testConnection', { organizationId: acme, connectionId: acmeConnection }),
    );
    expect(tested.lastTest).toMatchObject({
      connectionId: acmeConnection,
      passed: true,
      scimCode: null,
      error: null,
    });
  });

  it('saves the credentials into the job (Tenant URL and Secret Token together)', async () => {
    const saved = view(
      await app.ok('entra:saveCredentials', { organizationId: acme, connectionId: acmeConnection }),
    );
    expect(saved.credentialsSaved?.connectionId).toBe(acmeConnection);
    // The new job's own settings were read and sent back with the credentials (PUT replaces).
    expect(saved.credentialsSaved?.keptSettings).toEqual(['SyncNotificationSettings', 'SyncAll']);
    const app0 = app.sandbox.microsoft.graph.state.apps[0];
    expect(app0?.secrets.map((pair) => pair.key)).toEqual([
      'BaseAddress',
      'SecretToken',
      'SyncNotificationSettings',
      'SyncAll',
    ]);
    expect(app0?.secrets[1]?.value).toBe(scimTokens[0]);
  });

  it('reads the externalId mapping, refuses a fix for a schema changed since, and applies the one change', async () => {
    // The stand-in's new job carries Entra's default mappings: mailNickname → externalId.
    const job = standInJob(jobId);
    const read = view(await app.ok('entra:readMapping', { organizationId: acme }));
    expect(read.mapping).toMatchObject({
      currentSource: '[mailNickname]',
      proposedSource: '[objectId]',
      correct: false,
      objectMappingName: 'Provision Azure Active Directory Users',
    });

    // Someone edits the mappings in the portal meanwhile.
    const edited = structuredClone(job.schema) as ReturnType<typeof defaultSchema>;
    edited.version = 'Date:2025-03-02T00:00:00Z~###~Version:8';
    job.schema = edited;
    const stale = await app.call('entra:fixMapping', {
      organizationId: acme,
      fingerprint: read.mapping?.fingerprint ?? '',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'GRAPH_CONFLICT' } });
    expect(job.schema).toEqual(edited);

    const reread = view(await app.ok('entra:readMapping', { organizationId: acme }));
    const fixed = view(
      await app.ok('entra:fixMapping', {
        organizationId: acme,
        fingerprint: reread.mapping?.fingerprint ?? '',
      }),
    );
    expect(fixed.mapping).toMatchObject({ currentSource: '[objectId]', correct: true });
    const expected = structuredClone(edited);
    const userMapping = expected.synchronizationRules[0]?.objectMappings[0];
    const externalId = userMapping?.attributeMappings.find(
      (m) => m.targetAttributeName === 'externalId',
    );
    if (externalId === undefined) throw new Error('default schema without externalId');
    externalId.source = {
      expression: '[objectId]',
      name: 'objectId',
      type: 'Attribute',
      parameters: [],
    };
    // Everything else, the directories' nested definitions included, went back as it was read.
    expect(expected.directories.flatMap((d) => d.objects ?? []).length).toBeGreaterThan(0);
    expect(job.schema).toEqual(expected);
  });

  it('assigns two users and a group with the app\'s "User" role; assigning again is not an error', async () => {
    const users = await app.ok('entra:searchDirectory', { kind: 'user', text: '' });
    const groups = await app.ok('entra:searchDirectory', { kind: 'group', text: 'Eng' });
    expect(groups.principals.map((g) => g.displayName)).toEqual(['Engineering']);
    const [adele, alex] = users.principals;
    const engineering = groups.principals[0];
    if (!adele || !alex || !engineering) throw new Error('the sandbox tenant has fewer people');
    const principals = [
      { id: adele.id, kind: 'user' as const },
      { id: alex.id, kind: 'user' as const },
      { id: engineering.id, kind: 'group' as const },
    ];
    const first = await app.ok('entra:assign', { organizationId: acme, principals });
    expect(first.outcomes.map((o) => o.alreadyAssigned)).toEqual([false, false, false]);
    const again = await app.ok('entra:assign', {
      organizationId: acme,
      principals: [{ id: adele.id, kind: 'user' }],
    });
    expect(again.outcomes).toEqual([{ principalId: adele.id, alreadyAssigned: true }]);
    expect(again.view.assignments?.map((a) => a.kind).sort()).toEqual(['group', 'user', 'user']);
    const roles = app.sandbox.microsoft.graph.state.apps[0]?.assignments.map((a) => a.appRoleId);
    expect(new Set(roles)).toEqual(new Set(['18d14569-c3bd-439b-9a66-3a2aee01d14f']));
  });

  it("starts provisioning, provisions one user on demand with Entra's steps, and reads the job's health", async () => {
    const started = view(await app.ok('entra:start', { organizationId: acme }));
    expect(started.job).toMatchObject({ jobId, scheduleState: 'Active' });

    // Adele is assigned (above): on demand exports her.
    const adele = (await app.ok('entra:searchDirectory', { kind: 'user', text: 'Adele' }))
      .principals[0];
    const onDemand = view(
      await app.ok('entra:provisionOnDemand', { organizationId: acme, userId: adele?.id ?? '' }),
    ).lastOnDemand;
    expect(onDemand?.userId).toBe(adele?.id);
    expect(onDemand?.result).toMatch(/Success|Skipped/);
    expect(onDemand?.steps.length).toBeGreaterThanOrEqual(3);
    expect(onDemand?.steps.map((s) => s.type)).toEqual(['import', 'scoping', 'matching', 'export']);
    expect(onDemand?.userDisplayName).toBe('Adele Vance');

    const health = EntraHealthSchema.parse(await app.ok('entra:health', { organizationId: acme }));
    expect(health.job.status).toBe('Active');
    expect(health.logError).toBeNull();
    expect(health.log.length).toBeGreaterThan(0);
    expect(health.log.some((row) => row.sourceIdentity.id === adele?.id)).toBe(true);
    const failuresFirst = health.log.findIndex((row) => row.status !== 'Failure');
    expect(health.log.slice(failuresFirst).every((row) => row.status !== 'Failure')).toBe(true);

    const restarted = await app.ok('entra:restart', { organizationId: acme });
    expect(ipcContract['entra:restart'].response.safeParse(restarted).success).toBe(true);
  });

  it('keeps the job health when the log cannot be read (no AuditLog.Read.All): logError, not a failure', async () => {
    app.sandbox.microsoft.graph.controls.withholdConsent('AuditLog.Read.All');
    const health = await app.ok('entra:health', { organizationId: acme });
    expect(health.job.jobId).toBe(jobId);
    expect(health.log).toEqual([]);
    expect(health.logError?.code).toBe('MICROSOFT_CONSENT_REQUIRED');
    expect(health.logError?.action).toBe('read-provisioning-logs');
  });

  it("answers a faulty organization's failed Test Connection as a value with the simulator's code", async () => {
    const connectionId = await createConnection(initech);
    await app.ok('entra:createApp', { organizationId: initech, displayName: 'Initech SCIM' });
    const noJob = await app.call('entra:testConnection', { organizationId: initech, connectionId });
    expect(noJob).toMatchObject({ ok: false, error: { code: 'ENTRA_STEP_MISSING' } });
    expect(noJob.ok ? '' : noJob.error.message).toContain('no provisioning job');
    await app.ok('entra:ensureJob', { organizationId: initech });
    const tested = view(
      await app.ok('entra:testConnection', { organizationId: initech, connectionId }),
    );
    expect(tested.lastTest).toMatchObject({ connectionId, passed: false });
    expect(tested.lastTest?.scimCode).toMatch(/^SystemForCrossDomainIdentityManagement\w+$/);
    expect(tested.lastTest?.error).toMatchObject({ code: 'GRAPH_CREDENTIALS_REJECTED' });
    expect(tested.lastTest?.error?.message).toContain(tested.lastTest?.scimCode ?? '');
    // Acme's evidence is its own.
    const acmeView = view(await app.ok('entra:get', { organizationId: acme }));
    expect(acmeView.lastTest?.passed).toBe(true);
  });

  it('links an existing app with its job, and says clearly when a schema has no user mapping', async () => {
    const globex = SEEDED_ORGANIZATIONS.globex;
    const found = await app.ok('entra:findApps', {
      organizationId: globex,
      displayName: 'Stytch SCIM',
    });
    const request = {
      organizationId: globex,
      servicePrincipalId: found.apps[0]?.servicePrincipalId ?? '',
    };
    // Acme's app: its job already provisions to Acme's connection, so the assistant asks first.
    const asked = await app.ok('entra:useApp', request);
    if (asked.outcome !== 'confirm') throw new Error('useApp linked another organization’s app');
    const acmeConnectionView = await app.ok('scim:getConnection', { organizationId: acme });
    expect(asked.host).toBe(new URL(acmeConnectionView.connection?.tenantUrl ?? '').host);
    const linked = await app.ok('entra:useApp', { ...request, confirmHost: asked.host });
    if (linked.outcome !== 'linked') throw new Error('useApp did not link after the yes');
    const used = view(linked.view);
    expect(used.job?.jobId).toBe(jobId);
    expect(used.lastTest).toBeNull();
    // The Graph stand-in's own schema has a user rule but no object mappings in it.
    standInJob(jobId).schema = {
      synchronizationRules: [{ id: 'r1', name: 'USER_TO_SCIM', objectMappings: [] }],
    };
    const unreadable = await app.call('entra:readMapping', { organizationId: globex });
    expect(unreadable).toMatchObject({ ok: false, error: { code: 'GRAPH_UNEXPECTED_RESPONSE' } });
    expect(unreadable.ok ? '' : unreadable.error.hint).toContain('Mappings');
  });

  it('lets no SCIM token or Microsoft access token into any IPC answer, log line or the settings file', async () => {
    const accessTokens = await Promise.all(
      (['create-app', 'configure-provisioning', 'read-apps'] as const).map((action) =>
        app.services.microsoft.accessToken(action),
      ),
    );
    const answers = JSON.stringify(app.answers);
    const logs = app.log.text();
    const settings = await readFile(join(app.dir, SETTINGS_FILE_NAME), 'utf8');
    for (const secret of [...scimTokens, ...accessTokens]) {
      expect(secret.length).toBeGreaterThan(16);
      expect(answers).not.toContain(secret);
      expect(logs).not.toContain(secret);
      expect(settings).not.toContain(secret);
    }
  });
});

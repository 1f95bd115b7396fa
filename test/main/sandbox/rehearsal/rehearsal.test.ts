import type { ProvisioningLogRow } from '../../../../shared/provisioning/log-row';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { matching } from '../../../support/matching';
import type { WatchSnapshot } from '../../../../shared/provisioning/watch';
import { ipcContract } from '../../../../shared/ipc';
import { RehearsalViewSchema, type RehearsalRun } from '../../../../shared/provisioning/rehearsal';
import { DEMO_IDS } from '../../../../main/sandbox/rehearsal/demo-directory';
import { SEEDED_ORGANIZATIONS } from '../../../../main/sandbox/seed';
import { answerCredentialCheck } from '../../ipc/ipc-harness';
import { startRehearsalHarness, type RehearsalHarness } from './rehearsal-harness';

const runSchema = ipcContract['rehearsal:run'].response;
const summary = (log: ProvisioningLogRow[]) =>
  log.map((entry) => [entry.sourceIdentity.displayName, entry.action, entry.status]);

describe('the rehearsal in sandbox mode, against the sandbox SCIM endpoint over loopback', () => {
  let app: RehearsalHarness;
  let acme: { organizationId: string; connectionId: string };
  let tenantBase: string;
  let token: string;

  /** The watch's last published snapshot (the rehearsal has it look after every action). */
  const watched = (): WatchSnapshot => {
    const update = app.events.filter((e) => e.event === 'watch:update').at(-1);
    return update?.payload as WatchSnapshot;
  };
  const statusOf = (email: string) => watched().members.find((m) => m.email === email)?.status;
  const scimRequests = () => app.sent.filter((request) => request.url.startsWith(tenantBase));
  const run = async (action: 'provision-on-demand' | 'cycle' | 'unassign') => {
    const answer = await app.ok('rehearsal:run', { ...acme, action });
    expect(runSchema.safeParse(answer).success).toBe(true);
    return answer;
  };

  beforeAll(async () => {
    app = await startRehearsalHarness();
    await app.ok('sandbox:start', {});
    const created = await app.ok('scim:createConnection', {
      organizationId: SEEDED_ORGANIZATIONS.acme,
      displayName: 'Microsoft Entra ID',
    });
    acme = {
      organizationId: SEEDED_ORGANIZATIONS.acme,
      connectionId: created.connection.connectionId,
    };
    tenantBase = created.connection.baseUrl.split('?')[0] ?? '';
    token = app.secretStore.snapshot().get(`scim-token:${acme.connectionId}`) ?? '';
    expect(token.length).toBeGreaterThan(20);
    await app.ok('watch:start', acme);
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows the demo directory before anything is sent: 5 users and 2 groups, all assigned', async () => {
    const view = await app.ok('rehearsal:get', acme);
    expect(RehearsalViewSchema.safeParse(view).success).toBe(true);
    expect(
      view.users.map((user) => [user.userPrincipalName, user.assigned, user.provisioned]),
    ).toEqual([
      ['adele.vance@contoso.com', true, false],
      ['alex.wilber@contoso.com', true, false],
      ['diego.siciliani@contoso.com', true, false],
      ['megan.bowen@contoso.com', true, false],
      ['nestor.wilke@contoso.com', true, false],
    ]);
    expect(view.groups).toEqual([
      expect.objectContaining({
        displayName: 'Sales and Marketing',
        assigned: true,
        members: ['Adele Vance', 'Alex Wilber', 'Megan Bowen'],
      }),
      expect.objectContaining({
        displayName: 'Engineering',
        assigned: true,
        members: ['Diego Siciliani', 'Nestor Wilke'],
      }),
    ]);
    expect(view.next).toEqual({ onDemand: 'Adele Vance', unassign: null });
    expect(view).toMatchObject({ job: { state: 'running', quarantine: null }, runs: [], log: [] });
    expect(scimRequests()).toEqual([]);
  });

  it('answers "nobody to unassign" as a value, sending nothing, while nobody is provisioned', async () => {
    const { run: unassigned } = await run('unassign');
    expect(unassigned).toMatchObject({
      action: 'unassign',
      ran: null,
      completed: false,
      error: { code: 'REHEARSAL_NOBODY_TO_UNASSIGN' },
    });
    expect(scimRequests()).toEqual([]);
  });

  it('provisions the first user on demand: the member arrives in the watch', async () => {
    const { run: onDemand, rehearsal } = await run('provision-on-demand');
    expect(onDemand).toMatchObject<Partial<RehearsalRun>>({
      ran: 'on-demand',
      user: 'Adele Vance',
      completed: true,
      entries: 1,
      failures: 0,
      error: null,
    });
    expect(summary(rehearsal.log)).toEqual([['Adele Vance', 'Create', 'Success']]);
    expect(rehearsal.log[0]?.trigger).toBe('onDemand');
    expect(rehearsal.log[0]?.steps.map((step) => step.name)).toEqual([
      'Import',
      'Scope',
      'Match',
      'Action',
    ]);
    expect(rehearsal.next.onDemand).toBe('Alex Wilber');
    // The dummy-user check, the match query and the create, each with the connection's token.
    expect(scimRequests().map((request) => request.method)).toEqual(['GET', 'GET', 'POST']);
    expect(scimRequests().every((request) => request.authorization === `Bearer ${token}`)).toBe(
      true,
    );
    const adele = watched().members.find((m) => m.email === 'adele.vance@contoso.com');
    expect(adele).toMatchObject({ status: 'active', externalId: DEMO_IDS.adele });
  });

  it('runs the initial cycle: five users and two groups, and the watch sees all five', async () => {
    const { run: cycle, rehearsal } = await run('cycle');
    expect(cycle).toMatchObject({ ran: 'initial', completed: true, failures: 0, error: null });
    expect(summary(rehearsal.log.slice(0, cycle.entries)).reverse()).toEqual([
      ['Adele Vance', 'Other', 'Skipped'],
      ['Alex Wilber', 'Create', 'Success'],
      ['Diego Siciliani', 'Create', 'Success'],
      ['Megan Bowen', 'Create', 'Success'],
      ['Nestor Wilke', 'Create', 'Success'],
      ['Sales and Marketing', 'Create', 'Success'],
      ['Engineering', 'Create', 'Success'],
    ]);
    expect(rehearsal.users.every((user) => user.provisioned)).toBe(true);
    expect(rehearsal.next).toEqual({ onDemand: null, unassign: 'Adele Vance' });
    expect(watched().counts).toEqual({ active: 5, deactivated: 0, total: 5 });
    expect(
      watched().members.find((m) => m.email === 'diego.siciliani@contoso.com')?.groups,
    ).toEqual(['Engineering']);
  });

  it('unassigns the next user and runs an incremental cycle: PATCH active false, member deactivated', async () => {
    const before = scimRequests().length;
    const { run: unassigned, rehearsal } = await run('unassign');
    expect(unassigned).toMatchObject({
      action: 'unassign',
      ran: 'incremental',
      user: 'Adele Vance',
      completed: true,
      failures: 0,
    });
    expect(summary(rehearsal.log.slice(0, unassigned.entries)).reverse()).toEqual([
      ['Adele Vance', 'Disable', 'Success'],
      ['Sales and Marketing', 'Update', 'Success'],
    ]);
    const patches = scimRequests()
      .slice(before)
      .filter((request) => request.method === 'PATCH')
      .map((request) => JSON.parse(request.body ?? 'null') as unknown);
    expect(patches).toContainEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    expect(statusOf('adele.vance@contoso.com')).toBe('deactivated');
    expect(watched().counts).toEqual({ active: 4, deactivated: 1, total: 5 });
    expect(rehearsal.users[0]).toMatchObject({ assigned: false, provisioned: false });
    expect(rehearsal.groups[0]?.members).toEqual(['Alex Wilber', 'Megan Bowen']);
    expect(rehearsal.next).toEqual({ onDemand: null, unassign: 'Alex Wilber' });
  });

  it('keeps one simulated job per connection for the session', async () => {
    const view = await app.ok('rehearsal:get', acme);
    expect(view.runs.map((r) => [r.action, r.ran])).toEqual([
      ['unassign', 'incremental'],
      ['cycle', 'initial'],
      ['provision-on-demand', 'on-demand'],
      ['unassign', null],
    ]);
    const { run: onDemand } = await run('provision-on-demand');
    expect(onDemand).toMatchObject({ ran: null, error: { code: 'REHEARSAL_NOBODY_TO_PROVISION' } });
    const { run: quiet } = await run('cycle');
    expect(quiet).toMatchObject({ ran: 'incremental', completed: true, entries: 0 });
  });

  it('shows a faulty endpoint (Initech answers the filter query with 404) failing the cycle', async () => {
    const created = await app.ok('scim:createConnection', {
      organizationId: SEEDED_ORGANIZATIONS.initech,
      displayName: 'Microsoft Entra ID',
    });
    const initech = {
      organizationId: SEEDED_ORGANIZATIONS.initech,
      connectionId: created.connection.connectionId,
    };
    const { run: failed, rehearsal } = await app.ok('rehearsal:run', {
      ...initech,
      action: 'cycle',
    });
    expect(failed).toMatchObject({
      ran: 'initial',
      completed: false,
      error: { code: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable' },
    });
    expect(failed.error?.message).toContain('Response Status Code: NotFound');
    expect(rehearsal.job).toMatchObject({
      state: 'quarantined',
      quarantine: { reason: 'EncounteredQuarantineException' },
    });
    expect(rehearsal.users.every((user) => !user.provisioned)).toBe(true);
    // Acme's rehearsal is its own.
    expect((await app.ok('rehearsal:get', acme)).job.state).toBe('running');
  });

  it('sends nothing for a connection that is not the organization’s own', async () => {
    const before = app.sent.length;
    const answer = await app.call('rehearsal:run', {
      organizationId: SEEDED_ORGANIZATIONS.globex,
      connectionId: acme.connectionId,
      action: 'cycle',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'STYTCH_SCIM_CONNECTION_NOT_FOUND' },
    });
    expect(app.sent.slice(before).some((request) => request.url.startsWith(tenantBase))).toBe(
      false,
    );
  });

  it('never puts the token in an answer, an event or a log line', () => {
    const everything = JSON.stringify([app.answers, app.events, app.logs]);
    expect(everything).not.toContain(token);
    expect(
      app.logs.filter((record) => record.event === 'rehearsal.ran').length,
    ).toBeGreaterThanOrEqual(6);
  });
});

describe('the rehearsal outside sandbox mode', () => {
  let app: RehearsalHarness;

  beforeAll(async () => {
    // Stytch (test environment) as far as the credential check; nothing else answers.
    app = await startRehearsalHarness((input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
      const answer = answerCredentialCheck({ method, url });
      return answer ? Promise.resolve(answer) : Promise.reject(new TypeError('fetch failed'));
    });
    await app.ok('stytch:connect', { projectId: 'project-test-1', secret: 'secret-test-abc' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses every rehearsal channel before reading a token or sending anything', async () => {
    const target = {
      organizationId: 'organization-test-1',
      connectionId: 'scim-connection-test-1',
    };
    const sentBefore = app.sent.length;
    for (const answer of [
      await app.call('rehearsal:get', target),
      await app.call('rehearsal:run', { ...target, action: 'provision-on-demand' }),
      await app.call('rehearsal:run', { ...target, action: 'cycle' }),
      await app.call('rehearsal:run', { ...target, action: 'unassign' }),
    ]) {
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'SANDBOX_ONLY', message: matching(/only in sandbox mode/) },
      });
    }
    expect(app.sent.slice(sentBefore)).toEqual([]);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { EntraSetupViewSchema, JobScopeSchema } from '../../../shared/entra/entra-views';
import type { StandInApp } from '../../../main/sandbox/graph-stand-in/tenant';
import { startEntraHarness, type EntraHarness } from './entra-harness';
import { ACME, APP_NAME, refusal, requestsOf } from './failure-modes/support';

/**
 * Issue 18, item 4: the job's scope (the synchronization secret SyncAll, which "Determines scope
 * of sync between all users and groups or only ones that are assigned": Graph beta,
 * synchronizationSecretKeyStringValuePair) read before Start, and Start refused in main for
 * "Sync all users and groups" (or an unreadable scope) unless the request carries the admin's
 * yes. Through the real dispatcher over the sandbox's Graph stand-in.
 */

let app: EntraHarness;
let standInApp: StandInApp;
let connectionId: string;

/** What the admin set in the Entra admin center besides the scope, in Entra's order. */
const NOTIFICATIONS = { key: 'SyncNotificationSettings', value: '{"Enabled":false}' };
const SKIP_DELETIONS = { key: 'SkipOutOfScopeDeletions', value: 'true' };

const graph = () => app.sandbox.microsoft.graph;
/** The stand-in's settings as the admin center left them, SyncAll as given (null: absent). */
const handSet = (syncAll: string | null) => {
  standInApp.secrets = [
    ...standInApp.secrets.filter((s) => s.key === 'BaseAddress' || s.key === 'SecretToken'),
    NOTIFICATIONS,
    ...(syncAll === null ? [] : [{ key: 'SyncAll', value: syncAll }]),
    SKIP_DELETIONS,
  ];
};
const readScope = async () =>
  JobScopeSchema.parse(await app.ok('entra:readScope', { organizationId: ACME }));
const started = () => {
  const [entry] = graph().state.jobs.values();
  return entry?.job.view().schedule.state === 'Active';
};

beforeAll(async () => {
  app = await startEntraHarness();
  await app.ok('microsoft:signIn', { action: 'create-app' });
  await app.ok('entra:createApp', { organizationId: ACME, displayName: APP_NAME });
  await app.ok('entra:ensureJob', { organizationId: ACME });
  const created = await app.ok('scim:createConnection', {
    organizationId: ACME,
    displayName: 'Microsoft Entra ID',
  });
  connectionId = created.connection.connectionId;
  await app.ok('entra:saveCredentials', { organizationId: ACME, connectionId });
  const [first] = graph().state.apps;
  if (first === undefined) throw new Error('the stand-in has no app');
  standInApp = first;
});

afterAll(async () => {
  await app.close();
});

describe('entra:readScope', () => {
  it('reads a new job’s SyncAll "false" as Sync only assigned users and groups, without counting users', async () => {
    const before = requestsOf(app, 'users.count').length;
    const scope = await readScope();
    expect(scope).toMatchObject({ scope: 'assigned', syncAll: 'false', userCount: null });
    const secretsReads = requestsOf(app, 'secrets.list');
    expect(secretsReads.at(-1)?.apiVersion).toBe('beta');
    expect(requestsOf(app, 'users.count')).toHaveLength(before);
  });

  it('reads "True" as Sync all users and groups and counts the tenant’s users (GET /users/$count)', async () => {
    handSet('True');
    const scope = await readScope();
    expect(scope).toMatchObject({ scope: 'all', syncAll: 'True', unknownBecause: null });
    expect(scope.userCount).toBe(graph().state.users.length);
    expect(requestsOf(app, 'users.count').at(-1)).toMatchObject({
      method: 'GET',
      path: '/users/$count',
      apiVersion: 'v1.0',
    });
  });

  it('is served as Graph serves it: text/plain with ConsistencyLevel eventual, 400 without (user-list.md)', async () => {
    const { baseUrl, accessToken } = graph();
    const authorization = `Bearer ${await accessToken([])}`;
    const counted = await fetch(`${baseUrl}/users/$count`, {
      headers: { authorization, ConsistencyLevel: 'eventual' },
    });
    expect(counted.headers.get('content-type')).toBe('text/plain');
    expect(await counted.text()).toBe(String(graph().state.users.length));
    const refused = await fetch(`${baseUrl}/users/$count`, { headers: { authorization } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { code: 'Request_BadRequest', message: '$count is not currently supported.' },
    });
  });

  it('says unknown when the job has no SyncAll, and still counts the users', async () => {
    handSet(null);
    expect(await readScope()).toMatchObject({
      scope: 'unknown',
      unknownBecause: 'absent',
      userCount: graph().state.users.length,
    });
  });

  it('says unknown when Graph refuses the beta read, and does not fail', async () => {
    handSet('false');
    graph().controls.refuse('secrets.list', 403);
    try {
      expect(await readScope()).toMatchObject({ scope: 'unknown', unknownBecause: 'unreadable' });
    } finally {
      graph().controls.allow('secrets.list');
    }
  });

  it('asks the question without a number when the count cannot be read', async () => {
    handSet('true');
    graph().controls.refuse('users.count', 403);
    try {
      expect(await readScope()).toMatchObject({ scope: 'all', userCount: null });
      const failed = app.log.records.filter((r) => r.event === 'entra.user-count-failed');
      expect(failed.at(-1)?.fields).toEqual({ code: 'GRAPH_PERMISSION_DENIED' });
    } finally {
      graph().controls.allow('users.count');
    }
  });
});

describe('entra:start when the job syncs all users and groups', () => {
  beforeEach(() => {
    handSet('true');
  });

  it('refuses without the confirmation, naming the user count, and the job stays unstarted', async () => {
    const error = refusal(await app.call('entra:start', { organizationId: ACME }));
    expect(error.code).toBe('ENTRA_CONFIRMATION_REQUIRED');
    expect(error.message).toContain('Sync all users and groups');
    expect(error.message).toContain(`all ${graph().state.users.length} users`);
    expect(error.hint).toContain('Sync only assigned users and groups');
    expect(requestsOf(app, 'jobs.start')).toHaveLength(0);
    expect(started()).toBe(false);
    // What main read is the evidence the renderer shows next.
    const view = EntraSetupViewSchema.parse(await app.ok('entra:get', { organizationId: ACME }));
    expect(view.scope).toMatchObject({ scope: 'all', syncAll: 'true' });
  });

  it('refuses a confirmation of another scope (the admin said yes to "unknown", Entra now says all)', async () => {
    const error = refusal(
      await app.call('entra:start', { organizationId: ACME, confirmScope: 'unknown' }),
    );
    expect(error.code).toBe('ENTRA_CONFIRMATION_REQUIRED');
    expect(error.message).toContain('has changed since');
    expect(started()).toBe(false);
  });

  it('refuses an unknown scope without confirmation too', async () => {
    handSet(null);
    const error = refusal(await app.call('entra:start', { organizationId: ACME }));
    expect(error.code).toBe('ENTRA_CONFIRMATION_REQUIRED');
    expect(error.message).toContain('could not read the job’s scope');
    expect(started()).toBe(false);
  });

  it('switches to assigned-only: SyncAll false, the other settings kept in their places, credentials re-sent', async () => {
    const baseAddress = standInApp.secrets.find((s) => s.key === 'BaseAddress')?.value;
    const token = standInApp.secrets.find((s) => s.key === 'SecretToken')?.value;
    const view = EntraSetupViewSchema.parse(
      await app.ok('entra:setAssignedOnly', { organizationId: ACME, connectionId }),
    );
    expect(standInApp.secrets).toEqual([
      { key: 'BaseAddress', value: baseAddress },
      { key: 'SecretToken', value: token },
      NOTIFICATIONS,
      { key: 'SyncAll', value: 'false' },
      SKIP_DELETIONS,
    ]);
    expect(view.scope).toMatchObject({ scope: 'assigned', syncAll: 'false' });
    expect(view.credentialsSaved?.keptSettings).toEqual([
      'SyncNotificationSettings',
      'SkipOutOfScopeDeletions',
    ]);
  });

  it('starts with the confirmation of "all"', async () => {
    const view = EntraSetupViewSchema.parse(
      await app.ok('entra:start', { organizationId: ACME, confirmScope: 'all' }),
    );
    expect(view.job?.scheduleState).toBe('Active');
    expect(requestsOf(app, 'jobs.start')).toHaveLength(1);
  });
});

describe('entra:start when the job syncs only assigned users and groups', () => {
  it('starts without any confirmation', async () => {
    handSet('false');
    await app.ok('entra:start', { organizationId: ACME });
    expect(requestsOf(app, 'jobs.start')).toHaveLength(2);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EntraSetupViewSchema } from '../../../shared/entra/entra-views';
import type { StandInApp } from '../../../main/sandbox/graph-stand-in/tenant';
import { startEntraHarness, type EntraHarness } from './entra-harness';
import { ACME, APP_NAME, refusal, requestsOf, virtualTime } from './failure-modes/support';

/**
 * `PUT …/synchronization/secrets` replaces the whole set (reference §2, Secrets), so
 * entra:saveCredentials reads the job's settings first (Graph beta) and sends the others back
 * unchanged: through the real dispatcher and handlers over the sandbox's Graph stand-in.
 */

/** A notification e-mail address: a kept value that must never leave main except to Graph. */
const NOTIFY_EMAIL = 'provisioning-alerts@contoso.example';
const NOTIFICATIONS = JSON.stringify({
  Enabled: true,
  Recipients: NOTIFY_EMAIL,
  DeleteThresholdEnabled: true,
  DeleteThresholdValue: 500,
});

/** What the admin set by hand in the Entra admin center, in the order Entra holds it. */
const HAND_SET = [
  { key: 'SyncNotificationSettings', value: NOTIFICATIONS },
  { key: 'SyncAll', value: 'false' },
  { key: 'SkipOutOfScopeDeletions', value: 'true' },
];
const HAND_SET_KEYS = HAND_SET.map((setting) => setting.key);

let app: EntraHarness;
let connectionId: string;
let token: string;
let standInApp: StandInApp;

const save = async () =>
  EntraSetupViewSchema.parse(
    await app.ok('entra:saveCredentials', { organizationId: ACME, connectionId }),
  );

/** The stand-in's stored set as the admin center left it (before any save of ours). */
const handSet = () => {
  standInApp.secrets = HAND_SET.map((setting) => ({ ...setting }));
};

/** Neither the IPC answers nor the log carries a kept value (only names). */
const expectNoValuesLeaked = () => {
  const out = JSON.stringify({ answers: app.answers, log: app.log.records });
  expect(out).not.toContain(NOTIFY_EMAIL);
  expect(out).not.toContain('DeleteThresholdValue');
  expect(out).not.toContain(token);
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
  token = app.secretStore.snapshot().get(`scim-token:${connectionId}`) ?? '';
  const [first] = app.sandbox.microsoft.graph.state.apps;
  if (first === undefined) throw new Error('the stand-in has no app');
  standInApp = first;
});

afterAll(async () => {
  await app.close();
});

describe('entra:saveCredentials keeps the job’s other provisioning settings', () => {
  it('starts a new job with the settings Entra gives one ([inferred] defaults)', () => {
    expect(standInApp.secrets).toEqual([
      {
        key: 'SyncNotificationSettings',
        value: '{"Enabled":false,"DeleteThresholdEnabled":false}',
      },
      { key: 'SyncAll', value: 'false' },
    ]);
  });

  it('reads the set on Graph beta, then PUTs it back whole with the new Tenant URL and Secret Token', async () => {
    handSet();
    const before = app.sandbox.microsoft.graph.history.length;

    const saved = await save();

    expect(saved.credentialsSaved).toMatchObject({ connectionId, keptSettings: HAND_SET_KEYS });
    const sent = app.sandbox.microsoft.graph.history.slice(before);
    expect(sent.map((record) => [record.operation, record.method, record.apiVersion])).toEqual([
      ['secrets.list', 'GET', 'beta'],
      ['secrets.put', 'PUT', 'v1.0'],
    ]);
    const tenantUrl = standInApp.secrets.find((s) => s.key === 'BaseAddress')?.value ?? '';
    expect(tenantUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(standInApp.secrets).toEqual([
      { key: 'BaseAddress', value: tenantUrl },
      { key: 'SecretToken', value: token },
      ...HAND_SET,
    ]);
    expectNoValuesLeaked();
  });

  it('saves again over its own earlier save: SecretToken read back withheld (null) is replaced, the rest kept', async () => {
    // The stand-in answers SecretToken's value as null; the app replaces it, so that is no reason
    // to give up on the others.
    const saved = await save();

    expect(saved.credentialsSaved?.keptSettings).toEqual(HAND_SET_KEYS);
    expect(standInApp.secrets.slice(2)).toEqual(HAND_SET);
    expect(standInApp.secrets[1]).toEqual({ key: 'SecretToken', value: token });
    expectNoValuesLeaked();
  });

  for (const status of [400, 403, 404, 405]) {
    it(`falls back to the two credentials when Graph refuses the read (${status}), and says so`, async () => {
      handSet();
      app.sandbox.microsoft.graph.controls.refuse('secrets.list', status);
      try {
        const saved = await save();

        expect(saved.credentialsSaved).toMatchObject({ connectionId, keptSettings: null });
        expect(standInApp.secrets.map((s) => s.key)).toEqual(['BaseAddress', 'SecretToken']);
        expect(standInApp.secrets[1]?.value).toBe(token);
        const unreadable = app.log.records.filter((r) => r.event === 'entra.settings-unreadable');
        expect(unreadable.at(-1)?.fields).toMatchObject({ status });
        expectNoValuesLeaked();
      } finally {
        app.sandbox.microsoft.graph.controls.allow('secrets.list');
      }
    });
  }

  it('falls back to the two credentials when a kept setting reads back masked, rather than writing the mask', async () => {
    handSet();
    app.sandbox.microsoft.graph.state.secretsReadAs.set('SyncNotificationSettings', '*****');
    try {
      const saved = await save();

      expect(saved.credentialsSaved?.keptSettings).toBeNull();
      const putValues = standInApp.secrets.map((s) => s.value);
      expect(putValues).not.toContain('*****');
      expect(standInApp.secrets.map((s) => s.key)).toEqual(['BaseAddress', 'SecretToken']);
      const withheld = app.log.records.filter((r) => r.event === 'entra.settings-withheld');
      expect(withheld.at(-1)?.fields).toEqual({
        keys: ['SyncNotificationSettings', 'SyncAll', 'SkipOutOfScopeDeletions'],
      });
      expectNoValuesLeaked();
    } finally {
      app.sandbox.microsoft.graph.state.secretsReadAs.delete('SyncNotificationSettings');
    }
  });

  it('stops, writing nothing, when the read fails for another reason (503 after retries)', async () => {
    handSet();
    const putsBefore = requestsOf(app, 'secrets.put').length;
    app.sandbox.microsoft.graph.controls.refuse('secrets.list', 503);
    const time = virtualTime();
    try {
      const error = refusal(
        await app.call('entra:saveCredentials', { organizationId: ACME, connectionId }),
      );

      expect(error.code).toBe('GRAPH_SERVER_ERROR');
      expect(error.message).toContain('secrets.list');
      expect(requestsOf(app, 'secrets.put')).toHaveLength(putsBefore);
      expect(standInApp.secrets).toEqual(HAND_SET);
      expectNoValuesLeaked();
    } finally {
      time.restore();
      app.sandbox.microsoft.graph.controls.allow('secrets.list');
    }
  });
});

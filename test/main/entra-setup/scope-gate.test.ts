import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StandInApp } from '../../../main/sandbox/graph-stand-in/tenant';
import { startEntraHarness, type EntraHarness } from './entra-harness';
import { ACME, APP_NAME, refusal } from './failure-modes/support';

let app: EntraHarness;
let standInApp: StandInApp;

const setSyncAll = (value: string) => {
  standInApp.secrets = standInApp.secrets.map((s) => (s.key === 'SyncAll' ? { ...s, value } : s));
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
  await app.ok('entra:saveCredentials', {
    organizationId: ACME,
    connectionId: created.connection.connectionId,
  });
  const [first] = app.sandbox.microsoft.graph.state.apps;
  if (first === undefined) throw new Error('the stand-in has no app');
  standInApp = first;
});

afterAll(async () => {
  await app.close();
});

describe('entra:start when the job syncs all users and groups', () => {
  it('refuses without the confirmation, and the job stays unstarted', async () => {
    setSyncAll('true');
    const error = refusal(await app.call('entra:start', { organizationId: ACME }));
    expect(error.code).toBe('ENTRA_CONFIRMATION_REQUIRED');
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Result } from '../../../shared/errors';
import type { InvokeChannel } from '../../../shared/ipc-channels';
import { WatchSnapshotSchema, type WatchSnapshot } from '../../../shared/provisioning/watch';
import { composeServices, HANDLERS, type Services } from '../../../main/composition';
import { stopServices } from '../../support/compose-services';
import { createEntraSimulator } from '../../../main/sandbox/entra-simulator/entra-simulator';
import { createDispatcher, type Dispatch, type EmitEvent } from '../../../main/ipc/dispatch';
import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { ListableKeytarStore } from '../../support/keychain';
import { FakeClipboard } from '../../support/fake-clipboard';
import { IDS, initialDirectory } from '../sandbox/entra-simulator/fixtures';
import { scimRequest, setActive } from '../../support/stand-in-harness';
import { entraUser } from '../../support/scim-users';
import { allFileText } from '../../support/file-text';
import { assertKeychainReachable, uniqueService } from '../../support/keychain';
import { captureLogger } from '../../support/capture-logger';

/**
 * The whole life of a connection, through the app's own composition and handler table, against
 * the Stytch stand-in and the real keychain: connect, create, copy, test, rotate, fail a few
 * calls on purpose, delete; then a second connection watched (step 7) while SCIM writes and the
 * Entra simulator provision into it. Afterwards every secret that existed on the way is looked
 * for in everything that leaves main or lands on disk: IPC answers (errors included), events
 * (probe reports, watch snapshots), the simulator's log and results, logs and the settings
 * folder. The clipboard and the keychain are the only places allowed to hold one.
 */
let dir: string;
let keychain: ListableKeytarStore;
let services: Services;
let dispatch: Dispatch;
const capture = captureLogger();
const answers: Result<unknown>[] = [];
const events: Array<{ event: string; payload: unknown }> = [];
/** What the Entra simulator answered and logged; the app shows these to the admin. */
const simulatorOutput: unknown[] = [];
const secrets = new Set<string>();
const emit: EmitEvent = (event, payload) => events.push({ event, payload });

async function call(channel: InvokeChannel, request: unknown): Promise<Result<unknown>> {
  const answer = await dispatch(channel, request, emit);
  answers.push(answer);
  return answer;
}

async function ok<T>(channel: InvokeChannel, request: unknown): Promise<T> {
  const answer = await call(channel, request);
  if (!answer.ok)
    throw new Error(`${channel} failed: ${answer.error.code} ${answer.error.message}`);
  return answer.data as T;
}

/** Everything the keychain holds right now joins the set of secrets to look for. */
async function noteKeychainSecrets(): Promise<void> {
  for (const ref of await keychain.list()) {
    const value = await keychain.read(ref);
    if (value !== null) secrets.add(value);
  }
}

/** Looks for every secret in everything that left main or landed on disk so far. */
async function expectNoSecretOutside(): Promise<void> {
  const outside = {
    'IPC answers': JSON.stringify(answers),
    'events (probe progress, watch snapshots, notices)': JSON.stringify(events),
    "simulator's log and results": JSON.stringify(simulatorOutput),
    logs: capture.text(),
    'settings folder': await allFileText(dir),
  };
  for (const [where, text] of Object.entries(outside)) {
    for (const secret of secrets) {
      expect(text.includes(secret), `a secret reached the ${where}`).toBe(false);
    }
  }
}

beforeAll(async () => {
  keychain = new ListableKeytarStore({ service: uniqueService('no-secret-escapes') });
  await assertKeychainReachable(keychain);
  dir = await mkdtemp(join(tmpdir(), 'no-secret-escapes-'));
  services = composeServices({
    app: { name: 'SCIM Setup Assistant', version: '0.0.0-test', platform: process.platform },
    logger: capture.logger,
    fetch,
    openExternal: () => Promise.resolve(),
    userDataDir: dir,
    secretStore: keychain,
    clipboardPort: new FakeClipboard(),
  });
  dispatch = createDispatcher(HANDLERS, services, capture.logger);
});

afterAll(async () => {
  await stopServices(services, dir);
  for (const ref of await keychain.list()) await keychain.delete(ref);
});

describe('no secret leaves main except by the clipboard', () => {
  it('runs create → copy → test → rotate → delete (and some failures) without a secret escaping', async () => {
    await ok('sandbox:start', {});
    const sandbox = await services.sandbox.ensureStarted();
    secrets.add(sandbox.secret);
    const organizationId = SEEDED_ORGANIZATIONS.acme;
    await ok('stytch:searchOrganizations', { query: 'Acme', limit: 10 });

    const created = await ok<{ connection: { connectionId: string; tenantUrl: string } }>(
      'scim:createConnection',
      { organizationId, displayName: 'Entra' },
    );
    const { connectionId } = created.connection;
    await noteKeychainSecrets();
    const current = { kind: 'scim-token', connectionId } as const;
    await ok('clipboard:copy', { kind: 'secret', handle: current });
    await ok('probe:run', { runId: 'run-1', organizationId, token: current, writeCycle: true });

    // Failures on purpose: their messages and hints must not carry a secret either.
    expect((await call('scim:createConnection', { organizationId, displayName: 'x' })).ok).toBe(
      false,
    );
    expect((await call('scim:rotateComplete', { organizationId, connectionId })).ok).toBe(false);
    expect(
      (
        await call('probe:run', {
          runId: 'run-2',
          organizationId: SEEDED_ORGANIZATIONS.globex,
          token: current,
        })
      ).ok,
    ).toBe(false);

    await ok('scim:rotateStart', { organizationId, connectionId });
    await noteKeychainSecrets();
    const next = { kind: 'scim-next-token', connectionId } as const;
    await ok('clipboard:copy', { kind: 'secret', handle: next });
    await ok('probe:run', { runId: 'run-3', organizationId, token: next });
    await ok('scim:rotateComplete', { organizationId, connectionId });
    await ok('scim:deleteConnection', { organizationId, connectionId });
    expect(await keychain.list()).toEqual([
      { kind: 'stytch-project', projectId: sandbox.projectId },
    ]);

    // The first token, the next one and the project secret; each long enough to be unique.
    expect(secrets.size).toBeGreaterThanOrEqual(3);
    for (const secret of secrets) expect(secret.length).toBeGreaterThan(20);
    expect(answers.filter((answer) => !answer.ok)).toHaveLength(3);
    expect(events.length).toBeGreaterThan(10);
    await expectNoSecretOutside();
  });

  it('watches a connection while SCIM and the Entra simulator write its members, without a secret escaping', async () => {
    await ok('sandbox:start', {});
    const sandbox = await services.sandbox.ensureStarted();
    secrets.add(sandbox.secret);
    // The secret as every Stytch call carries it: HTTP Basic, base64 of "project:secret".
    secrets.add(Buffer.from(`${sandbox.projectId}:${sandbox.secret}`).toString('base64'));
    // An org of its own, so this test does not lean on the lifecycle above having cleaned up.
    const organizationId = sandbox.state.organization('umbrella-health').organization_id;
    const created = await ok<{ connection: { connectionId: string; tenantUrl: string } }>(
      'scim:createConnection',
      { organizationId, displayName: 'Entra' },
    );
    const { connectionId, tenantUrl } = created.connection;
    await noteKeychainSecrets();
    const token = await services.secrets.readToken({ kind: 'scim-token', connectionId });
    expect(secrets.has(token)).toBe(true);

    await ok('watch:start', { organizationId, connectionId });

    // A user written straight through the connection's SCIM endpoint, then deactivated.
    const frank = await scimRequest(
      tenantUrl,
      token,
      'POST',
      '/Users',
      entraUser('frank@contoso.com', randomUUID()),
    );
    expect(frank.status).toBe(201);
    const frankId = String(frank.json?.id);
    expect(
      (await scimRequest(tenantUrl, token, 'PATCH', `/Users/${frankId}`, setActive(false))).status,
    ).toBe(200);

    // Entra, simulated with the Tenant URL and the token from the keychain: Test Connection,
    // the initial cycle (five users, two groups), then Erin unassigned.
    const made = createEntraSimulator({ tenantUrl, token, fetch });
    if (!made.ok) throw new Error(made.error.message);
    const simulator = made.simulator;
    const connectionCheck = await simulator.testConnection();
    const initial = await simulator.runCycle(initialDirectory());
    const unassigned = initialDirectory();
    unassigned.assignments = unassigned.assignments.filter((id) => id !== IDS.erin);
    const incremental = await simulator.runCycle(unassigned);
    simulatorOutput.push(
      connectionCheck,
      initial,
      incremental,
      simulator.log(),
      simulator.state(),
      simulator.quarantine(),
    );
    expect(connectionCheck).toEqual({ ok: true });
    expect(initial).toMatchObject({ completed: true, error: null });
    expect(incremental.entries.map((entry) => [entry.action, entry.status])).toEqual([
      ['Disable', 'Success'],
    ]);

    // Look now, so the pushed snapshot carries every write above, then stop watching.
    const seen = await ok<WatchSnapshot>('watch:refresh', {});
    await ok('watch:stop', {});
    expect(seen.counts).toEqual({ active: 4, deactivated: 2, total: 6 });
    const updates = events.filter((e) => e.event === 'watch:update');
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(WatchSnapshotSchema.parse(updates.at(-1)?.payload).counts.total).toBe(6);

    await ok('scim:deleteConnection', { organizationId, connectionId });
    await expectNoSecretOutside();
  });

  it('lists, sweeps and saves the report of every connection without a secret escaping', async () => {
    await ok('sandbox:start', {});
    const sandbox = await services.sandbox.ensureStarted();
    const organizationId = sandbox.state.organization('stark-industries').organization_id;
    await ok('scim:createConnection', { organizationId, displayName: 'Entra' });
    await noteKeychainSecrets();
    // The reports are saved into the data folder, so they are searched with the cache beside them.
    services.saveDialog = {
      choosePath: ({ defaultName }) => Promise.resolve(join(dir, defaultName)),
    };
    await ok('fleet:overview', {});
    await services.fleet.settled();
    await ok('fleet:sweepStart', {});
    await services.fleet.settled();
    const status = await ok<{ state: string; counts: { passed: number } }>('fleet:sweepStatus', {});
    expect(status.state).toBe('finished');
    expect(status.counts.passed).toBeGreaterThanOrEqual(1);
    await ok('fleet:saveReport', { format: 'csv' });
    await ok('fleet:saveReport', { format: 'html' });
    expect(events.filter((e) => e.event === 'fleet:progress').length).toBeGreaterThanOrEqual(2);
    expect(await allFileText(dir)).toContain('SCIM connections report');
    await expectNoSecretOutside();
  });
});

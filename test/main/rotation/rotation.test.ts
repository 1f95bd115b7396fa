import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  RotationOutcomeSchema,
  RotationProgressSchema,
  type RotationOutcome,
} from '../../../shared/rotation/rotation';
import { SETTINGS_FILE_NAME } from '../../../main/settings/settings-store';
import type { StandInApp } from '../../../main/sandbox/graph-stand-in/tenant';
import {
  linkedConnection,
  startEntraHarness,
  type EntraHarness,
} from '../entra-setup/entra-harness';
import { ACME, APP_NAME, INITECH } from '../entra-setup/failure-modes/support';
import { entraPairStatus, entraSetting, graphRefusal, trap, trappingFetch, traps } from './traps';

/**
 * Rotation in Stytch and Entra together (main/rotation/), through the real dispatcher over real
 * loopback HTTP to the sandbox's Stytch stand-in, its SCIM endpoint and the Graph stand-in. Both
 * readings of Stytch's pending token, and a failure at each step: every time, the token Entra
 * holds must still be accepted by Stytch's SCIM endpoint (a working pair), and the keychain must
 * still hold every token Stytch accepts (none lost).
 */

let app: EntraHarness;
let connectionId: string;
let standInApp: StandInApp;
/** Every token value seen in this file, to prove none of them leaves main. */
const tokensSeen = new Set<string>();

const secretOf = (key: string) => entraSetting(standInApp, key);
const keychain = (kind: 'scim-token' | 'scim-next-token') =>
  app.secretStore.snapshot().get(`${kind}:${connectionId}`) ?? null;
const noteTokens = () => {
  for (const value of app.secretStore.snapshot().values()) tokensSeen.add(value);
  tokensSeen.add(secretOf('SecretToken'));
};

const stytchConnection = async () => {
  const read = await app.ok('scim:getConnection', { organizationId: ACME });
  if (read.connection === null) throw new Error('the connection is gone');
  return read.connection;
};

/** A working pair, and no token lost: what every outcome must leave. */
async function expectWorkingPairAndNoTokenLost() {
  noteTokens();
  expect(await entraPairStatus(standInApp)).toBe(200);
  const connection = await stytchConnection();
  // The token Stytch holds as current is on this computer…
  expect(keychain('scim-token')?.slice(-4)).toBe(connection.token.last4);
  expect(connection.token.storage).toBe('keychain');
  // …and a pending rotation's new token too (none is kept when nothing is pending).
  expect(keychain('scim-next-token') !== null).toBe(connection.rotating);
}

async function rotate(): Promise<RotationOutcome> {
  const runId = randomUUID();
  const outcome = RotationOutcomeSchema.parse(
    await app.ok('rotation:run', { organizationId: ACME, connectionId, runId }),
  );
  noteTokens();
  return outcome;
}

const progressOf = (runId: string) =>
  app.events
    .filter((event) => event.event === 'rotation:progress')
    .map((event) => RotationProgressSchema.parse(event.payload))
    .filter((progress) => progress.runId === runId);

const failedOutcome = (outcome: RotationOutcome) => {
  if (outcome.outcome !== 'failed') throw new Error(`expected a failure, got ${outcome.outcome}`);
  return outcome;
};

beforeAll(async () => {
  app = await startEntraHarness({ fetch: trappingFetch });
  connectionId = await linkedConnection(app, ACME, APP_NAME);
  const [first] = app.sandbox.microsoft.graph.state.apps;
  if (first === undefined) throw new Error('the stand-in has no app');
  standInApp = first;
  noteTokens();
});

beforeEach(() => {
  traps.length = 0;
  app.sandbox.state.pendingToken = 'until-complete';
});

afterAll(async () => {
  await app.close();
});

describe('rotation:run, pending token refused until Complete (Stytch’s documented reading)', () => {
  it('completes in Stytch first, saves the new token in Entra at once, tests it, and measures the gap', async () => {
    await expectWorkingPairAndNoTokenLost();
    const oldToken = keychain('scim-token');

    const outcome = await rotate();

    expect(outcome).toMatchObject({ outcome: 'rotated', order: 'stytch-first' });
    if (outcome.outcome !== 'rotated') return;
    expect(outcome.steps).toEqual([
      'start',
      'check-pending',
      'complete',
      'entra-save',
      'entra-test',
    ]);
    // Entra held the old token, which Stytch refused, from Complete until the save: a real span.
    expect(outcome.gap.open).toBe(false);
    expect(outcome.gap.seconds).toBeGreaterThan(0);
    expect(outcome.gap.seconds).toBeLessThan(30);
    const newToken = keychain('scim-token');
    expect(newToken).not.toBe(oldToken);
    expect(secretOf('SecretToken')).toBe(newToken);
    expect(outcome.connection.token.last4).toBe(newToken?.slice(-4));
    await expectWorkingPairAndNoTokenLost();
    const progress = progressOf(outcome.runId);
    expect(progress.filter((p) => p.state === 'done').map((p) => p.step)).toEqual(outcome.steps);
    expect(progress.find((p) => p.step === 'entra-save' && p.state === 'done')?.detail).toMatch(
      /Entra held a token Stytch refused for \d+\.\d s\./,
    );
  });

  it('remembers the answer for the project, without a token', async () => {
    const settings = JSON.parse(await readFile(join(app.dir, SETTINGS_FILE_NAME), 'utf8')) as {
      rotationChecks: unknown[];
    };
    expect(settings.rotationChecks).toEqual([
      {
        projectId: expect.any(String) as string,
        accepted: false,
        checkedAt: expect.any(String) as string,
      },
    ]);
    const info = await app.ok('rotation:get', { organizationId: ACME, connectionId });
    expect(info).toEqual({
      pendingCheck: { accepted: false, checkedAt: expect.any(String) as string },
      across: { available: true, reason: null },
    });
  });

  it('a failed pending check cancels the rotation: the current token stays, in Stytch and Entra', async () => {
    const before = keychain('scim-token');
    trap.pendingCheck();

    const outcome = failedOutcome(await rotate());

    expect(outcome.failedStep).toBe('check-pending');
    expect(outcome.error.code).toBe('ROTATION_CHECK_FAILED');
    expect(outcome.steps).toEqual(['start', 'check-pending', 'cancel']);
    expect(outcome.left).toMatchObject({ rotationPending: false, entraHasOldToken: true });
    expect(outcome.error.hint).toContain('rotation was cancelled');
    expect(keychain('scim-token')).toBe(before);
    expect(secretOf('SecretToken')).toBe(before);
    await expectWorkingPairAndNoTokenLost();
  });

  it('a failed Complete cancels the rotation, Entra untouched', async () => {
    const before = keychain('scim-token');
    trap.complete();

    const outcome = failedOutcome(await rotate());

    expect(outcome.failedStep).toBe('complete');
    expect(outcome.steps).toEqual(['start', 'check-pending', 'complete', 'cancel']);
    expect(secretOf('SecretToken')).toBe(before);
    await expectWorkingPairAndNoTokenLost();
  });

  it('says it does not know whether Complete landed when Stytch cannot be read back, never that the rotation is pending', async () => {
    trap.completeLandsUnseen();

    const outcome = failedOutcome(await rotate());

    expect(outcome.failedStep).toBe('complete');
    expect(outcome.left).toMatchObject({
      rotationPending: null,
      completed: null,
      entraHasOldToken: true,
    });
    expect(outcome.error.hint).toContain(
      'the app does not know whether the rotation completed or is still pending',
    );
    expect(outcome.error.hint).toContain('Read the connection again (or check it in Stytch)');
    expect(outcome.error.hint).not.toMatch(/still pending at Stytch|left pending|was cancelled/);
    // It had completed: Entra's old token is refused, and rotating again, as the hint says, mends it.
    expect(await entraPairStatus(standInApp)).toBe(401);
    expect(await rotate()).toMatchObject({ outcome: 'rotated' });
    await expectWorkingPairAndNoTokenLost();
  });

  it('a failed Entra save after Complete keeps the new token, reports the gap as open and says how to finish', async () => {
    trap.entraSave();

    const outcome = failedOutcome(await rotate());

    expect(outcome.failedStep).toBe('entra-save');
    expect(outcome.left).toMatchObject({ completed: true, entraHasOldToken: true });
    expect(outcome.gap).toMatchObject({ open: true });
    expect(outcome.gap?.seconds).toBeGreaterThan(0);
    expect(outcome.error.hint).toContain('Save it in Entra now');
    // Stytch accepts only the new token, and it is on this computer as the current one.
    const connection = await stytchConnection();
    expect(connection.rotating).toBe(false);
    expect(keychain('scim-token')?.slice(-4)).toBe(connection.token.last4);
    expect(await entraPairStatus(standInApp)).toBe(401);

    // The way out the error names: save in Entra again, with the kept token.
    await app.ok('entra:saveCredentials', { organizationId: ACME, connectionId });
    await expectWorkingPairAndNoTokenLost();
  });

  it('a failed Entra test after Complete leaves Entra with the new token, which Stytch accepts', async () => {
    trap.entraTest();

    const outcome = failedOutcome(await rotate());

    expect(outcome.failedStep).toBe('entra-test');
    expect(outcome.left).toMatchObject({ completed: true, entraHasOldToken: false });
    expect(outcome.gap).toMatchObject({ open: false });
    await expectWorkingPairAndNoTokenLost();
  });
});

describe('rotation:run, pending token accepted at once (the other reading, the stand-in’s switch)', () => {
  beforeEach(() => {
    app.sandbox.state.pendingToken = 'at-once';
  });

  it('saves the new token in Entra first, tests it with Entra, then completes: no gap', async () => {
    const oldToken = keychain('scim-token');

    const outcome = await rotate();

    expect(outcome).toMatchObject({
      outcome: 'rotated',
      order: 'entra-first',
      gap: { seconds: 0, open: false },
    });
    expect(outcome.steps).toEqual([
      'start',
      'check-pending',
      'entra-save',
      'entra-test',
      'complete',
    ]);
    expect(keychain('scim-token')).not.toBe(oldToken);
    expect(secretOf('SecretToken')).toBe(keychain('scim-token'));
    await expectWorkingPairAndNoTokenLost();
    const info = await app.ok('rotation:get', { organizationId: ACME, connectionId });
    expect(info.pendingCheck?.accepted).toBe(true);
  });

  for (const [step, set] of [
    ['entra-save', trap.entraSave],
    ['entra-test', trap.entraTest],
    ['complete', trap.complete],
  ] as const) {
    it(`a failure at ${step} puts the old token back in Entra and cancels the rotation`, async () => {
      const before = keychain('scim-token');
      set();

      const outcome = failedOutcome(await rotate());

      expect(outcome.failedStep).toBe(step);
      expect(outcome.steps.slice(-2)).toEqual(['restore-entra', 'cancel']);
      expect(outcome.left).toMatchObject({ rotationPending: false, entraHasOldToken: true });
      expect(secretOf('SecretToken')).toBe(before);
      expect(keychain('scim-token')).toBe(before);
      await expectWorkingPairAndNoTokenLost();
    });
  }

  it('keeps the new token in Entra when Complete may have landed unseen, and says the state is unknown', async () => {
    trap.completeLandsUnseen();

    const outcome = failedOutcome(await rotate());

    expect(outcome.failedStep).toBe('complete');
    // Putting the old token back would lock Entra out, since Complete did land.
    expect(outcome.steps.slice(-1)).toEqual(['complete']);
    expect(outcome.left).toMatchObject({
      rotationPending: null,
      completed: null,
      entraHasOldToken: false,
    });
    expect(outcome.error.hint).toContain(
      'Entra holds the new token, which Stytch accepts either way.',
    );
    expect(outcome.error.hint).not.toMatch(/still pending at Stytch|left pending|was cancelled/);
    expect(await entraPairStatus(standInApp)).toBe(200);
    expect(await rotate()).toMatchObject({ outcome: 'rotated' });
    await expectWorkingPairAndNoTokenLost();
  });

  it('when the old token cannot go back into Entra, the rotation stays pending so Entra’s new token keeps working', async () => {
    // The new token's save goes through, Entra's test fails, and putting the old token back fails.
    trap.entraTest();
    let puts = 0;
    traps.push({
      matches: (method, url) =>
        method === 'PUT' && url.includes('/synchronization/secrets') && ++puts === 2,
      response: graphRefusal,
    });

    const outcome = failedOutcome(await rotate());

    expect(outcome.failedStep).toBe('entra-test');
    expect(outcome.steps.slice(-1)).toEqual(['restore-entra']);
    expect(outcome.left).toMatchObject({ rotationPending: true, entraHasOldToken: false });
    expect(secretOf('SecretToken')).toBe(keychain('scim-next-token'));
    await expectWorkingPairAndNoTokenLost();

    // The next run takes up the pending rotation with its kept token and finishes it.
    const again = await rotate();
    expect(again).toMatchObject({ outcome: 'rotated', order: 'entra-first' });
    await expectWorkingPairAndNoTokenLost();
  });
});

describe('rotation without Graph, and what leaves main', () => {
  it('refuses another organization’s connection before anything changes: main pairs the token with the organization’s own app', async () => {
    // A compromised renderer naming Initech's connection beside Acme's organization would send
    // Initech's new token to Acme's enterprise app; main checks the pair itself.
    const other = await app.ok('scim:createConnection', {
      organizationId: INITECH,
      displayName: 'Microsoft Entra ID',
    });
    const otherBefore = await app.ok('scim:getConnection', { organizationId: INITECH });
    const entraBefore = secretOf('SecretToken');
    // Every write to Stytch, noted and let through: none may be sent for such a pair.
    const stytchWrites: string[] = [];
    traps.push({
      matches: (method, url) => {
        if (method !== 'GET' && url.includes('/scim/')) stytchWrites.push(`${method} ${url}`);
        return false;
      },
      response: () => new Response(null, { status: 500 }),
    });
    const outcome = failedOutcome(
      RotationOutcomeSchema.parse(
        await app.ok('rotation:run', {
          organizationId: ACME,
          connectionId: other.connection.connectionId,
          runId: randomUUID(),
        }),
      ),
    );
    expect(outcome.failedStep).toBe('start');
    expect(outcome.error.code).toBe('STYTCH_SCIM_CONNECTION_NOT_FOUND');
    expect(stytchWrites).toEqual([]);
    expect(await app.ok('scim:getConnection', { organizationId: INITECH })).toEqual(otherBefore);
    expect(secretOf('SecretToken')).toBe(entraBefore);
    noteTokens();
  });

  it('says why the run across both is not available once signed out', async () => {
    await app.ok('microsoft:signOut', {});
    const info = await app.ok('rotation:get', { organizationId: ACME, connectionId });
    expect(info.across).toEqual({ available: false, reason: 'not-signed-in' });
    const refused = await app.call('rotation:run', {
      organizationId: ACME,
      connectionId,
      runId: randomUUID(),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'MICROSOFT_NOT_SIGNED_IN' } });
  });

  it('no token reaches an answer, an event, the log or the settings file', async () => {
    const settingsFile = await readFile(join(app.dir, SETTINGS_FILE_NAME), 'utf8');
    const out = JSON.stringify({
      answers: app.answers,
      events: app.events,
      log: app.log.records,
      settingsFile,
    });
    const values = [...tokensSeen].filter((value) => value.length >= 16);
    expect(values.length).toBeGreaterThan(6);
    for (const value of values) expect(out).not.toContain(value);
    expect(app.events.some((event) => event.event === 'rotation:progress')).toBe(true);
  });
});

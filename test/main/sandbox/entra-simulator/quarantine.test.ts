import { afterEach, describe, expect, it } from 'vitest';

import {
  createEntraSimulator,
  type EntraSimulatorOptions,
} from '../../../../main/sandbox/entra-simulator/entra-simulator';
import {
  DOCUMENTED_THRESHOLDS,
  EscrowTally,
  type Outcome,
} from '../../../../main/sandbox/entra-simulator/quarantine';
import { changedDirectory, guidSequence, IDS, initialDirectory } from './fixtures';
import { scimError, startScimDouble, type ScimDouble, type ScimDoubleOptions } from './scim-double';

const TOKEN = 'double-token-0d9e8f7a6b5c4d3e2f1a';
const doubles: ScimDouble[] = [];

afterEach(async () => {
  await Promise.all(doubles.splice(0).map((double) => double.stop()));
});

async function setUp(
  fault: ScimDoubleOptions['fault'],
  options: Partial<EntraSimulatorOptions> = {},
) {
  const double = await startScimDouble({ token: TOKEN, fault });
  doubles.push(double);
  const created = createEntraSimulator({
    tenantUrl: `${double.tenantUrl}?aadOptscim062020`,
    token: TOKEN,
    fetch,
    newGuid: guidSequence(),
    ...options,
  });
  if (!created.ok) throw new Error(created.error.message);
  return { double, simulator: created.simulator };
}

function tally(counts: Partial<Record<Outcome, number>>): EscrowTally {
  const escrow = new EscrowTally();
  for (const [outcome, count] of Object.entries(counts) as [Outcome, number][]) {
    for (let i = 0; i < count; i += 1) escrow.record(outcome);
  }
  return escrow;
}

describe('quarantine: the documented escrow thresholds', () => {
  it('decides the quarantine article’s worked examples as it does', () => {
    const verdict = (counts: Partial<Record<Outcome, number>>) =>
      tally(counts).verdict(DOCUMENTED_THRESHOLDS);
    expect(verdict({ failure: 4_000 })).toBeNull();
    expect(verdict({ failure: 5_000 })).toBe('EncounteredEscrowProportionThreshold');
    expect(verdict({ failure: 45_000, success: 1_000_000 })).toBe(
      'EncounteredTotalEscrowThreshold',
    );
    expect(verdict({ failure: 30_000, success: 5_000 })).toBe(
      'EncounteredEscrowProportionThreshold',
    );
    expect(verdict({ failure: 20_000, success: 100_000 })).toBeNull();
    expect(verdict({ failure: 40_000, 'reference-failure': 21_000, success: 1_000_000 })).toBe(
      'EncounteredTotalEscrowThreshold',
    );
  });
});

describe('quarantine: jobs that mostly fail, or are refused', () => {
  it('quarantines on the failure share and stops the cycle when most creates fail', async () => {
    const failing: ScimDoubleOptions['fault'] = (request) =>
      request.method === 'POST' && request.path === '/Users'
        ? scimError(500, 'database unavailable')
        : null;
    const { simulator } = await setUp(failing, { quarantineThresholds: { minimumFailures: 3 } });
    const report = await simulator.runCycle(initialDirectory());
    expect(report.completed).toBe(false);
    expect(
      report.entries.map((entry) => [entry.action, entry.status, entry.error?.errorCode]),
    ).toEqual([
      ['Create', 'Failure', 'InternalServerError'],
      ['Create', 'Failure', 'InternalServerError'],
      ['Create', 'Failure', 'InternalServerError'],
    ]);
    expect(simulator.state()).toBe('quarantined');
    expect(simulator.quarantine()).toMatchObject({
      reason: 'EncounteredEscrowProportionThreshold',
      error: {
        code: 'InternalServerError',
        message: '3 of 3 provisioning events failed (0 reference failures).',
      },
    });

    const underDocumented = (await setUp(failing)).simulator;
    const all = await underDocumented.runCycle(initialDirectory());
    expect(all.completed).toBe(true);
    expect(all.entries.filter((entry) => entry.status === 'Failure')).toHaveLength(5);
    expect(underDocumented.state()).toBe('running');
  });

  it('quarantines at once on a 401 mid-cycle, writes nothing more, and leaves quarantine once fixed', async () => {
    let revoked = true;
    const { simulator, double } = await setUp((_request, count) =>
      revoked && count > 3 ? scimError(401, 'The token was revoked.') : null,
    );
    const stopped = await simulator.runCycle(initialDirectory());
    expect(stopped.completed).toBe(false);
    expect(
      stopped.entries.map((entry) => [entry.sourceIdentity.id, entry.action, entry.status]),
    ).toEqual([
      [IDS.alice, 'Create', 'Success'],
      [IDS.bob, 'Other', 'Failure'],
    ]);
    expect(stopped.entries[1]?.error?.errorCode).toBe('Unauthorized');
    expect(stopped.entries[1]?.error?.reason).toMatch(/^StatusCode: Unauthorized\r\n/);
    expect(double.received).toHaveLength(4);
    expect(simulator.quarantine()).toMatchObject({
      reason: 'EncounteredQuarantineException',
      error: { code: 'SystemForCrossDomainIdentityManagementCredentialValidationFailure' },
    });

    revoked = false;
    const retried = await simulator.runCycle(initialDirectory());
    expect(retried).toMatchObject({ kind: 'initial', completed: true });
    expect(retried.entries[0]).toMatchObject({ action: 'Other', status: 'Skipped' });
    expect(retried.entries.slice(1).every((entry) => entry.status === 'Success')).toBe(true);
    expect(simulator.state()).toBe('running');
  });

  it('restarts as Graph resets its scope: quarantine lifted, the next cycle an initial one', async () => {
    let revoked = false;
    const { simulator } = await setUp((_request, count) =>
      revoked && count > 3 ? scimError(401, 'The token was revoked.') : null,
    );
    expect((await simulator.runCycle(initialDirectory())).completed).toBe(true);
    revoked = true;
    await simulator.runCycle(changedDirectory());
    expect(simulator.state()).toBe('quarantined');

    await simulator.restart(['Escrows']);
    expect(simulator.state()).toBe('quarantined');
    await simulator.restart(['QuarantineState', 'Watermark']);
    expect(simulator.state()).toBe('running');
    revoked = false;
    expect(await simulator.runCycle(changedDirectory())).toMatchObject({
      kind: 'initial',
      completed: true,
    });
  });

  it('quarantines before any object when the opening dummy-user query is refused (400 invalidFilter)', async () => {
    const { simulator, double } = await setUp((request) =>
      request.query.has('filter')
        ? scimError(400, 'Filtering is not supported', 'invalidFilter')
        : null,
    );
    const report = await simulator.runCycle(initialDirectory());
    expect(report).toMatchObject({
      completed: false,
      entries: [],
      error: { code: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable' },
    });
    expect(simulator.quarantine()?.reason).toBe('EncounteredQuarantineException');
    expect(double.received.map((request) => request.method)).toEqual(['GET']);
  });
});

describe('entra simulator: the bearer token', () => {
  it('is sent as the bearer token but never appears in the log, errors or quarantine', async () => {
    const echo: ScimDoubleOptions['fault'] = (request) => {
      const told = `request carried "${request.authorization}" and token ${TOKEN}`;
      if (request.method === 'POST' && request.body?.userName === 'carol@contoso.com')
        return scimError(409, told);
      if (request.method === 'PATCH') return scimError(400, told);
      return request.path === '/Groups' && request.method === 'GET' ? scimError(400, told) : null;
    };
    const { simulator, double } = await setUp(echo, {
      quarantineThresholds: { minimumFailures: 1_000 },
    });
    const outputs = [
      await simulator.testConnection(),
      await simulator.runCycle(initialDirectory()),
      await simulator.runCycle(changedDirectory()),
      await simulator.provisionOnDemand(changedDirectory(), IDS.erin),
      simulator.log(),
      simulator.quarantine(),
    ];
    expect(double.received.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(
      true,
    );
    const written = JSON.stringify(outputs);
    expect(written).toContain('[redacted]');
    expect(written).not.toContain(TOKEN);
  });
});

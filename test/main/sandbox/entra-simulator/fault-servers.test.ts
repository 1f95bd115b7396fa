import { afterEach, describe, expect, it } from 'vitest';

import {
  createEntraSimulator,
  type EntraSimulatorOptions,
  type ProvisioningLogEntry,
} from '../../../../main/sandbox/entra-simulator/entra-simulator';
import { changedDirectory, guidSequence, IDS, initialDirectory } from './fixtures';
import { scimError, startScimDouble, type ScimDouble, type ScimDoubleOptions } from './scim-double';

const TOKEN = 'double-token-6f2c9a41b7e04d58a3c1';
const doubles: ScimDouble[] = [];

afterEach(async () => {
  await Promise.all(doubles.splice(0).map((double) => double.stop()));
});

async function setUp(
  fault: ScimDoubleOptions['fault'],
  options: { flag: boolean } & Partial<EntraSimulatorOptions>,
) {
  const double = await startScimDouble({ token: TOKEN, fault });
  doubles.push(double);
  const { flag, ...rest } = options;
  const created = createEntraSimulator({
    tenantUrl: flag ? `${double.tenantUrl}?aadOptscim062020` : double.tenantUrl,
    token: TOKEN,
    fetch,
    newGuid: guidSequence(),
    ...rest,
  });
  if (!created.ok) throw new Error(created.error.message);
  return { double, simulator: created.simulator };
}

const summary = (entries: ProvisioningLogEntry[]) =>
  entries.map((entry) => [entry.sourceIdentity.displayName, entry.action, entry.status]);
const errorOf = (entries: ProvisioningLogEntry[], objectId: string) =>
  entries.find((entry) => entry.sourceIdentity.id === objectId)?.error;
const operations = (body: Record<string, unknown> | null) =>
  (body?.Operations as Record<string, unknown>[] | undefined) ?? [];

describe('entra simulator against fault servers: PATCH dialects refused', () => {
  it('logs a legacy-only server refusing the flagged path-less replace and member filter', async () => {
    const { simulator } = await setUp(
      (request) =>
        request.method === 'PATCH' &&
        operations(request.body).some(
          (op) => typeof op.path !== 'string' || op.path.startsWith('members['),
        )
          ? scimError(400, 'PATCH operations need a plain path', 'invalidPath')
          : null,
      { flag: true },
    );
    await simulator.runCycle(initialDirectory());
    const { entries } = await simulator.runCycle(changedDirectory());
    expect(summary(entries)).toEqual([
      ['Alice Smith', 'Update', 'Failure'],
      ['Erin Brockovich', 'Disable', 'Success'],
      ['Engineering', 'Update', 'Failure'],
      ['Sales', 'Update', 'Success'],
    ]);
    const alice = errorOf(entries, IDS.alice);
    expect(alice).toMatchObject({
      errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
      errorCategory: 'nonServiceFailure',
    });
    expect(alice?.reason).toContain(
      '"scimType":"invalidPath","detail":"PATCH operations need a plain path"',
    );
    expect(errorOf(entries, IDS.engineering)?.reason).toMatch(/^StatusCode: BadRequest\r\n/);
    expect(simulator.state()).toBe('running');
  });

  it('logs a flagged-only server refusing the legacy "False" and value-list member removal', async () => {
    const { simulator, double } = await setUp(
      (request) =>
        request.method === 'PATCH' &&
        operations(request.body).some(
          (op) =>
            (typeof op.value === 'string' && /^(True|False)$/.test(op.value)) ||
            (op.op === 'Remove' && op.value !== undefined),
        )
          ? scimError(
              400,
              'active must be a boolean and removals need a path filter',
              'invalidValue',
            )
          : null,
      { flag: false },
    );
    await simulator.runCycle(initialDirectory());
    const { entries } = await simulator.runCycle(changedDirectory());
    expect(summary(entries)).toEqual([
      ['Alice Smith', 'Update', 'Success'],
      ['Erin Brockovich', 'Disable', 'Failure'],
      ['Engineering', 'Update', 'Failure'],
      ['Sales', 'Update', 'Success'],
    ]);
    expect(errorOf(entries, IDS.erin)?.reason).toContain('"scimType":"invalidValue"');
    const erin = [...double.store.Users.values()].find((user) => user.externalId === IDS.erin);
    expect(erin?.active).toBe(true);
  });
});

describe('entra simulator against fault servers: create conflicts and filters', () => {
  it('logs a 409 on create as SystemForCrossDomainIdentityManagementServiceIncompatibleFiltering and retries it', async () => {
    const conflict = {
      detail: 'userName carol@contoso.com is already in use',
      scimType: 'uniqueness',
    };
    const { simulator } = await setUp(
      (request) =>
        request.method === 'POST' && request.body?.userName === 'carol@contoso.com'
          ? scimError(409, conflict.detail, conflict.scimType)
          : null,
      { flag: true, now: () => new Date('2025-03-01T10:00:00.000Z') },
    );
    const first = await simulator.runCycle(initialDirectory());
    expect(summary(first.entries)[2]).toEqual(['Carol Danvers', 'Create', 'Failure']);
    const error = errorOf(first.entries, IDS.carol);
    expect(error?.errorCode).toBe(
      'SystemForCrossDomainIdentityManagementServiceIncompatibleFiltering',
    );
    expect(error?.reason).toBe(
      "StatusCode: Conflict\r\nMessage: Processing of the HTTP request resulted in an exception. Please see the HTTP response returned by the 'Response' property of this exception for details.\r\n" +
        'Web Response: \r\n{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness","detail":"userName carol@contoso.com is already in use"}. ' +
        'This operation was retried 0 times. It will be retried again after this date: 2025-03-01T10:40:00.000Z UTC',
    );
    expect(first.completed).toBe(true);
    // The failed user stays in escrow: the next cycle retries it although nothing changed.
    const second = await simulator.runCycle(initialDirectory());
    expect(summary(second.entries)).toEqual([['Carol Danvers', 'Create', 'Failure']]);
    expect(errorOf(second.entries, IDS.carol)?.reason).toContain(
      'This operation was retried 1 times.',
    );
  });

  it('fails Test Connection and each group match when /Groups refuses filters (400 invalidFilter)', async () => {
    const { simulator } = await setUp(
      (request) =>
        request.method === 'GET' && request.path === '/Groups' && request.query.has('filter')
          ? scimError(400, 'Filtering on displayName is not supported', 'invalidFilter')
          : null,
      { flag: true },
    );
    const connection = await simulator.testConnection();
    expect(connection).toMatchObject({
      ok: false,
      error: { code: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable' },
    });
    const message = connection.ok ? '' : connection.error.message;
    expect(message).toMatch(
      /^We received this unexpected response from your application: Received response from Web resource\. Resource: http:\/\/127\.0\.0\.1:\d+\/scim\/Groups\?excludedAttributes=members&filter=displayName\+eq\+%2200000000-0000-4000-8000-000000000002%22 Operation: GET Response Status Code: BadRequest Response Headers: Response Content: /,
    );
    expect(message).toContain('"scimType":"invalidFilter"');

    const { entries } = await simulator.runCycle(initialDirectory());
    expect(summary(entries).slice(5)).toEqual([
      ['Engineering', 'Other', 'Failure'],
      ['Sales', 'Other', 'Failure'],
    ]);
    expect(entries[5]?.steps.at(-1)).toMatchObject({ name: 'Match', status: 'Failure' });
    expect(errorOf(entries, IDS.sales)?.errorCode).toBe(
      'SystemForCrossDomainIdentityManagementServiceIncompatible',
    );
    expect(errorOf(entries, IDS.sales)?.reason).toContain(
      'Filtering on displayName is not supported',
    );
    expect(simulator.state()).toBe('running');
  });
});

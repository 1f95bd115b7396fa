import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/sandbox';
import { changedDirectory, IDS, initialDirectory } from './fixtures';
import { simulatedEntra } from './sandbox-target';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: [] });
});

afterAll(async () => {
  await sandbox.stop();
});

const setUp = () => simulatedEntra(sandbox, 'microsoft-entra');

describe('entra simulator: provision on demand', () => {
  it('checks a dummy user, then imports, scopes, matches and creates one user', async () => {
    const { simulator, target, sent } = setUp();
    const report = await simulator.provisionOnDemand(initialDirectory(), IDS.alice);
    expect(report.error).toBeNull();
    expect(report.entry).toMatchObject({
      trigger: 'onDemand',
      action: 'Create',
      status: 'Success',
    });
    expect(report.entry?.steps.map((step) => step.name)).toEqual([
      'Import',
      'Scope',
      'Match',
      'Action',
    ]);
    expect(sent.map((request) => request.method)).toEqual(['GET', 'GET', 'POST']);
    expect(sent[0]?.url).toMatch(
      /\/Users\?filter=userName\+eq\+%2200000000-0000-4000-8000-\d{12}%22$/,
    );
    expect(sent[1]?.url).toMatch(/\/Users\?filter=userName\+eq\+%22alice%40contoso.com%22$/);
    const users = await target.list('Users');
    expect(users.map((user) => user.externalId)).toEqual([IDS.alice]);
    expect(simulator.log()).toEqual([report.entry]);
  });

  it('skips a user that is not assigned to the application', async () => {
    const { simulator, sent } = setUp();
    const directory = initialDirectory();
    directory.assignments = [IDS.sales];
    const report = await simulator.provisionOnDemand(directory, IDS.alice);
    expect(report.entry).toMatchObject({ action: 'Other', status: 'Skipped' });
    expect(report.entry?.steps.find((step) => step.name === 'Scope')).toMatchObject({
      status: 'Skipped',
      details: { AssignedToApplication: 'False' },
    });
    expect(sent.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('ignores aadOptscim062020: disabling an unassigned user sends the legacy "False", which the sandbox (like Stytch) accepts', async () => {
    const { simulator, sent, target } = setUp();
    expect(simulator.flag).toBe(true);
    await simulator.runCycle(initialDirectory());
    const report = await simulator.provisionOnDemand(changedDirectory(), IDS.erin);
    expect(report.entry).toMatchObject({
      trigger: 'onDemand',
      action: 'Disable',
      status: 'Success',
    });
    expect(sent.at(-1)?.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    const erin = (await target.list('Users')).find((user) => user['externalId'] === IDS.erin);
    expect(erin?.['active']).toBe(false);
    expect(simulator.state()).toBe('running');
  });

  it('answers an error value for a user the directory does not have, sending nothing', async () => {
    const { simulator, sent } = setUp();
    const report = await simulator.provisionOnDemand(initialDirectory(), 'no-such-user');
    expect(report).toEqual({
      entry: null,
      error: expect.objectContaining({ code: 'SIMULATOR_UNKNOWN_USER' }) as unknown,
    });
    expect(sent).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type ProvisioningLogEntry } from '../../../../main/sandbox/entra-simulator/entra-simulator';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/sandbox';
import {
  changedDirectory,
  IDS,
  initialDirectory,
  reassignedDirectory,
  type SentRequest,
} from './fixtures';
import { simulatedEntra } from './sandbox-target';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: [] });
});

afterAll(async () => {
  await sandbox.stop();
});

const setUp = (identityProvider: 'microsoft-entra' | 'generic') =>
  simulatedEntra(sandbox, identityProvider);

const entryFor = (entries: ProvisioningLogEntry[], objectId: string) =>
  entries.find((entry) => entry.sourceIdentity.id === objectId);
const summary = (entries: ProvisioningLogEntry[]) =>
  entries.map((entry) => [entry.sourceIdentity.displayName, entry.action, entry.status]);
const byExternalId = (resources: Record<string, unknown>[], objectId: string) =>
  resources.find((resource) => resource.externalId === objectId);
const memberIds = (group: Record<string, unknown> | undefined) =>
  ((group?.members as { value: string }[] | undefined) ?? []).map((member) => member.value).sort();
const patchesTo = (sent: SentRequest[], id: unknown) =>
  sent.filter((request) => request.method === 'PATCH' && request.url.endsWith(`/${String(id)}`));

describe('entra simulator against the sandbox: Test Connection and the initial cycle', () => {
  it('passes Test Connection with a random user and group lookup, token sent, flag not sent', async () => {
    const { simulator, sent, target } = setUp('microsoft-entra');
    expect(simulator.flag).toBe(true);
    expect(await simulator.testConnection()).toEqual({ ok: true });
    const base = target.tenantUrl.split('?')[0] ?? '';
    expect(sent.map((request) => [request.method, request.url])).toEqual([
      ['GET', `${base}/Users?filter=userName+eq+%2200000000-0000-4000-8000-000000000001%22`],
      [
        'GET',
        `${base}/Groups?excludedAttributes=members&filter=displayName+eq+%2200000000-0000-4000-8000-000000000002%22`,
      ],
    ]);
    expect(sent.every((request) => request.authorization === `Bearer ${target.token}`)).toBe(true);
  });

  it('creates five users and two groups with their members, read back through the SCIM server', async () => {
    const { simulator, target, sent } = setUp('microsoft-entra');
    const report = await simulator.runCycle(initialDirectory());
    expect(report).toMatchObject({ kind: 'initial', completed: true, error: null });
    expect(summary(report.entries)).toEqual([
      ['Alice Example', 'Create', 'Success'],
      ['Bob Builder', 'Create', 'Success'],
      ['Carol Danvers', 'Create', 'Success'],
      ['Dave Grohl', 'Create', 'Success'],
      ['Erin Brockovich', 'Create', 'Success'],
      ['Engineering', 'Create', 'Success'],
      ['Sales', 'Create', 'Success'],
    ]);
    for (const entry of report.entries) {
      expect(entry.steps.map((step) => step.name)).toEqual(['Import', 'Scope', 'Match', 'Action']);
      expect(entry.targetIdentity.id).not.toBe('');
    }
    const users = await target.list('Users');
    expect(users).toHaveLength(5);
    const alice = byExternalId(users, IDS.alice);
    expect(alice).toMatchObject({
      userName: 'alice@contoso.com',
      active: true,
      displayName: 'Alice Example',
      name: { givenName: 'Alice', familyName: 'Example', formatted: 'Alice Example' },
    });
    const groups = await target.list('Groups');
    const idOf = (objectId: string) => byExternalId(users, objectId)?.id as string;
    expect(memberIds(byExternalId(groups, IDS.engineering))).toEqual(
      [idOf(IDS.alice), idOf(IDS.bob)].sort(),
    );
    expect(memberIds(byExternalId(groups, IDS.sales))).toEqual(
      [idOf(IDS.carol), idOf(IDS.dave)].sort(),
    );
    // The opening dummy-user check, then per user a match query and a create.
    expect(sent[0]?.url).toContain('/Users?filter=userName+eq+%2200000000-0000-4000-8000-');
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(7);
    expect(
      sent
        .filter((request) => request.contentType !== null)
        .every((r) => r.contentType === 'application/scim+json'),
    ).toBe(true);
  });
});

describe('entra simulator against the sandbox: incremental cycles', () => {
  it('with aadOptscim062020: updates, disables, moves a member and re-enables on re-assignment', async () => {
    const { simulator, target, sent } = setUp('microsoft-entra');
    await simulator.runCycle(initialDirectory());
    const changed = await simulator.runCycle(changedDirectory());
    expect(changed.kind).toBe('incremental');
    expect(summary(changed.entries)).toEqual([
      ['Alice Smith', 'Update', 'Success'],
      ['Erin Brockovich', 'Disable', 'Success'],
      ['Engineering', 'Update', 'Success'],
      ['Sales', 'Update', 'Success'],
    ]);
    expect(entryFor(changed.entries, IDS.alice)?.modifiedProperties).toContainEqual({
      displayName: 'name.familyName',
      oldValue: 'Example',
      newValue: 'Smith',
    });
    const users = await target.list('Users');
    const [alice, erin, bob] = [IDS.alice, IDS.erin, IDS.bob].map((id) => byExternalId(users, id));
    expect(alice).toMatchObject({ displayName: 'Alice Smith', name: { familyName: 'Smith' } });
    expect(alice?.emails).toEqual([
      expect.objectContaining({ type: 'work', value: 'alice.smith@contoso.com' }),
    ]);
    expect(erin?.active).toBe(false);
    expect(patchesTo(sent, erin?.id).at(-1)?.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    const groups = await target.list('Groups');
    const engineering = byExternalId(groups, IDS.engineering);
    expect(memberIds(engineering)).toEqual([alice?.id]);
    expect(memberIds(byExternalId(groups, IDS.sales))).toContain(bob?.id);
    expect(patchesTo(sent, engineering?.id).at(-1)?.body).toMatchObject({
      Operations: [{ op: 'remove', path: `members[value eq "${String(bob?.id)}"]` }],
    });

    const reassigned = await simulator.runCycle(reassignedDirectory());
    expect(summary(reassigned.entries)).toEqual([['Erin Brockovich', 'Update', 'Success']]);
    expect(entryFor(reassigned.entries, IDS.erin)?.modifiedProperties).toEqual([
      { displayName: 'active', oldValue: 'False', newValue: 'True' },
    ]);
    // Unassigned users are no longer managed, so Erin is matched again by userName.
    expect(
      sent.some((r) => r.url.endsWith('/Users?filter=userName+eq+%22erin%40contoso.com%22')),
    ).toBe(true);
    expect(byExternalId(await target.list('Users'), IDS.erin)?.active).toBe(true);
  });

  it('without the flag: sends the legacy forms, which the sandbox (like Stytch) accepts, "False" included', async () => {
    const { simulator, target, sent } = setUp('generic');
    expect(simulator.flag).toBe(false);
    await simulator.runCycle(initialDirectory());
    const changed = await simulator.runCycle(changedDirectory());
    expect(summary(changed.entries)).toEqual([
      ['Alice Smith', 'Update', 'Success'],
      ['Erin Brockovich', 'Disable', 'Success'],
      ['Engineering', 'Update', 'Success'],
      ['Sales', 'Update', 'Success'],
    ]);
    const users = await target.list('Users');
    const [alice, erin, bob] = [IDS.alice, IDS.erin, IDS.bob].map((id) => byExternalId(users, id));
    expect(patchesTo(sent, alice?.id).at(-1)?.body).toMatchObject({
      Operations: [
        { op: 'Replace', path: 'displayName', value: 'Alice Smith' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'alice.smith@contoso.com' },
        { op: 'Replace', path: 'name.familyName', value: 'Smith' },
        { op: 'Replace', path: 'name.formatted', value: 'Alice Smith' },
      ],
    });
    expect(patchesTo(sent, erin?.id).at(-1)?.body).toMatchObject({
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(entryFor(changed.entries, IDS.erin)?.error).toBeNull();
    const afterwards = byExternalId(await target.list('Users'), IDS.erin);
    expect(afterwards?.active).toBe(false);
    const engineering = byExternalId(await target.list('Groups'), IDS.engineering);
    expect(memberIds(engineering)).toEqual([alice?.id]);
    expect(patchesTo(sent, engineering?.id).at(-1)?.body).toMatchObject({
      Operations: [{ op: 'Remove', path: 'members', value: [{ value: bob?.id }] }],
    });

    // Re-assigned, Erin is matched again and re-enabled with the legacy "True".
    const reassigned = await simulator.runCycle(reassignedDirectory());
    expect(summary(reassigned.entries)).toEqual([['Erin Brockovich', 'Update', 'Success']]);
    expect(byExternalId(await target.list('Users'), IDS.erin)?.active).toBe(true);
  });
});

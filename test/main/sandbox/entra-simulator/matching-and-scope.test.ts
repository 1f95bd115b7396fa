import { afterEach, describe, expect, it } from 'vitest';

import {
  DISABLED_USER_SKIPPED,
  planUsers,
} from '../../../../main/sandbox/entra-simulator/cycle-planner';
import { emptyState } from '../../../../main/sandbox/entra-simulator/engine-state';
import { createEntraSimulator } from '../../../../main/sandbox/entra-simulator/entra-simulator';
import { guidSequence, IDS, initialDirectory } from './fixtures';
import { startScimDouble, type ScimDouble } from './scim-double';

const TOKEN = 'double-token-5a4b3c2d1e0f9a8b7c6d';
const doubles: ScimDouble[] = [];

afterEach(async () => {
  await Promise.all(doubles.splice(0).map((double) => double.stop()));
});

async function setUp(matchOn?: 'userName' | 'externalId') {
  const double = await startScimDouble({ token: TOKEN });
  doubles.push(double);
  const created = createEntraSimulator({
    tenantUrl: double.tenantUrl,
    token: TOKEN,
    fetch,
    newGuid: guidSequence(),
    ...(matchOn === undefined ? {} : { matchOn }),
  });
  if (!created.ok) throw new Error(created.error.message);
  return { double, simulator: created.simulator };
}

describe('entra simulator: matching', () => {
  it('matches on externalId when configured, and updates a user the server already has', async () => {
    const { double, simulator } = await setUp('externalId');
    double.store.Users.set('pre-1', {
      id: 'pre-1',
      userName: 'alice.old@contoso.com',
      externalId: IDS.alice,
      active: true,
    });
    await simulator.testConnection();
    expect(double.received[0]?.query.get('filter')).toBe(
      'externalId eq "00000000-0000-4000-8000-000000000001"',
    );
    const directory = initialDirectory();
    directory.assignments = [IDS.alice];
    const { entries } = await simulator.runCycle(directory);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'Update',
      status: 'Success',
      targetIdentity: { id: 'pre-1' },
    });
    expect(entries[0]?.modifiedProperties).toContainEqual({
      displayName: 'userName',
      oldValue: 'alice.old@contoso.com',
      newValue: 'alice@contoso.com',
    });
    expect(double.received.filter((request) => request.method === 'POST')).toEqual([]);
    expect(double.store.Users.get('pre-1')?.userName).toBe('alice@contoso.com');
  });

  it('deletes a user hard-deleted in Entra and drops it from its group', async () => {
    const { double, simulator } = await setUp();
    await simulator.runCycle(initialDirectory());
    const dave = [...double.store.Users.values()].find((user) => user.externalId === IDS.dave);
    const directory = initialDirectory();
    directory.users = directory.users.filter((user) => user.objectId !== IDS.dave);
    const { entries } = await simulator.runCycle(directory);
    expect(entries.map((entry) => [entry.sourceIdentity.id, entry.action, entry.status])).toEqual([
      [IDS.dave, 'Delete', 'Success'],
      [IDS.sales, 'Update', 'Success'],
    ]);
    expect(
      double.received.some((r) => r.method === 'DELETE' && r.path === `/Users/${String(dave?.id)}`),
    ).toBe(true);
  });
});

describe('entra simulator: scope', () => {
  it('reads only immediate members of assigned groups and skips users disabled in Entra', () => {
    const directory = initialDirectory();
    directory.groups.push({ objectId: 'nested', displayName: 'Nested', members: [IDS.erin] });
    const engineering = directory.groups[0];
    if (engineering) engineering.members.push('nested');
    directory.assignments = [IDS.engineering];
    const bob = directory.users[1];
    if (bob) bob.accountEnabled = false;
    const work = planUsers(directory, emptyState());
    expect(
      work.map((item) => ('user' in item ? [item.kind, item.user.objectId] : [item.kind])),
    ).toEqual([
      ['provision', IDS.alice],
      ['skip', IDS.bob],
    ]);
    expect(work[1]).toMatchObject({ reason: DISABLED_USER_SKIPPED });
  });
});

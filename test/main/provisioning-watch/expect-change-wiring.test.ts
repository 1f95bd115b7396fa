import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ignoreEvents, startIpcHarness, type IpcHarness } from '../ipc/ipc-harness';

const ORGANIZATION = 'organization-test-1';
/** A user's object ID, a GUID as the contract requires (made up). */
const USER_ID = '3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b';

/**
 * The composition root points the Entra steps' `aroundMemberChange` and the rehearsal at the watch,
 * for the actions that change an organization's members in Stytch, so step 7's watch looks sooner
 * around them. Here nothing answers (no Microsoft sign-in,
 * no sandbox), so every action fails: the watch must be told all the same, since an action can
 * change members before it fails.
 */
describe('The composition root tells the watch about the app’s own actions', () => {
  let harness: IpcHarness;
  let told: string[];

  beforeEach(async () => {
    harness = await startIpcHarness();
    told = [];
    vi.spyOn(harness.services.watch, 'expectChange').mockImplementation((organizationId) => {
      told.push(organizationId);
    });
  });
  afterEach(() => harness.close());

  it.each([
    ['entra:provisionOnDemand', { userId: USER_ID }],
    ['entra:unassign', { principalId: USER_ID }],
    ['entra:start', {}],
    ['entra:restart', {}],
  ] as const)(
    '%s: the watch expects a change as it begins and as it ends',
    async (channel, rest) => {
      const result = await harness.dispatch(
        channel,
        { organizationId: ORGANIZATION, ...rest },
        ignoreEvents,
      );
      expect(result.ok).toBe(false);
      expect(told).toEqual([ORGANIZATION, ORGANIZATION]);
    },
  );

  it('a rehearsal step: the watch expects a change around it too', async () => {
    const target = { organizationId: ORGANIZATION, connectionId: 'scim-connection-test-1' };
    await expect(
      harness.services.rehearsals.run(target, 'cycle', () =>
        Promise.reject(new Error('no sandbox endpoint')),
      ),
    ).rejects.toThrow();
    expect(told).toEqual([ORGANIZATION, ORGANIZATION]);
  });

  it('leaves reads alone: reading Entra’s health does not make the watch look sooner', async () => {
    await harness.dispatch('entra:health', { organizationId: ORGANIZATION }, ignoreEvents);
    expect(told).toEqual([]);
  });
});

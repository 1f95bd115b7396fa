import { describe, expect, it } from 'vitest';

import { HANDLERS, type Services } from '../../../main/composition';
import type { EmitEvent } from '../../../main/ipc/dispatch';

const ORGANIZATION = 'organization-test-1';
const ignoreEvents: EmitEvent = () => undefined;

/** Services where only the watch and the Entra setup exist, both recording what happened. */
function recordingServices(outcome: 'succeeds' | 'fails') {
  const events: string[] = [];
  const act = (name: string) => () => {
    events.push(name);
    return outcome === 'succeeds' ? Promise.resolve({}) : Promise.reject(new Error('refused'));
  };
  const services = {
    watch: { expectChange: (organizationId: string) => events.push(`expect ${organizationId}`) },
    entra: {
      provisionOnDemand: act('provision on demand'),
      unassign: act('unassign'),
      start: act('start'),
      restart: act('restart'),
    },
  } as unknown as Services;
  return { services, events };
}

describe('The composition root tells the watch about the app’s own actions', () => {
  it.each([
    ['entra:provisionOnDemand', 'provision on demand', { userId: 'user-1' }],
    ['entra:unassign', 'unassign', { principalId: 'user-1' }],
    ['entra:start', 'start', {}],
    ['entra:restart', 'restart', {}],
  ] as const)(
    '%s: the watch expects a change as it begins and as it ends',
    async (channel, name, rest) => {
      const { services, events } = recordingServices('succeeds');
      const handler = HANDLERS[channel] as (r: object, s: Services, e: EmitEvent) => unknown;
      await handler({ organizationId: ORGANIZATION, ...rest }, services, ignoreEvents);
      expect(events).toEqual([`expect ${ORGANIZATION}`, name, `expect ${ORGANIZATION}`]);
    },
  );

  it('still tells the watch when the action fails (it may have changed members before failing)', async () => {
    const { services, events } = recordingServices('fails');
    await expect(
      HANDLERS['entra:start']({ organizationId: ORGANIZATION }, services, ignoreEvents),
    ).rejects.toThrow('refused');
    expect(events).toEqual([`expect ${ORGANIZATION}`, 'start', `expect ${ORGANIZATION}`]);
  });

  it('rehearsal:run: the watch expects a change around a rehearsal step too', async () => {
    const { services, events } = recordingServices('succeeds');
    // A real project: the rehearsal refuses at once, and the watch is still told around it.
    const real = {
      ...services,
      stytch: { project: () => ({ mode: 'real' }) },
    } as unknown as Services;
    const request: Parameters<(typeof HANDLERS)['rehearsal:run']>[0] = {
      organizationId: ORGANIZATION,
      connectionId: 'c-1',
      action: 'cycle',
    };
    await expect(HANDLERS['rehearsal:run'](request, real, ignoreEvents)).rejects.toThrow();
    expect(events).toEqual([`expect ${ORGANIZATION}`, `expect ${ORGANIZATION}`]);
  });

  it('leaves reads alone: reading health does not make the watch look sooner', async () => {
    const { services, events } = recordingServices('succeeds');
    const withHealth = {
      ...services,
      entra: { health: () => Promise.resolve({}) },
    } as unknown as Services;
    await HANDLERS['entra:health']({ organizationId: ORGANIZATION }, withHealth, ignoreEvents);
    expect(events).toEqual([]);
  });
});

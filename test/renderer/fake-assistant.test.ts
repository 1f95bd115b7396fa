import { describe, expect, it } from 'vitest';

import { installFakeAssistant, okFor } from './fake-assistant';

/**
 * The renderer's tests talk to this fake instead of main; it holds requests, answers and events
 * to the IPC contract (shared/ipc.ts), so a component test fails on a request main would refuse.
 */
describe('the fake main holds every message to the IPC contract', () => {
  it('refuses a request main would refuse, with main’s code, and records it', async () => {
    const fake = installFakeAssistant({
      'entra:unassign': () => {
        throw new Error('a refused request must not reach the handler');
      },
    });

    const answer = await window.assistant.invoke('entra:unassign', {
      organizationId: 'organization-test-1',
      principalId: 'user-alice',
    });

    expect(answer).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
    expect(fake.contractBreaches).toEqual([
      expect.stringMatching(/^request to entra:unassign: principalId: /),
    ]);
    // Seen; the check after each test would otherwise fail this one.
    fake.contractBreaches.length = 0;
  });

  it('records an answer main could not give', async () => {
    const fake = installFakeAssistant({
      'stytch:status': () =>
        okFor('stytch:status', {
          connected: true,
          projectId: 'project-test-123',
          environment: 'test',
          mode: 'neither' as 'real',
        }),
    });

    await window.assistant.invoke('stytch:status', {});

    expect(fake.contractBreaches).toEqual([
      expect.stringMatching(/^answer on stytch:status: mode: /),
    ]);
    fake.contractBreaches.length = 0;
  });

  it('throws at the line that emits an event main could not send', () => {
    const fake = installFakeAssistant();

    expect(() => fake.emit('watch:update', { state: 'no such state' } as never)).toThrow();
  });
});

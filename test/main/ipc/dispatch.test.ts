import { describe, expect, it } from 'vitest';

import { appFailure } from '../../../shared/errors';
import { INVOKE_CHANNELS } from '../../../shared/ipc-channels';
import { ipcContract } from '../../../shared/ipc';
import { createDispatcher, type HandlerTable } from '../../../main/ipc/dispatch';
import { HANDLERS } from '../../../main/composition';
import { createLogger, type LogRecord } from '../../../main/logging/logger';

type Fake = { calls: unknown[] };

function tableWith(overrides: Partial<HandlerTable<Fake>>): HandlerTable<Fake> {
  const base = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [
      channel,
      () => {
        throw new Error(`unexpected call to ${channel}`);
      },
    ]),
  ) as unknown as HandlerTable<Fake>;
  return { ...base, ...overrides };
}

const noEmit = (): void => undefined;

describe('createDispatcher()', () => {
  it('parses the request and returns the handler result as ok', async () => {
    const services: Fake = { calls: [] };
    const dispatch = createDispatcher(
      tableWith({
        'app:openExternal': (request, fake) => {
          fake.calls.push(request);
          return { opened: true };
        },
      }),
      services,
      createLogger(() => undefined),
    );
    await expect(
      dispatch('app:openExternal', { url: 'https://stytch.com/' }, noEmit),
    ).resolves.toEqual({
      ok: true,
      data: { opened: true },
    });
    expect(services.calls).toEqual([{ url: 'https://stytch.com/' }]);
  });

  it('returns IPC_INVALID_REQUEST for a malformed payload without calling the handler', async () => {
    const services: Fake = { calls: [] };
    const dispatch = createDispatcher(
      tableWith({}),
      services,
      createLogger(() => undefined),
    );
    const result = await dispatch('app:openExternal', { url: 7, extra: true }, noEmit);
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
    expect(services.calls).toEqual([]);
  });

  it('returns IPC_UNKNOWN_CHANNEL for a channel outside the contract', async () => {
    const dispatch = createDispatcher(
      tableWith({}),
      { calls: [] },
      createLogger(() => undefined),
    );
    await expect(dispatch('fs:readFile', {}, noEmit)).resolves.toMatchObject({
      ok: false,
      error: { code: 'IPC_UNKNOWN_CHANNEL' },
    });
  });

  it('returns IPC_UNKNOWN_CHANNEL for a contract channel the given table does not serve', async () => {
    const calls: string[] = [];
    const dispatch = createDispatcher<Fake>(
      { 'app:info': () => ({ name: 'n', version: 'v', platform: 'linux', mode: 'real' }) },
      { calls },
      createLogger(() => undefined),
    );
    await expect(dispatch('settings:get', {}, noEmit)).resolves.toMatchObject({
      ok: false,
      error: { code: 'IPC_UNKNOWN_CHANNEL' },
    });
    await expect(dispatch('app:info', {}, noEmit)).resolves.toMatchObject({ ok: true });
  });

  it('passes typed failures through and hides unexpected crashes behind INTERNAL_ERROR', async () => {
    const logs: LogRecord[] = [];
    const dispatch = createDispatcher(
      tableWith({
        'app:info': () => {
          throw appFailure('NET_TIMEOUT', 'Stytch did not answer in time.', 'Try again.');
        },
        'app:openExternal': () => {
          throw new Error('boom at /home/admin/secret-path with Bearer abcdefghijkl');
        },
      }),
      { calls: [] },
      createLogger((record) => logs.push(record)),
    );
    await expect(dispatch('app:info', {}, noEmit)).resolves.toEqual({
      ok: false,
      error: { code: 'NET_TIMEOUT', message: 'Stytch did not answer in time.', hint: 'Try again.' },
    });
    const crashed = await dispatch('app:openExternal', { url: 'https://stytch.com/' }, noEmit);
    expect(crashed).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    expect(JSON.stringify(crashed)).not.toContain('boom');
    expect(JSON.stringify(logs)).not.toContain('abcdefghijkl');
  });
});

describe('the IPC contract', () => {
  it('has a schema pair and a handler for every channel name, and nothing else', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(HANDLERS).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { appFailure, type Result } from '../../../shared/errors';
import { INVOKE_CHANNELS } from '../../../shared/ipc-channels';
import { ipcContract } from '../../../shared/ipc';
import {
  createDispatcher,
  describeIssuePaths,
  type HandlerTable,
} from '../../../main/ipc/dispatch';
import { HANDLERS } from '../../../main/composition';
import { createLogger, type LogRecord } from '../../../main/logging/logger';
import { registerSecret } from '../../../main/logging/redact';
import { stytchHandlers } from '../../../main/stytch/stytch-handlers';
import { MemoryKeeper, testSession } from '../../support/stytch-doubles';

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

describe('createDispatcher(): what an error carries to the renderer', () => {
  const TEN_MB = 10 * 1024 * 1024;

  function failingWith(message: string, hint: string, logs: LogRecord[] = []) {
    return createDispatcher(
      tableWith({
        'app:info': () => {
          throw appFailure('STYTCH_BAD_REQUEST', message, hint, { requestId: 'request-id-1' });
        },
      }),
      { calls: [] },
      createLogger((record) => logs.push(record)),
    );
  }

  function errorOf(result: Result<unknown>) {
    if (result.ok) throw new Error('expected a failure');
    return result.error;
  }

  it('cuts a 5 MB message and hint to a size a person can read', async () => {
    const huge = 'Stytch said: '.padEnd(5 * 1024 * 1024, 'x');
    const error = errorOf(await failingWith(huge, huge)('app:info', {}, noEmit));
    expect(error.message.length).toBeLessThan(2_000);
    expect(error.hint.length).toBeLessThan(2_000);
    expect(error.message).toMatch(/^Stytch said: x+… \[cut/);
    expect(error.requestId).toBe('request-id-1');
  });

  it('masks a registered secret and an Authorization value that an upstream echoed into the message', async () => {
    registerSecret('scim-token-Hq3Vz8Lw2Rt6Yp9Kd', 'stytch');
    const error = errorOf(
      await failingWith(
        'Stytch said: “bad header Authorization: Basic cHJvamVjdDpzZWNyZXQ= for scim-token-Hq3Vz8Lw2Rt6Yp9Kd”',
        'Check scim-token-Hq3Vz8Lw2Rt6Yp9Kd.',
      )('app:info', {}, noEmit),
    );
    expect(JSON.stringify(error)).not.toContain('cHJvamVjdDpzZWNyZXQ=');
    expect(JSON.stringify(error)).not.toContain('scim-token-Hq3Vz8Lw2Rt6Yp9Kd');
    expect(error.message).toContain('Basic [redacted]');
  });

  it('names at most a few field paths, each cut short, however many and long they are', () => {
    const Schema = z.object({ checklist: z.record(z.string(), z.boolean()) });
    const checklist: Record<string, string> = { ['k'.repeat(TEN_MB)]: 'not a boolean' };
    for (let i = 0; i < 1_000; i += 1) checklist[`item-${i}`] = 'not a boolean';
    const parsed = Schema.safeParse({ checklist });
    const where = describeIssuePaths(parsed.error?.issues ?? []);
    expect(where).toMatch(/^checklist\.kkk+… \[cut/);
    expect(where).toMatch(/and 996 more$/);
    expect(where.length).toBeLessThan(500);
  });

  it('answers a bad value under a 10 MB settings key with a bounded error and log line', async () => {
    const logs: LogRecord[] = [];
    const dispatch = createDispatcher(
      tableWith({}),
      { calls: [] },
      createLogger((record) => logs.push(record)),
    );
    const checklist = { ['k'.repeat(TEN_MB)]: 'not a boolean' };
    const result = await dispatch(
      'settings:update',
      { wizard: { currentStep: 'connect-stytch', completedSteps: [], checklist } },
      noEmit,
    );
    const error = errorOf(result);
    expect(error.code).toBe('IPC_INVALID_REQUEST');
    expect(error.message.length).toBeLessThan(2_000);
    expect(JSON.stringify(logs).length).toBeLessThan(10_000);
  });

  it('never hands back the secret a connect sent, even when the upstream echoes the Authorization header', async () => {
    const secret = 'Wk4Rz8Qp2Lx7Vn5Tb9Hc3Jm6';
    const projectId = 'project-test-11111111-1111-4111-8111-111111111111';
    const echo = http.createServer((request, response) => {
      request.resume();
      const header = request.headers.authorization ?? '';
      const decoded = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          status_code: 401,
          request_id: 'request-id-echo',
          error_type: 'header_rejected',
          error_message: `Rejected Authorization: ${header} (${decoded}).`,
        }),
      );
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    try {
      const port = (echo.address() as AddressInfo).port;
      const { session } = testSession(new MemoryKeeper(), {
        hosts: { test: `http://127.0.0.1:${port}/` },
      });
      const logger = createLogger(() => undefined);
      const dispatch = createDispatcher(
        stytchHandlers,
        { stytch: session, secrets: new MemoryKeeper(), logger },
        logger,
      );
      const result = await dispatch('stytch:connect', { projectId, secret }, noEmit);
      const error = errorOf(result);
      expect(error.code).toBe('STYTCH_BAD_CREDENTIALS');
      expect(error.message).toContain('Rejected Authorization: Basic [redacted] (project-test-');
      const base64 = Buffer.from(`${projectId}:${secret}`).toString('base64');
      expect(JSON.stringify(result)).not.toContain(secret);
      expect(JSON.stringify(result)).not.toContain(base64);
    } finally {
      echo.closeAllConnections();
      echo.close();
    }
  });
});

describe('the IPC contract', () => {
  it('has a schema pair and a handler for every channel name, and nothing else', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(HANDLERS).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });
});

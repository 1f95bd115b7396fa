import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createDispatcher, type Dispatch } from '../../../main/ipc/dispatch';
import { HANDLERS, type Services } from '../../../main/composition';
import { MemorySecretStore } from '../../support/keychain';
import { buildServices } from '../../support/compose-services';
import { captureLogger } from '../../support/capture-logger';
import { FakeClipboard, FakeTimers } from '../../support/fake-clipboard';

let dir: string;
let port: FakeClipboard;
let timers: FakeTimers;
let services: Services;
let dispatch: Dispatch;
const noEmit = () => undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clipboard-handlers-'));
  port = new FakeClipboard();
  timers = new FakeTimers();
  const { logger } = captureLogger();
  services = buildServices({
    dataDir: dir,
    secretStore: new MemorySecretStore(),
    clipboardPort: port,
    logger,
    timers,
  });
  dispatch = createDispatcher(HANDLERS, services, logger);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('clipboard:copy', () => {
  it('copies plain text and answers clearsInMs null', async () => {
    expect(
      await dispatch('clipboard:copy', { kind: 'text', text: 'https://example.test/scim' }, noEmit),
    ).toEqual({
      ok: true,
      data: { clearsInMs: null },
    });
    expect(port.text).toBe('https://example.test/scim');
  });

  it('copies a stored token by handle and clears it after the interval from settings', async () => {
    await services.settings.update({ clipboardClearMs: 10_000 });
    await services.secrets.saveCreatedToken(
      { projectId: 'project-test-1', organizationId: 'org-1', connectionId: 'conn-1' },
      'token-via-handler-9999',
    );
    const result = await dispatch(
      'clipboard:copy',
      { kind: 'secret', handle: { kind: 'scim-token', connectionId: 'conn-1' } },
      noEmit,
    );
    expect(result).toEqual({ ok: true, data: { clearsInMs: 10_000 } });
    expect(port.text).toBe('token-via-handler-9999');
    expect(port.markedSecret).toBe(true);
    await timers.advance(10_000);
    expect(port.text).toBe('');
  });

  it('answers SECRET_NOT_FOUND as data for an unknown handle', async () => {
    const result = await dispatch(
      'clipboard:copy',
      { kind: 'secret', handle: { kind: 'scim-token', connectionId: 'nope' } },
      noEmit,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'SECRET_NOT_FOUND' } });
  });

  it('refuses a request that carries a value instead of a handle', async () => {
    const result = await dispatch('clipboard:copy', { kind: 'secret', value: 'raw-token' }, noEmit);
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
    expect(port.writes).toEqual([]);
  });
});

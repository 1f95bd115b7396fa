import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createDispatcher, type Dispatch } from '../../../main/ipc/dispatch';
import { HANDLERS, type Services } from '../../../main/composition';
import { MemorySecretStore } from '../../support/keychain';
import { FakeClipboard } from '../../support/fake-clipboard';
import { buildServices } from '../../support/compose-services';
import { captureLogger } from '../../support/capture-logger';
import { errorOf } from '../../support/error-of';

let dir: string;
let services: Services;
let dispatch: Dispatch;
const noEmit = () => undefined;
const HANDLE = { kind: 'scim-token', connectionId: 'conn-r' } as const;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-handlers-'));
  const { logger } = captureLogger();
  services = buildServices({
    dataDir: dir,
    secretStore: new MemorySecretStore(),
    clipboardPort: new FakeClipboard(),
    logger,
  });
  dispatch = createDispatcher(HANDLERS, services, logger);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('secrets:reveal', () => {
  it('reveals a token once and refuses the second time with a hint to copy', async () => {
    await services.secrets.saveCreatedToken(
      { projectId: 'p', organizationId: 'o', connectionId: 'conn-r' },
      'token-revealed-7777',
    );
    expect(await dispatch('secrets:reveal', { handle: HANDLE }, noEmit)).toEqual({
      ok: true,
      data: { value: 'token-revealed-7777' },
    });
    const second = await dispatch('secrets:reveal', { handle: HANDLE }, noEmit);
    expect(errorOf(second).code).toBe('SECRET_ALREADY_REVEALED');
    expect(errorOf(second).hint).toContain('Copy');
    expect(JSON.stringify(second)).not.toContain('token-revealed-7777');
  });

  it('refuses a connection whose token Stytch did not show in this run, pointing to Copy', async () => {
    const refused = await dispatch('secrets:reveal', { handle: HANDLE }, noEmit);
    expect(refused).toMatchObject({ ok: false, error: { code: 'SECRET_NOT_REVEALABLE' } });
    expect(errorOf(refused).hint).toContain('Copy');
  });

  it('answers SECRET_NOT_FOUND when the token shown in this run is no longer stored', async () => {
    const store = new MemorySecretStore();
    const { logger } = captureLogger();
    const own = buildServices({
      dataDir: dir,
      secretStore: store,
      clipboardPort: new FakeClipboard(),
      logger,
    });
    await own.secrets.saveCreatedToken(
      { projectId: 'p', organizationId: 'o', connectionId: 'conn-r' },
      'token-removed-8888',
    );
    await store.delete(HANDLE);
    const ownDispatch = createDispatcher(HANDLERS, own, logger);
    expect(await ownDispatch('secrets:reveal', { handle: HANDLE }, noEmit)).toMatchObject({
      ok: false,
      error: { code: 'SECRET_NOT_FOUND' },
    });
  });

  it('refuses a handle of a kind that is not a SCIM token', async () => {
    const result = await dispatch(
      'secrets:reveal',
      { handle: { kind: 'stytch-project', connectionId: 'p' } },
      noEmit,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
  });
});

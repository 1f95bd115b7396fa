import { describe, expect, it } from 'vitest';

import { appFailure, AppFailure } from '../../../shared/errors';
import { connectionsOf } from '../../../main/secrets/known-connections';
import { Secrets } from '../../../main/secrets/secrets';
import type { SecretRef } from '../../../main/secrets/secret-store';
import { MemorySecretStore } from '../../support/keychain';
import { captureLogger } from '../../support/capture-logger';
import { memorySettings } from '../../support/memory-settings';

const CONNECTION = {
  projectId: 'project-test-p1',
  organizationId: 'organization-test-o1',
  connectionId: 'scim-conn-1',
};
const CURRENT: SecretRef = { kind: 'scim-token', connectionId: 'scim-conn-1' };
const NEXT: SecretRef = { kind: 'scim-next-token', connectionId: 'scim-conn-1' };
const LOCKED = appFailure(
  'SECRET_STORE_LOCKED',
  'The keychain is locked.',
  'Unlock your keychain and try again.',
);

function setup(store = new MemorySecretStore()) {
  const log = captureLogger();
  const settings = memorySettings();
  const vault = new Secrets({ store, settings, logger: log.logger });
  return { store, settings, vault, log };
}

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppFailure))
    throw new Error(`expected an AppFailure, got ${String(error)}`);
  return error;
}

describe('Secrets, SCIM tokens: create', () => {
  it('has the token in the keychain by the time saveCreatedToken resolves', async () => {
    const { store, settings, vault } = setup();
    const outcome = await vault.saveCreatedToken(CONNECTION, 'token-created-ABCD');
    expect(await store.read(CURRENT)).toBe('token-created-ABCD');
    expect(outcome).toEqual({
      token: { storage: 'keychain', last4: 'ABCD' },
      keychainWarning: null,
    });
    expect(connectionsOf(await settings.get(), 'project-test-p1')).toEqual(['scim-conn-1']);
  });

  it('keeps the token in memory with a plain warning when the keychain refuses it', async () => {
    const { store, vault } = setup();
    store.breakWith(LOCKED);
    const outcome = await vault.saveCreatedToken(CONNECTION, 'token-in-memory-WXYZ');
    expect(outcome.token).toEqual({ storage: 'memory', last4: 'WXYZ' });
    expect(outcome.keychainWarning).toContain('The keychain is locked');
    expect(outcome.keychainWarning).toContain('copy it into Entra now');
    expect(outcome.keychainWarning).toContain('Unlock your keychain');
    expect(outcome.keychainWarning).not.toContain('token-in-memory-WXYZ');
    expect(await vault.readToken({ kind: 'scim-token', connectionId: 'scim-conn-1' })).toBe(
      'token-in-memory-WXYZ',
    );
    expect(await vault.status({ kind: 'scim-token', connectionId: 'scim-conn-1' })).toEqual({
      storage: 'memory',
      last4: 'WXYZ',
    });
    store.breakWith(null);
    expect(store.snapshot().size).toBe(0);
  });

  it('removes an older keychain copy when a new token could only be kept in memory', async () => {
    class SaveRefusingStore extends MemorySecretStore {
      refuseSaves = false;
      override async save(ref: SecretRef, value: string): Promise<void> {
        if (this.refuseSaves) throw LOCKED;
        return super.save(ref, value);
      }
    }
    const store = new SaveRefusingStore();
    const { vault } = setup(store);
    await vault.saveCreatedToken(CONNECTION, 'old-token-1111');
    store.refuseSaves = true;
    await vault.saveCreatedToken(CONNECTION, 'new-token-2222');
    expect(await store.read(CURRENT)).toBeNull();
    expect(await vault.readToken({ kind: 'scim-token', connectionId: 'scim-conn-1' })).toBe(
      'new-token-2222',
    );
  });

  it('registers every token for log redaction and never logs one', async () => {
    const { store, vault, log } = setup();
    await vault.saveCreatedToken(CONNECTION, 'token-registered-9f8e7d');
    store.breakWith(LOCKED);
    await vault.saveNextToken(CONNECTION, 'token-next-registered-1a2b3c');
    log.logger.info('diagnostic', {
      note: 'saw token-registered-9f8e7d and token-next-registered-1a2b3c',
    });
    expect(log.text()).not.toContain('token-registered-9f8e7d');
    expect(log.text()).not.toContain('token-next-registered-1a2b3c');
    expect(log.text()).toContain('secrets.keychain-save-refused');
  });

  it('registers a token read back from the keychain of an earlier run', async () => {
    const store = new MemorySecretStore();
    await store.save(CURRENT, 'token-from-last-run-5e6f7a');
    const { vault, log } = setup(store);
    await vault.readToken({ kind: 'scim-token', connectionId: 'scim-conn-1' });
    log.logger.warn('echo', { detail: 'token-from-last-run-5e6f7a' });
    expect(log.text()).not.toContain('token-from-last-run-5e6f7a');
  });

  it('still saves the token when the connection index cannot be written', async () => {
    const { store, vault, log, settings } = setup();
    settings.mutate = () =>
      Promise.reject(appFailure('SETTINGS_WRITE_FAILED', 'Disk full.', 'Free space.'));
    const outcome = await vault.saveCreatedToken(CONNECTION, 'token-index-fails-0000');
    expect(outcome.token.storage).toBe('keychain');
    expect(await store.read(CURRENT)).toBe('token-index-fails-0000');
    expect(log.text()).toContain('secrets.index-add-failed');
  });
});

describe('Secrets, SCIM tokens: rotation', () => {
  it('stores the next token on start and leaves the current one in place', async () => {
    const { store, vault } = setup();
    await vault.saveCreatedToken(CONNECTION, 'token-current-1111');
    const outcome = await vault.saveNextToken(CONNECTION, 'token-next-2222');
    expect(outcome).toEqual({
      token: { storage: 'keychain', last4: '2222' },
      keychainWarning: null,
    });
    expect(await store.read(CURRENT)).toBe('token-current-1111');
    expect(await store.read(NEXT)).toBe('token-next-2222');
  });

  it('makes the next token current on complete and removes the next entry', async () => {
    const { store, vault } = setup();
    await vault.saveCreatedToken(CONNECTION, 'token-current-1111');
    await vault.saveNextToken(CONNECTION, 'token-next-2222');
    const outcome = await vault.completeRotation('scim-conn-1');
    expect(outcome).toEqual({
      token: { storage: 'keychain', last4: '2222' },
      keychainWarning: null,
    });
    expect(await store.read(CURRENT)).toBe('token-next-2222');
    expect(await store.read(NEXT)).toBeNull();
  });

  it('removes the next token on cancel and keeps the current one', async () => {
    const { store, vault } = setup();
    await vault.saveCreatedToken(CONNECTION, 'token-current-1111');
    await vault.saveNextToken(CONNECTION, 'token-next-2222');
    expect(await vault.cancelRotation('scim-conn-1')).toEqual({ keychainWarning: null });
    expect(await store.read(CURRENT)).toBe('token-current-1111');
    expect(await store.read(NEXT)).toBeNull();
    expect(await vault.status({ kind: 'scim-next-token', connectionId: 'scim-conn-1' })).toEqual({
      storage: 'none',
      last4: null,
    });
  });

  it('drops the now-invalid current token when completing without a known next token', async () => {
    const { store, vault, log } = setup();
    await vault.saveCreatedToken(CONNECTION, 'token-current-1111');
    const outcome = await vault.completeRotation('scim-conn-1');
    expect(outcome.token).toEqual({ storage: 'none', last4: null });
    expect(await store.read(CURRENT)).toBeNull();
    expect(log.text()).toContain('secrets.rotation-completed-without-next-token');
  });
});

describe('Secrets, SCIM tokens: delete', () => {
  it('removes both tokens and the index entry, and a second delete is harmless', async () => {
    const { store, settings, vault } = setup();
    await vault.saveCreatedToken(CONNECTION, 'token-current-1111');
    await vault.saveNextToken(CONNECTION, 'token-next-2222');
    expect(await vault.deleteConnection('scim-conn-1')).toEqual({ keychainWarning: null });
    expect(store.snapshot().size).toBe(0);
    expect(connectionsOf(await settings.get(), 'project-test-p1')).toEqual([]);
    expect(await vault.deleteConnection('scim-conn-1')).toEqual({ keychainWarning: null });
  });

  it('forgets a memory-only token and warns when the keychain cannot be reached', async () => {
    const { store, vault } = setup();
    store.breakWith(LOCKED);
    await vault.saveCreatedToken(CONNECTION, 'token-memory-3333');
    const outcome = await vault.deleteConnection('scim-conn-1');
    expect(outcome.keychainWarning).toContain('The keychain is locked');
    const failure = await failureOf(
      vault.readToken({ kind: 'scim-token', connectionId: 'scim-conn-1' }),
    );
    expect(failure.appError.code).toBe('SECRET_STORE_LOCKED');
  });
});

describe('Secrets, SCIM tokens: reading and revealing', () => {
  it('answers SECRET_NOT_FOUND with a way out when no token is stored', async () => {
    const { vault } = setup();
    const failure = await failureOf(
      vault.readToken({ kind: 'scim-token', connectionId: 'unknown' }),
    );
    expect(failure.appError.code).toBe('SECRET_NOT_FOUND');
    expect(failure.appError.hint).toContain('rotation');
  });

  it('passes keychain failures through when reading', async () => {
    const { store, vault } = setup();
    store.breakWith(LOCKED);
    const failure = await failureOf(
      vault.readToken({ kind: 'scim-token', connectionId: 'scim-conn-1' }),
    );
    expect(failure.appError.code).toBe('SECRET_STORE_LOCKED');
  });

  it('reveals a token once, then refuses and points to Copy', async () => {
    const { vault } = setup();
    await vault.saveCreatedToken(CONNECTION, 'token-reveal-4444');
    const handle = { kind: 'scim-token', connectionId: 'scim-conn-1' } as const;
    expect(await vault.revealOnce(handle)).toBe('token-reveal-4444');
    const failure = await failureOf(vault.revealOnce(handle));
    expect(failure.appError.code).toBe('SECRET_ALREADY_REVEALED');
    expect(failure.appError.hint).toContain('Copy');
    expect(failure.appError.message).not.toContain('token-reveal-4444');
  });

  it('lets each new token value be revealed once, after a rotation too', async () => {
    const { vault } = setup();
    await vault.saveCreatedToken(CONNECTION, 'token-first-5555');
    const current = { kind: 'scim-token', connectionId: 'scim-conn-1' } as const;
    const next = { kind: 'scim-next-token', connectionId: 'scim-conn-1' } as const;
    await vault.revealOnce(current);
    await vault.saveNextToken(CONNECTION, 'token-second-6666');
    expect(await vault.revealOnce(next)).toBe('token-second-6666');
    await vault.completeRotation('scim-conn-1');
    // Same value, now under the current handle: already shown once.
    expect((await failureOf(vault.revealOnce(current))).appError.code).toBe(
      'SECRET_ALREADY_REVEALED',
    );
    await vault.saveNextToken(CONNECTION, 'token-third-7777');
    expect(await vault.revealOnce(next)).toBe('token-third-7777');
  });
});

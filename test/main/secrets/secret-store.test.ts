import { describe, expect, it } from 'vitest';

import { appFailure } from '../../../shared/errors';
import {
  secretAccount,
  SECRET_SERVICE_NAME,
  type SecretRef,
} from '../../../main/secrets/secret-store';
import { MemorySecretStore, parseSecretAccount } from '../../support/keychain';

describe('keychain account names', () => {
  it('files every secret under the app id', () => {
    expect(SECRET_SERVICE_NAME).toBe('com.scimsetupassistant.app');
  });

  it('names accounts <kind>:<id> for the three kinds of secret', () => {
    expect(secretAccount({ kind: 'stytch-project', projectId: 'project-test-1' })).toBe(
      'stytch-project:project-test-1',
    );
    expect(secretAccount({ kind: 'scim-token', connectionId: 'scim-connection-test-9' })).toBe(
      'scim-token:scim-connection-test-9',
    );
    expect(secretAccount({ kind: 'scim-next-token', connectionId: 'c:with:colons' })).toBe(
      'scim-next-token:c:with:colons',
    );
  });

  it('parses its own account names back, ids with colons included', () => {
    const refs: SecretRef[] = [
      { kind: 'stytch-project', projectId: 'project-live-2' },
      { kind: 'scim-token', connectionId: 'a' },
      { kind: 'scim-next-token', connectionId: 'x:y' },
    ];
    for (const ref of refs) expect(parseSecretAccount(secretAccount(ref))).toEqual(ref);
  });

  it('ignores accounts the app did not write', () => {
    for (const account of ['', 'scim-token', 'scim-token:', ':id', 'other-kind:id', 'password']) {
      expect(parseSecretAccount(account)).toBeNull();
    }
  });
});

describe('MemorySecretStore', () => {
  it('behaves like the keychain: save, read, list, delete twice', async () => {
    const store = new MemorySecretStore();
    const ref: SecretRef = { kind: 'scim-token', connectionId: 'c1' };
    await store.save(ref, 'value-1');
    expect(await store.read(ref)).toBe('value-1');
    expect(await store.list()).toEqual([ref]);
    expect(await store.delete(ref)).toBe(true);
    expect(await store.delete(ref)).toBe(false);
    expect(await store.read(ref)).toBeNull();
  });

  it('fails every call with the given error once broken, and recovers when mended', async () => {
    const store = new MemorySecretStore();
    const locked = appFailure('SECRET_STORE_LOCKED', 'The keychain is locked.', 'Unlock it.');
    store.breakWith(locked);
    await expect(store.read({ kind: 'scim-token', connectionId: 'c' })).rejects.toBe(locked);
    await expect(store.list()).rejects.toBe(locked);
    store.breakWith(null);
    expect(await store.list()).toEqual([]);
  });
});

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { AppFailure } from '../../../shared/errors';
import { ListableKeytarStore } from '../../support/keychain';
import type { SecretRef } from '../../../main/secrets/secret-store';
import { assertKeychainReachable, uniqueService } from '../../support/keychain';
import { errorOf } from '../../support/error-of';

const stores: ListableKeytarStore[] = [];

function newStore(label: string): ListableKeytarStore {
  const store = new ListableKeytarStore({ service: uniqueService(label) });
  stores.push(store);
  return store;
}

const token = (connectionId: string): SecretRef => ({ kind: 'scim-token', connectionId });

beforeAll(async () => {
  await assertKeychainReachable(new ListableKeytarStore({ service: uniqueService('probe') }));
});

afterEach(async () => {
  for (const store of stores.splice(0)) {
    for (const ref of await store.list()) await store.delete(ref);
  }
});

describe('ListableKeytarStore on the real keychain', () => {
  it('reads back exactly what it saved, unicode included', async () => {
    const store = newStore('roundtrip');
    const value = 'tök€n-✓-日本語-🔑-end';
    await store.save(token('conn-unicode'), value);
    expect(await store.read(token('conn-unicode'))).toBe(value);
  });

  it('answers null for a secret that was never saved', async () => {
    const store = newStore('missing');
    expect(await store.read(token('never-saved'))).toBeNull();
  });

  it('replaces a value saved twice under the same account', async () => {
    const store = newStore('replace');
    await store.save({ kind: 'stytch-project', projectId: 'project-test-1' }, 'first-secret');
    await store.save({ kind: 'stytch-project', projectId: 'project-test-1' }, 'second-secret');
    expect(await store.read({ kind: 'stytch-project', projectId: 'project-test-1' })).toBe(
      'second-secret',
    );
    expect(await store.list()).toHaveLength(1);
  });

  it('lists every secret it stored, as typed references', async () => {
    const store = newStore('list');
    await store.save({ kind: 'stytch-project', projectId: 'project-test-abc' }, 'secret-value-1');
    await store.save(token('conn-1'), 'token-value-1');
    await store.save({ kind: 'scim-next-token', connectionId: 'conn-1' }, 'token-value-2');
    const listed = await store.list();
    expect(listed).toHaveLength(3);
    expect(listed).toEqual(
      expect.arrayContaining([
        { kind: 'stytch-project', projectId: 'project-test-abc' },
        { kind: 'scim-token', connectionId: 'conn-1' },
        { kind: 'scim-next-token', connectionId: 'conn-1' },
      ]),
    );
  });

  it('keeps services apart, so another service never sees these secrets', async () => {
    const mine = newStore('mine');
    const other = newStore('other');
    await mine.save(token('shared-id'), 'mine-only-value');
    expect(await other.read(token('shared-id'))).toBeNull();
    expect(await other.list()).toEqual([]);
  });

  it('deletes once, and a second delete reports there was nothing left', async () => {
    const store = newStore('delete');
    await store.save(token('conn-del'), 'delete-me-1234');
    expect(await store.delete(token('conn-del'))).toBe(true);
    expect(await store.delete(token('conn-del'))).toBe(false);
    expect(await store.read(token('conn-del'))).toBeNull();
  });

  it('reports a keychain module that cannot load as SECRET_STORE_UNAVAILABLE with a reinstall hint', async () => {
    const store = new ListableKeytarStore({
      service: uniqueService('load'),
      load: () => Promise.reject(new Error('Cannot find module ../build/Release/keytar.node')),
    });
    const failure = await store.read(token('x')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppFailure);
    expect(errorOf(failure).code).toBe('SECRET_STORE_UNAVAILABLE');
    expect(errorOf(failure).hint).toContain('Reinstall the app');
  });
});

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ListableKeytarStore } from '../../support/keychain';
import { assertKeychainReachable, uniqueService } from '../../support/keychain';
import { signInWorld, type SignInWorld } from './support';

/** Windows Credential Manager's limit for one entry (CRED_MAX_CREDENTIAL_BLOB_SIZE). */
const WINDOWS_CREDENTIAL_BYTES = 2_560;

let world: SignInWorld;
let keychain: ListableKeytarStore;

beforeAll(async () => {
  await assertKeychainReachable(new ListableKeytarStore({ service: uniqueService('probe') }));
});

beforeEach(async () => {
  world = await signInWorld();
  keychain = new ListableKeytarStore({ service: uniqueService('microsoft-cache') });
});

afterEach(async () => {
  for (const ref of await keychain.list()) await keychain.delete(ref);
  await world.close();
});

describe('the Microsoft cache key in the real OS keychain', () => {
  it('stores only the small key there, while the cache itself would not fit a Windows entry', async () => {
    await world.service(keychain).signIn('read-apps');

    const refs = await keychain.list();
    expect(refs).toEqual([{ kind: 'microsoft-cache-key', name: 'microsoft-token-cache.json' }]);
    const key =
      (await keychain.read({ kind: 'microsoft-cache-key', name: 'microsoft-token-cache.json' })) ??
      '';
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(key.length).toBeLessThan(WINDOWS_CREDENTIAL_BYTES);
    expect((await world.cacheText()).length).toBeGreaterThan(WINDOWS_CREDENTIAL_BYTES);
  });

  it('reads the sign-in back after a restart with the key from the keychain', async () => {
    await world.service(keychain).signIn('read-apps');

    expect(await world.service(keychain).status()).toMatchObject({ signedIn: true });
  });
});

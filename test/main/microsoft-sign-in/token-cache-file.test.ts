import { randomBytes } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { appFailure } from '../../../shared/errors';
import { DEFAULT_USER } from '../../../main/sandbox/identity-stand-in/tokens';
import { rejectionOf, signInWorld, type SignInWorld } from './support';

let world: SignInWorld;

beforeEach(async () => {
  world = await signInWorld();
});

afterEach(async () => {
  await world.close();
});

const KEY_REF = { kind: 'microsoft-cache-key', name: 'microsoft-token-cache.json' } as const;

describe('the Microsoft token cache on disk', () => {
  it('holds no token, and not even the account name, in clear', async () => {
    world.standIn.expiresIn = 60;
    const service = world.service();
    await service.signIn('read-apps');
    await service.accessToken('read-apps');

    const text = await world.cacheText();
    const { accessTokens, refreshTokens, idTokens } = world.standIn.issued;
    expect(refreshTokens).toHaveLength(2);
    for (const token of [...accessTokens, ...refreshTokens, ...idTokens]) {
      expect(text).not.toContain(token);
    }
    expect(text).not.toContain(DEFAULT_USER.username);
    expect(text).not.toContain(DEFAULT_USER.oid);
    expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(['data', 'format', 'iv', 'tag']);
  });

  it('keeps its 32-byte key in the keychain under microsoft-cache-key, and only that', async () => {
    await world.service().signIn('read-apps');

    expect(await world.keychain.list()).toEqual([KEY_REF]);
    const key = (await world.keychain.read(KEY_REF)) ?? '';
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(await world.cacheText()).not.toContain(key);
  });

  it('uses a fresh IV for every write', async () => {
    const service = world.service();
    await service.signIn('read-apps');
    const first = JSON.parse(await world.cacheText()) as { iv: string };
    await service.signIn('read-apps');
    const second = JSON.parse(await world.cacheText()) as { iv: string };

    expect(second.iv).not.toBe(first.iv);
  });

  it('treats a wrong key as MICROSOFT_CACHE_UNREADABLE, moves the file aside, and signs in again', async () => {
    await world.service().signIn('read-apps');
    const original = await world.cacheText();
    await world.keychain.save(KEY_REF, randomBytes(32).toString('base64'));

    const service = world.service();
    const error = await rejectionOf(service.status());

    expect(error.code).toBe('MICROSOFT_CACHE_UNREADABLE');
    expect(error.hint).toMatch(/sign in to microsoft again/i);
    const names = await readdir(world.dir);
    const aside = names.find((name) => name.startsWith('microsoft-token-cache.json.unreadable-'));
    expect(aside).toBeDefined();
    expect(names).not.toContain('microsoft-token-cache.json');
    expect(await service.status()).toEqual({ signedIn: false, clientIdConfigured: true });
    expect((await service.signIn('read-apps')).signedIn).toBe(true);
    expect(await world.service().status()).toMatchObject({ signedIn: true });
    expect(await world.cacheText()).not.toBe(original);
  });

  it('treats a damaged file as MICROSOFT_CACHE_UNREADABLE and keeps the damaged bytes aside', async () => {
    await world.service().signIn('read-apps');
    await writeFile(world.cacheFile, '{"format":"scim-setup-assistant/microsoft-token-cache/v1"');

    const error = await rejectionOf(world.service().accessToken('read-apps'));

    expect(error.code).toBe('MICROSOFT_CACHE_UNREADABLE');
    expect((await readdir(world.dir)).some((name) => name.includes('.unreadable-'))).toBe(true);
  });

  it('treats a missing key as MICROSOFT_CACHE_UNREADABLE', async () => {
    await world.service().signIn('read-apps');
    await world.keychain.delete(KEY_REF);

    expect((await rejectionOf(world.service().status())).code).toBe('MICROSOFT_CACHE_UNREADABLE');
  });

  it('passes a locked keychain through as the keychain error and leaves the file alone', async () => {
    await world.service().signIn('read-apps');
    const before = await world.cacheText();
    world.keychain.breakWith(
      appFailure('SECRET_STORE_LOCKED', 'The keychain is locked.', 'Unlock it.'),
    );

    const error = await rejectionOf(world.service().status());

    expect(error.code).toBe('SECRET_STORE_LOCKED');
    world.keychain.breakWith(null);
    expect(await world.cacheText()).toBe(before);
    expect(await world.service().status()).toMatchObject({ signedIn: true });
  });
});

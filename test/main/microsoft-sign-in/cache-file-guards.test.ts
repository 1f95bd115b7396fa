import { execFileSync } from 'node:child_process';
import { mkdtemp, open, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { EncryptedCacheFile } from '../../../main/microsoft-sign-in/encrypted-cache-file';
import { MemorySecretStore } from '../../support/keychain';
import { captureLogger } from '../../support/capture-logger';
import { rejectionOf, signInWorld, type SignInWorld } from './support';

/**
 * Issue 19, finding 5: "the token cache file is read without the settings file's guards: a FIFO
 * at its path hangs every Microsoft call; a symlink to /dev/zero adds 555 MB. Sign-out keeps the
 * key, so a copy of the cache from before sign-out signs the app in again; a cache moved aside
 * stays decryptable; two first writes at once left an undecryptable cache in 4 of 50 runs".
 */

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cache-guards-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cacheFile(keychain = new MemorySecretStore()): EncryptedCacheFile {
  return new EncryptedCacheFile({
    path: join(dir, 'microsoft-token-cache.json'),
    keychain,
    logger: captureLogger().logger,
  });
}

/** Settles with the promise, or with 'timed out' after `ms` (a hang must fail, not stall the run). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe.skipIf(process.platform === 'win32')(
  'reading the cache file: only a small regular file',
  () => {
    it('refuses a FIFO at the cache path at once instead of waiting for a writer', async () => {
      const path = join(dir, 'microsoft-token-cache.json');
      execFileSync('mkfifo', [path]);
      const read = cacheFile()
        .read()
        .then(
          () => 'read',
          (error: unknown) => error,
        );

      const outcome = await within(read, 3_000);

      if (outcome === 'timed out') {
        // Unblocks the thread a blocking open is stuck in, so the run can end.
        const writer = await open(path, 'w');
        await writer.close();
      }
      expect(outcome).not.toBe('timed out');
      expect(await rejectionOf(Promise.reject(outcome as Error))).toMatchObject({
        code: 'MICROSOFT_CACHE_UNREADABLE',
      });
      expect((await readdir(dir)).some((name) => name.includes('.unreadable-'))).toBe(true);
    });

    it('refuses a symlink to /dev/zero without reading it into memory', async () => {
      await symlink('/dev/zero', join(dir, 'microsoft-token-cache.json'));
      const before = process.memoryUsage().rss;

      const outcome = await within(rejectionOf(cacheFile().read()), 5_000);

      expect(outcome).not.toBe('timed out');
      expect(outcome).toMatchObject({ code: 'MICROSOFT_CACHE_UNREADABLE' });
      expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
    });

    it('refuses a file larger than the cap and moves it aside', async () => {
      await writeFile(join(dir, 'microsoft-token-cache.json'), Buffer.alloc(3 * 1024 * 1024, 0x20));

      const error = await rejectionOf(cacheFile().read());

      expect(error.code).toBe('MICROSOFT_CACHE_UNREADABLE');
      expect(error.message).toMatch(/larger than/);
      expect(await readdir(dir)).not.toContain('microsoft-token-cache.json');
      // The hint names the file and "the app's data folder", never the path (issue 19, finding 8).
      expect(error.hint).toContain("in the app's data folder");
      expect(error.hint).not.toContain(dir);
    });
  },
);

describe('writing the cache file: one writer, one key', () => {
  it('leaves a decryptable cache after two first writes at once, in each of 50 runs', async () => {
    let undecryptable = 0;
    for (let run = 0; run < 50; run += 1) {
      await rm(join(dir, 'microsoft-token-cache.json'), { force: true });
      const keychain = new MemorySecretStore();
      const file = cacheFile(keychain);
      await Promise.all([file.write('{"run":"a"}'), file.write('{"run":"b"}')]);
      const text = await cacheFile(keychain)
        .read()
        .catch(() => null);
      if (text === null) undecryptable += 1;
    }

    expect(undecryptable).toBe(0);
  });

  it('leaves a decryptable cache when two services over the same file write first at once', async () => {
    let undecryptable = 0;
    for (let run = 0; run < 50; run += 1) {
      await rm(join(dir, 'microsoft-token-cache.json'), { force: true });
      const keychain = new MemorySecretStore();
      await Promise.all([
        cacheFile(keychain).write('{"a":1}'),
        cacheFile(keychain).write('{"b":2}'),
      ]);
      const text = await cacheFile(keychain)
        .read()
        .catch(() => null);
      if (text === null) undecryptable += 1;
    }

    expect(undecryptable).toBe(0);
  });
});

describe('signing out of Microsoft: nothing left that signs the app in again', () => {
  let world: SignInWorld;

  beforeEach(async () => {
    world = await signInWorld();
  });

  afterEach(async () => {
    await world.close();
  });

  it('deletes the cache file and its key, so a copy from before sign-out no longer decrypts', async () => {
    const service = world.service();
    await service.signIn('read-apps');
    const copy = await readFile(world.cacheFile);

    await service.signOut();

    expect(await readdir(world.dir)).not.toContain('microsoft-token-cache.json');
    expect(await world.keychain.list()).toEqual([]);
    await writeFile(world.cacheFile, copy);
    const restarted = world.service();
    const first = await restarted.status().catch((error: unknown) => error);
    const status = await restarted.status();
    expect(status).toMatchObject({ signedIn: false });
    expect(first).not.toMatchObject({ signedIn: true });
    expect((await rejectionOf(restarted.accessToken('read-apps'))).code).toBe(
      'MICROSOFT_NOT_SIGNED_IN',
    );
  });

  it('makes a new key at the next sign-in', async () => {
    const service = world.service();
    await service.signIn('read-apps');
    const ref = { kind: 'microsoft-cache-key', name: 'microsoft-token-cache.json' } as const;
    const firstKey = await world.keychain.read(ref);
    await service.signOut();

    await service.signIn('read-apps');

    const secondKey = await world.keychain.read(ref);
    expect(secondKey).not.toBeNull();
    expect(secondKey).not.toBe(firstKey);
  });

  it('makes a cache moved aside as unreadable undecryptable too (its key is dropped)', async () => {
    await world.service().signIn('read-apps');
    const good = await readFile(world.cacheFile);
    // Damaged now: moved aside at the next read, which must also drop the key it was written with.
    await writeFile(world.cacheFile, '{"format":"damaged"}');
    expect((await rejectionOf(world.service().status())).code).toBe('MICROSOFT_CACHE_UNREADABLE');

    await writeFile(world.cacheFile, good);

    const outcome = await world
      .service()
      .status()
      .catch((error: unknown) => error);
    expect(outcome).not.toMatchObject({ signedIn: true });
  });
});

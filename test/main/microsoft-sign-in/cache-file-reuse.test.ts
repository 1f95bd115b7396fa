import { mkdtemp, rm, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { EncryptedCacheFile } from '../../../main/microsoft-sign-in/encrypted-cache-file';
import { MemorySecretStore } from '../../support/keychain';
import { captureLogger } from '../../support/capture-logger';
import { rejectionOf } from './support';

/** Every path the code under test opened (node:fs/promises' `open`, which the file guards use). */
const opened = vi.hoisted(() => [] as string[]);

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    open: (path: Parameters<typeof fs.open>[0], ...rest: [string | number | undefined]) => {
      opened.push(String(path));
      return fs.open(path, ...rest);
    },
  };
});

/**
 * MSAL reads its cache two or three times per Graph call: while the file and its key are
 * unchanged, the cache file answers from what it last read or wrote, and any change to either is
 * still found.
 */

const KEY_REF = { kind: 'microsoft-cache-key', name: 'microsoft-token-cache.json' } as const;

let dir: string;
let path: string;
let keychain: MemorySecretStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cache-reuse-'));
  path = join(dir, 'microsoft-token-cache.json');
  keychain = new MemorySecretStore();
  opened.length = 0;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cacheFile(): EncryptedCacheFile {
  return new EncryptedCacheFile({ path, keychain, logger: captureLogger().logger });
}

describe('the token cache file read again and again', () => {
  it('is not opened again while the file and its key are unchanged', async () => {
    const file = cacheFile();
    await file.write('{"Account":{}}');
    opened.length = 0;

    for (let read = 0; read < 5; read += 1) expect(await file.read()).toBe('{"Account":{}}');

    expect(opened.filter((name) => name === path)).toEqual([]);
  });

  it('reads what another writer put there since', async () => {
    const file = cacheFile();
    await file.write('{"one":1}');
    expect(await file.read()).toBe('{"one":1}');

    await cacheFile().write('{"two":2}');

    expect(await file.read()).toBe('{"two":2}');
  });

  it('finds its key gone although the file did not change', async () => {
    const file = cacheFile();
    await file.write('{"one":1}');
    expect(await file.read()).toBe('{"one":1}');

    await keychain.delete(KEY_REF);

    expect((await rejectionOf(file.read())).code).toBe('MICROSOFT_CACHE_UNREADABLE');
  });

  it('finds the file damaged in place, bytes changed and size kept', async () => {
    const file = cacheFile();
    await file.write('{"one":1}');
    expect(await file.read()).toBe('{"one":1}');
    const text = await readFile(path, 'utf8');

    await writeFile(
      path,
      text.replace(/"data":"./, (match) => `${match.slice(0, -1)}#`),
    );

    expect((await rejectionOf(file.read())).code).toBe('MICROSOFT_CACHE_UNREADABLE');
  });
});

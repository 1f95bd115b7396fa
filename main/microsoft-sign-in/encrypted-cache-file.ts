import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { appFailure, type AppFailure } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import { writeFileAtomic } from '../settings/atomic-write';
import { readSmallRegularFile } from '../settings/bounded-read';
import type { SecretRef, SecretStore } from '../secrets/secret-store';

/**
 * MSAL's token cache, encrypted at rest. The cache (account, id, access and refresh tokens) is a
 * few kilobytes, more than Windows' Credential Manager holds in one entry (2,560 bytes), so the
 * keychain keeps only a random 32-byte key and the cache lives in the app's data folder as
 * AES-256-GCM ciphertext: a fresh IV on every write, the GCM tag checked on every read, written
 * atomically so a crash leaves the old file or the new one.
 *
 * Read with the settings file's guards (main/settings/bounded-read.ts): a regular file of at most
 * {@link MAX_CACHE_BYTES}, opened non-blocking, so a FIFO or a device at the path cannot stall or
 * flood every Microsoft call. Every access to one path runs one at a time (reads, writes,
 * clearing), in this process: two first writes at once would otherwise each make a key and leave
 * a file encrypted with the key that lost.
 */

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
// Fixed, so a truncated tag (which GCM would otherwise accept) fails to decrypt.
const TAG_BYTES = 16;
const FORMAT = 'scim-setup-assistant/microsoft-token-cache/v1';
/**
 * MSAL's cache for one account and a handful of scopes is a few kilobytes; 1 MB is far above any
 * real cache and far below what would hurt to hold in memory.
 */
export const MAX_CACHE_BYTES = 1024 * 1024;

/** The tail of the work queued on each cache path (module-wide: every instance shares it). */
const queues = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier access to `path` settled, and before any later one. */
function exclusive<T>(path: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve();
  const result = previous.then(work, work);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(path, tail);
  void tail.then(() => {
    if (queues.get(path) === tail) queues.delete(path);
  });
  return result;
}

/** What the file holds: base64 fields, nothing in clear but the format name. */
interface Envelope {
  format: typeof FORMAT;
  iv: string;
  tag: string;
  data: string;
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return (
    fields['format'] === FORMAT &&
    typeof fields['iv'] === 'string' &&
    typeof fields['tag'] === 'string' &&
    typeof fields['data'] === 'string'
  );
}

/** The name a cache file that cannot be read is moved to, next to it. */
export function unreadableFileName(path: string, at: Date): string {
  return `${basename(path)}.unreadable-${at.toISOString().replace(/[:.]/g, '-')}`;
}

/** How to build an {@link EncryptedCacheFile}. */
export interface EncryptedCacheFileOptions {
  /** The cache file, in the app's data folder. */
  path: string;
  /** The OS keychain, holding the file's key. */
  keychain: SecretStore;
  logger: Logger;
  now?: () => Date;
}

/**
 * One encrypted file and its key. {@link read} answers null when there is no file;
 * a file that cannot be read or does not decrypt (not a regular file, too large, wrong or missing
 * key, damaged bytes) is moved aside and reported as MICROSOFT_CACHE_UNREADABLE, so the next
 * sign-in starts clean without destroying evidence; its key is dropped at the same time, so the
 * copy moved aside can no longer be decrypted by anyone who finds it. Keychain failures (locked,
 * denied) pass through as the keychain's own errors: the file is fine.
 */
export class EncryptedCacheFile {
  private readonly keyRef: SecretRef;
  /**
   * What this instance last read or wrote: the plaintext, the file's identity then (fileStamp)
   * and the key it was under. MSAL reads the cache two or three times per Graph call; while the
   * file and the key are both unchanged, that read answers this instead of opening, reading and
   * decrypting the file again. The key is still read from the keychain on every read, so a key
   * gone or a keychain locked meanwhile is found as before; any change to the file is a new stamp.
   */
  private last: { stamp: string; key: string; plain: string } | null = null;

  constructor(private readonly options: EncryptedCacheFileOptions) {
    this.keyRef = { kind: 'microsoft-cache-key', name: basename(options.path) };
  }

  /** The decrypted cache, or null when none was written yet. */
  read(): Promise<string | null> {
    return exclusive(this.options.path, () => this.readNow());
  }

  /** Encrypts and writes `content`, creating the key on first use. */
  write(content: string): Promise<void> {
    return exclusive(this.options.path, () => this.writeNow(content));
  }

  /**
   * Deletes the file and its key (sign-out): a copy of the file taken before can then no longer
   * be decrypted, and the next write makes a new key.
   */
  clear(): Promise<void> {
    return exclusive(this.options.path, async () => {
      this.last = null;
      await rm(this.options.path, { force: true });
      await this.options.keychain.delete(this.keyRef);
    });
  }

  private async readNow(): Promise<string | null> {
    // Taken before the read: should the file change after it, the stamp kept is the older one,
    // and the next read reads the file again.
    const stamp = await fileStamp(this.options.path);
    const last = this.last;
    this.last = null;
    if (stamp !== null && last?.stamp === stamp) {
      const key = await this.options.keychain.read(this.keyRef);
      if (key === last.key) {
        this.last = last;
        return last.plain;
      }
    }
    const file = await readSmallRegularFile(this.options.path, MAX_CACHE_BYTES);
    if (file.kind === 'missing') return null;
    if (file.kind === 'refused') throw await this.unreadable(file.reason);
    const key = await this.options.keychain.read(this.keyRef);
    if (key === null) throw await this.unreadable('its key is missing from the keychain');
    const plain = decrypt(file.text, Buffer.from(key, 'base64'));
    if (plain === null) throw await this.unreadable('it does not decrypt with the stored key');
    if (stamp !== null) this.last = { stamp, key, plain };
    return plain;
  }

  private async writeNow(content: string): Promise<void> {
    this.last = null;
    const key = await this.key();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(FORMAT));
    const data = Buffer.concat([cipher.update(content, 'utf8'), cipher.final()]);
    const envelope: Envelope = {
      format: FORMAT,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
    await writeFileAtomic(this.options.path, JSON.stringify(envelope));
    const stamp = await fileStamp(this.options.path);
    if (stamp !== null) this.last = { stamp, key: key.toString('base64'), plain: content };
  }

  private async key(): Promise<Buffer> {
    const stored = await this.options.keychain.read(this.keyRef);
    if (stored !== null) {
      const key = Buffer.from(stored, 'base64');
      if (key.length === KEY_BYTES) return key;
    }
    const fresh = randomBytes(KEY_BYTES);
    await this.options.keychain.save(this.keyRef, fresh.toString('base64'));
    return fresh;
  }

  /** Moves the file aside (never overwritten silently) and builds the error to show. */
  private async unreadable(reason: string): Promise<AppFailure> {
    const now = this.options.now?.() ?? new Date();
    const aside = join(dirname(this.options.path), unreadableFileName(this.options.path, now));
    const moved = await rename(this.options.path, aside).then(
      () => true,
      () => false,
    );
    // The key goes too: the copy kept aside is evidence, not a sign-in anyone can restore.
    const keyDropped = await this.options.keychain.delete(this.keyRef).then(
      () => true,
      () => false,
    );
    this.options.logger.warn('microsoft.cache.unreadable', {
      reason,
      movedTo: moved ? aside : null,
      keyDropped,
    });
    return appFailure(
      'MICROSOFT_CACHE_UNREADABLE',
      `The saved Microsoft sign-in could not be read: ${reason}.`,
      moved
        ? // The file's name, not its path: hints reach the window, and the path names the user.
          `Sign in to Microsoft again. The old file was kept as ${basename(aside)} in the app's data folder.`
        : 'Sign in to Microsoft again.',
    );
  }
}

/**
 * Which file is at `path` and when it last changed (device, inode, size, change and modification
 * times in nanoseconds): an atomic write is a new inode, an edit in place a new time and most
 * often a new size. Null when there is no regular file to stamp (then the file is read, and its
 * guards say why not).
 */
async function fileStamp(path: string): Promise<string | null> {
  try {
    const info = await stat(path, { bigint: true });
    if (!info.isFile()) return null;
    return [info.dev, info.ino, info.size, info.ctimeNs, info.mtimeNs].join(':');
  } catch {
    return null;
  }
}

/** The plaintext, or null when the envelope is malformed or the tag does not verify. */
function decrypt(raw: string, key: Buffer): string | null {
  try {
    const envelope: unknown = JSON.parse(raw);
    if (!isEnvelope(envelope) || key.length !== KEY_BYTES) return null;
    const iv = Buffer.from(envelope.iv, 'base64');
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(FORMAT));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
    const data = Buffer.from(envelope.data, 'base64');
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

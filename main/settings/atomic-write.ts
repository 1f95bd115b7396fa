import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_ATTEMPTS = 5;

/** The `code` of a Node error (`ENOENT`, `EPERM`, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      // On Windows a virus scanner or indexer briefly holding the target makes rename fail.
      if (attempt >= RENAME_ATTEMPTS || !RENAME_RETRY_CODES.has(errorCode(error) ?? ''))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable. Windows cannot open a directory for fsync, and some file
  // systems refuse it; the file's own fsync already happened, so this is best effort.
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    return;
  }
}

const TEMP_SUFFIX_BYTES = 6;

/** The temp file {@link writeFileAtomic} writes before renaming it over `path`. */
function tempPathFor(path: string): string {
  const suffix = randomBytes(TEMP_SUFFIX_BYTES).toString('hex');
  return join(dirname(path), `.${basename(path)}.${suffix}.tmp`);
}

/** True when `name` is one of the temp files {@link tempPathFor} names for `path`. */
function isTempNameFor(path: string, name: string): boolean {
  const prefix = `.${basename(path)}.`;
  if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return false;
  const suffix = name.slice(prefix.length, -'.tmp'.length);
  return suffix.length === TEMP_SUFFIX_BYTES * 2 && /^[0-9a-f]+$/.test(suffix);
}

/**
 * Deletes the temp files that writes of `path` left behind when the process was killed between
 * writing and renaming; answers how many went. Only call it while nothing else writes `path`.
 * Best effort: a file that cannot be deleted now is tried again next time.
 */
export async function removeStaleTempFiles(path: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return 0;
  }
  const stale = names.filter((name) => isTempNameFor(path, name));
  const removed = await Promise.all(
    stale.map((name) =>
      unlink(join(dirname(path), name)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return removed.filter(Boolean).length;
}

/**
 * Replaces `path` with `content` so that a crash leaves either the old file or the new one,
 * never half of each: write a temp file in the same folder, fsync it, rename it over the target.
 * The file is created readable by the current user only. `content` may come in pieces, each
 * made only when the one before is written, so a large file is never one string in memory.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Iterable<string>,
): Promise<void> {
  const dir = dirname(path);
  const temp = tempPathFor(path);
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      if (typeof content === 'string') await handle.writeFile(content, 'utf8');
      else for (const piece of content) await handle.write(piece, null, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

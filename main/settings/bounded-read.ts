import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

import { errorCode } from './atomic-write';

/** What reading a small file found: its text, no file, or why it was not read. */
export type SmallFileRead =
  { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'refused'; reason: string };

const NOT_REGULAR: SmallFileRead = { kind: 'refused', reason: 'it is not a regular file' };

function tooLarge(maxBytes: number): SmallFileRead {
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return { kind: 'refused', reason: `it is larger than ${megabytes} MB` };
}

function unreadable(error: unknown): SmallFileRead {
  return {
    kind: 'refused',
    reason: `it could not be read (${errorCode(error) ?? 'unknown error'})`,
  };
}

/**
 * Reads a regular file of at most `maxBytes` as UTF-8. Anything else at the path (a FIFO, a
 * folder, a device) is refused without being opened for a blocking read: opening a FIFO waits
 * for a writer that never comes, which would stall every caller behind it.
 */
export async function readSmallRegularFile(path: string, maxBytes: number): Promise<SmallFileRead> {
  let handle: FileHandle;
  try {
    if (!(await stat(path)).isFile()) return NOT_REGULAR;
    // O_NONBLOCK: should the file be swapped for a FIFO after the stat, open still returns at
    // once (fstat below then refuses it). The constant is undefined on Windows, which has no FIFOs
    // at file paths, so it adds nothing there.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? { kind: 'missing' } : unreadable(error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return NOT_REGULAR;
    if (info.size > maxBytes) return tooLarge(maxBytes);
    // Room for the size fstat gave and one byte more: a file that fills it grew since the
    // fstat, and is read again with room for the limit and one byte over it, which tells one
    // that still fits from one too large. Sized by the file, not the limit: the token cache is
    // read on every Graph call, and a megabyte zero-filled each time cost more than the read.
    let buffer = Buffer.allocUnsafe(info.size + 1);
    let { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead === buffer.length) {
      buffer = Buffer.allocUnsafe(maxBytes + 1);
      ({ bytesRead } = await handle.read(buffer, 0, buffer.length, 0));
    }
    if (bytesRead > maxBytes) return tooLarge(maxBytes);
    return { kind: 'text', text: buffer.toString('utf8', 0, bytesRead) };
  } catch (error) {
    return unreadable(error);
  } finally {
    // Closing a handle only read from loses nothing if it fails.
    await handle.close().catch(() => undefined);
  }
}

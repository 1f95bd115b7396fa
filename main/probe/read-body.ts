import { joined } from '../http/response-limit';

/**
 * The most of an answer the probe reads. What it asks for (an empty list, an error, one user,
 * the discovery documents) is a few kilobytes; past this it is not a SCIM answer, and reading on
 * would let a server fill the app's memory.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How reading a body ended, with the text that arrived (all of it, or what came before the end). */
export interface BodyRead {
  end: 'complete' | 'too-large' | 'unfinished';
  text: string;
}

/** A chunk of a body stream as bytes; fetch's stream types leave its chunks untyped. */
function bytesOf(chunk: unknown): Uint8Array {
  if (!ArrayBuffer.isView(chunk)) throw new TypeError('A response body chunk was not bytes.');
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Decodes a whole body at once: without `stream`, decoding keeps no state, so one serves every read. */
const UTF8 = new TextDecoder();

/** The chunks as one text; a character the last chunk cut short becomes U+FFFD, as `text()` does. */
const decoded = (chunks: readonly Uint8Array[], bytes: number): string =>
  UTF8.decode(joined(chunks, bytes));

/**
 * Reads a response body, at most `limit` bytes of it. Past the limit it cancels the stream,
 * which closes the connection; when `signal` aborts first (the request's time limit) the body
 * is unfinished. Any other stream error (a reset mid-body) is thrown, as `response.text()`
 * would throw it.
 */
export async function readBody(
  response: Response,
  signal: AbortSignal,
  limit = MAX_BODY_BYTES,
): Promise<BodyRead> {
  if (response.body === null) return { end: 'complete', text: '' };
  const reader = response.body.getReader();
  // Not every fetch ends a pending read when its signal aborts; cancelling the reader does.
  const stop = (): void => void reader.cancel().catch(() => undefined);
  if (signal.aborted) stop();
  signal.addEventListener('abort', stop, { once: true });
  // Kept as bytes and decoded once at the end: no decoder per body, no text per chunk.
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const read = await reader.read();
      if (read.done) {
        const end = signal.aborted ? 'unfinished' : 'complete';
        return { end, text: decoded(chunks, bytes) };
      }
      const value = bytesOf(read.value);
      const room = limit - bytes;
      if (value.byteLength > room) {
        stop();
        chunks.push(value.subarray(0, room));
        return { end: 'too-large', text: decoded(chunks, limit) };
      }
      chunks.push(value);
      bytes += value.byteLength;
    }
  } catch (error) {
    if (signal.aborted) return { end: 'unfinished', text: decoded(chunks, bytes) };
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/** The `code` of the error a limited fetch raises; `classifyTransportError` names it 'too-large'. */
export const RESPONSE_TOO_LARGE = 'ERR_RESPONSE_TOO_LARGE';

class ResponseTooLargeError extends Error {
  readonly code = RESPONSE_TOO_LARGE;

  constructor(maxBytes: number) {
    super(`The answer was larger than ${maxBytes} bytes, so reading it stopped.`);
    this.name = 'ResponseTooLargeError';
  }
}

/** Statuses whose Response may not be given a body. */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 204, 205, 304]);

/** The chunks of a body as one array of bytes (the chunk itself when there is only one). */
export function joined<Chunk extends Uint8Array>(
  chunks: readonly Chunk[],
  byteLength: number,
): Chunk | Uint8Array<ArrayBuffer> {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const bytes = new Uint8Array(byteLength);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a whole body, counting its bytes as they arrive; past `maxBytes` it stops with the
 * error `tooLarge` gives (which aborts the request).
 */
async function readCounted(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const read = await reader.read();
    if (read.done) return joined(chunks, received);
    received += read.value.byteLength;
    if (received > maxBytes) {
      const error = tooLarge();
      void reader.cancel(error).catch(() => undefined);
      throw error;
    }
    chunks.push(read.value);
  }
}

/**
 * Wraps a fetch so no answer body larger than `maxBytes` is read: a declared Content-Length over
 * the limit is refused before reading, and a body sent without one (or compressed) is counted as
 * it arrives. Past the limit the request is aborted through its signal, which both Node's fetch
 * and Electron's net.fetch turn into closing the connection; merely failing the read (as axios's
 * `maxContentLength` does) would leave the server streaming into a socket nobody reads.
 *
 * The answer handed back is a new Response over the body read in full (it is at most `maxBytes`,
 * and every caller reads it whole); its `url`, `type` and `redirected` are not carried over
 * (axios reads none of them). Memory: the fleet sweeps thousands of requests, and each one's
 * garbage counts. The request is not copied, the caller's signal is followed by one listener
 * (not `AbortSignal.any`) and the body is read by one reader loop (not piped through a
 * TransformStream into a second stream): the bench's `fleet.peak_rss_mb` measured the difference.
 */
export function withResponseLimit(fetchFn: typeof fetch, maxBytes: number): typeof fetch {
  return async (input, init) => {
    const stop = new AbortController();
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : null);
    const follow = (): void => stop.abort(callerSignal?.reason);
    if (callerSignal?.aborted) follow();
    else callerSignal?.addEventListener('abort', follow, { once: true });
    const tooLarge = (): ResponseTooLargeError => {
      const error = new ResponseTooLargeError(maxBytes);
      stop.abort(error);
      return error;
    };
    try {
      const response = await fetchFn(input, { ...init, signal: stop.signal });
      if (response.body === null || NULL_BODY_STATUSES.has(response.status)) return response;
      if (Number(response.headers.get('content-length')) > maxBytes) throw tooLarge();
      const body = await readCounted(response.body, maxBytes, tooLarge);
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      callerSignal?.removeEventListener('abort', follow);
    }
  };
}

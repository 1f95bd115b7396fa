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

/**
 * Wraps a fetch so no answer body larger than `maxBytes` is read: a declared Content-Length over
 * the limit is refused before reading, and a body sent without one (or compressed) is counted as
 * it arrives. Past the limit the request is aborted through its signal, which both Node's fetch
 * and Electron's net.fetch turn into closing the connection; merely failing the read (as axios's
 * `maxContentLength` does) would leave the server streaming into a socket nobody reads.
 *
 * The answer handed back is a new Response over the counted body; its `url`, `type` and
 * `redirected` are not carried over (axios reads none of them).
 */
export function withResponseLimit(fetchFn: typeof fetch, maxBytes: number): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const stop = new AbortController();
    const tooLarge = (): ResponseTooLargeError => {
      const error = new ResponseTooLargeError(maxBytes);
      stop.abort(error);
      return error;
    };
    const response = await fetchFn(request, {
      signal: AbortSignal.any([request.signal, stop.signal]),
    });
    if (response.body === null || NULL_BODY_STATUSES.has(response.status)) return response;
    if (Number(response.headers.get('content-length')) > maxBytes) throw tooLarge();
    let received = 0;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          received += chunk.byteLength;
          if (received > maxBytes) controller.error(tooLarge());
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

import axios, { type AxiosInstance } from 'axios';

/** The fetch function an HTTP client sends through. */
export type FetchLike = typeof fetch;

/** What every HTTP client in main is built from. */
export interface HttpClientOptions {
  /**
   * Electron's `net.fetch` in the app (Chromium's stack: system proxy, PAC, the OS certificate
   * store — what corporate networks need); Node's fetch in tests and the CLI.
   */
  fetch: FetchLike;
  /** Hard limit for one request; no call in main goes without one. */
  timeoutMs: number;
  baseURL?: string;
}

/**
 * The one way main makes HTTP clients: axios over the fetch adapter with an injected fetch.
 * Status codes never throw (callers read `status` and parse the body with zod), so only
 * transport failures reach `classifyTransportError`.
 */
export function createHttpClient(options: HttpClientOptions): AxiosInstance {
  return axios.create({
    adapter: 'fetch',
    env: { fetch: options.fetch },
    timeout: options.timeoutMs,
    ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
    validateStatus: () => true,
    // The body is parsed here only when it is JSON; callers check the content type and the shape.
    transitional: { silentJSONParsing: true, forcedJSONParsing: true, clarifyTimeoutError: true },
    maxRedirects: 0,
  });
}

import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';

import type { HttpMethod } from './operation-table';
import { withResponseLimit } from './response-limit';

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
  /** Hard limit for one answer's body, in bytes; no call in main reads an unbounded answer. */
  maxResponseBytes: number;
  baseURL?: string;
}

// axios keeps, for ever, one adapter per distinct fetch function it is handed. A client is made
// per connect attempt, so each must get the same limited fetch back, not a fresh wrapper.
const limitedFetches = new WeakMap<FetchLike, Map<number, FetchLike>>();

function limitedFetch(fetch: FetchLike, maxBytes: number): FetchLike {
  const byLimit = limitedFetches.get(fetch) ?? new Map<number, FetchLike>();
  limitedFetches.set(fetch, byLimit);
  const limited = byLimit.get(maxBytes) ?? withResponseLimit(fetch, maxBytes);
  byLimit.set(maxBytes, limited);
  return limited;
}

/**
 * The one way main makes HTTP clients: axios over the fetch adapter with an injected fetch.
 * Status codes never throw (callers read `status` and parse the body with zod), so only
 * transport failures reach `classifyTransportError`. Redirects are not followed: axios asks fetch
 * for `redirect: 'manual'`, which Node's fetch answers with the 3xx itself and Electron's net.fetch
 * with a rejection; `classifyTransportError` names the latter 'redirect'.
 */
export function createHttpClient(options: HttpClientOptions): AxiosInstance {
  return axios.create({
    adapter: 'fetch',
    env: { fetch: limitedFetch(options.fetch, options.maxResponseBytes) },
    timeout: options.timeoutMs,
    ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
    validateStatus: () => true,
    // The body is parsed here only when it is JSON; callers check the content type and the shape.
    transitional: { silentJSONParsing: true, forcedJSONParsing: true, clarifyTimeoutError: true },
    maxRedirects: 0,
  });
}

/** One JSON API request: what both API clients send. */
export interface JsonRequest {
  method: HttpMethod;
  url: string;
  query?: Record<string, string | number | undefined> | undefined;
  /** Sent as JSON (with its content type) when present. */
  body?: unknown;
  /** Overrides the client's timeout for this request. */
  timeoutMs?: number | undefined;
  /** The API's own headers (its auth, request ids); they replace the defaults here. */
  headers: Readonly<Record<string, string>>;
}

/**
 * The request config of a JSON call: the body as text, and the answer kept as text
 * (`transformResponse` returns it untouched) so the client reads it with its size cap, its own
 * JSON parse and its zod schema.
 */
export function jsonRequest(request: JsonRequest): AxiosRequestConfig {
  const { body } = request;
  return {
    method: request.method,
    url: request.url,
    params: request.query,
    data: body === undefined ? undefined : JSON.stringify(body),
    ...(request.timeoutMs === undefined ? {} : { timeout: request.timeoutMs }),
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...request.headers,
    },
  };
}

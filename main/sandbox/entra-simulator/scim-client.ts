import { AAD_OPT_FLAG } from '../../../shared/stytch/tenant-url';
import type { FetchLike } from '../../http/create-http-client';
import { classifyTransportError, type TransportFailureKind } from '../../http/transport-error';
import { readBody } from '../../probe/read-body';
import { STRIP_FLAG_FROM_REQUESTS } from './entra-assumptions';
import { SCIM_MEDIA_TYPE, type ScimRequest } from './entra-requests';
import { parseJson } from './scim-answers';

/** Where requests go, worked out once from the Tenant URL. */
export interface TenantTarget {
  /** Scheme, host, port and path without a trailing slash or query. */
  base: string;
  /** Query parameters every request keeps. */
  keptQuery: ReadonlyArray<readonly [string, string]>;
  /** Whether the Tenant URL carries `aadOptscim062020`, which selects the flagged PATCH dialect. */
  flag: boolean;
}

/** Parses a Tenant URL; null when it is not an http(s) URL. */
export function tenantTarget(tenantUrl: string): TenantTarget | null {
  let url: URL;
  try {
    url = new URL(tenantUrl.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const flag = url.searchParams.has(AAD_OPT_FLAG);
  const keptQuery = [...url.searchParams].filter(
    ([name]) => !(STRIP_FLAG_FROM_REQUESTS && name === AAD_OPT_FLAG),
  );
  return { base: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, keptQuery, flag };
}

/** One request and what came of it. Texts never hold the token: it is masked on arrival. */
export type ScimExchange =
  | {
      kind: 'answer';
      request: ScimRequest;
      url: string;
      status: number;
      text: string;
      json: unknown;
    }
  | {
      kind: 'no-answer';
      request: ScimRequest;
      url: string;
      failure: TransportFailureKind;
      detail: string;
    };

/** Sends the simulator's requests; never throws for network reasons. */
export type ScimSend = (request: ScimRequest) => Promise<ScimExchange>;

/** What the client needs: the target, the bearer token, the injected fetch and a time limit. */
export interface ScimClientOptions {
  target: TenantTarget;
  token: string;
  fetch: FetchLike;
  timeoutMs: number;
}

/** The full URL of a request: `{base}{path}?{kept query}&{query}`, form-encoded. */
export function requestUrl(target: TenantTarget, request: ScimRequest): string {
  const params = new URLSearchParams();
  for (const [name, value] of [...target.keptQuery, ...request.query]) params.append(name, value);
  const search = params.toString();
  return `${target.base}${request.path}${search === '' ? '' : `?${search}`}`;
}

/**
 * The sender Entra's engine would be: `Authorization: Bearer <token>` and, with a body,
 * `Content-Type: application/scim+json` (reference graph-provisioning.md §7, "Headers"). Redirects
 * are not followed; each answer is read within the time limit and up to read-body's size limit.
 */
export function createScimSend(options: ScimClientOptions): ScimSend {
  const { target, token, fetch, timeoutMs } = options;
  const mask = (text: string): string =>
    token === '' ? text : text.split(token).join('[redacted]');
  return async (request) => {
    const url = requestUrl(target, request);
    const abort = new AbortController();
    // A named TimeoutError, so the transport classifier reports 'timeout' rather than 'other'.
    const timer = setTimeout(
      () => abort.abort(new DOMException('The request timed out', 'TimeoutError')),
      timeoutMs,
    );
    try {
      const response = await fetch(url, {
        method: request.method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(request.body === undefined ? {} : { 'Content-Type': SCIM_MEDIA_TYPE }),
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        redirect: 'manual',
        signal: abort.signal,
      });
      const body = await readBody(response, abort.signal);
      if (body.end !== 'complete') {
        abort.abort();
        const failure = body.end === 'too-large' ? 'too-large' : 'timeout';
        return { kind: 'no-answer', request, url, failure, detail: `answer ${body.end}` };
      }
      const text = mask(body.text);
      return { kind: 'answer', request, url, status: response.status, text, json: parseJson(text) };
    } catch (error) {
      const failure = classifyTransportError(error);
      return {
        kind: 'no-answer',
        request,
        url,
        failure: failure.kind,
        detail: mask(failure.detail),
      };
    } finally {
      clearTimeout(timer);
    }
  };
}

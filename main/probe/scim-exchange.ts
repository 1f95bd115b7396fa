import type { ProbeRequest, ProbeResponse } from '../../shared/probe/report';
import type { FetchLike } from '../http/create-http-client';
import { fetchFailure, unreadAnswer, type ExchangeFailure } from './exchange-failure';
import type { ProbeTarget } from './probe-target';
import { maskThenCut, registeredMatcher } from '../logging/redact';
import { readBody } from './read-body';
import { isScimError, SCIM_MEDIA_TYPE } from './scim-messages';
import { maskFor, type Mask } from './shown-text';

/** How long a body excerpt in the report may be. */
const EXCERPT_CHARS = 600;

/** How much of a SCIM error's `detail` a message quotes. */
const DETAIL_CHARS = 200;

/**
 * [Uncertain — reference B.1, G.1] The headers Entra sends besides Authorization are not
 * documented (an old capture shows `ADSCIMVersion`; its current value is unknown). We send the
 * SCIM media type as Accept and nothing Entra-specific, so servers that special-case Entra's
 * header are judged on their generic path; change it here alone.
 */
export const ENTRA_LIKE_HEADERS: Readonly<Record<string, string>> = {
  Accept: `${SCIM_MEDIA_TYPE}, application/json`,
};

/** One request the probe wants to send to the SCIM server. */
export interface ScimCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Resource path below the base, starting with '/': '/Users', '/Users/<id>'. */
  path: string;
  query?: ReadonlyArray<readonly [string, string]>;
  body?: unknown;
  /** Which bearer token to send: the real one (default) or a deliberately wrong one. */
  token?: { wrong: string };
}

/** What came back: the body as sent, for judging it, and a masked excerpt for the report. */
export interface ScimReply extends ProbeResponse {
  /** The whole body as the server sent it: parsed and judged, never shown. */
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
  location: string | null;
  /**
   * A SCIM error's `detail` as messages quote it, masked and then cut (so no cut splits the
   * token); null when the body is no SCIM error or has no detail.
   */
  shownDetail: string | null;
}

/** One request and its outcome: a reply, or why there is none. */
export interface Exchange {
  request: ProbeRequest;
  reply: ScimReply | null;
  failure: ExchangeFailure | null;
  /** What arrived of an answer the probe stopped reading (status, type, the first of the body). */
  partial?: ProbeResponse;
  durationMs: number;
}

/**
 * Builds `{base}{path}?{kept query}&{query}`, form-encoded: spaces as "+", as Entra sends them.
 * Entra's quotes, though, go out literally (`filter=userName+eq+"…"`: MicrosoftDocs/entra-docs
 * docs/identity/app-provisioning/on-premises-ecma-troubleshoot.md, "Troubleshoot test connection
 * issues", and the capture in MicrosoftDocs/azure-docs#21660), and here they go out as %22: the
 * probe sends through fetch (Chromium's net.fetch in the app), whose URL parser percent-encodes
 * `"` in a query whatever it is given (URL Standard, query percent-encode set). A server decodes
 * both to the same filter; only one that refuses a raw `"` would treat Entra differently, which
 * no fetch can show. The "what Entra shows" texts write the Resource Entra's way.
 */
export function resourceUrl(
  target: ProbeTarget,
  path: string,
  query: ScimCall['query'] = [],
): string {
  const params = new URLSearchParams();
  for (const [name, value] of [...target.keptQuery, ...query]) params.append(name, value);
  const search = params.toString();
  return `${target.base}${path}${search === '' ? '' : `?${search}`}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The start of a body as the report shows it: masked first, so no cut can split a secret, and
 * only as much of it as the excerpt can show (maskThenCut's window): a /Schemas document or a
 * megabyte of HTML costs no more to show than an empty list.
 */
function excerptOf(text: string, mask: Mask, longestSecret: number): string {
  return maskThenCut(text, EXCERPT_CHARS, mask, longestSecret, (kept) => `${kept}…`);
}

function timeoutError(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

/** How the probe sends: the injected fetch, with a limit on each request. */
export interface ProbeSender {
  fetch: FetchLike;
  timeoutMs: number;
}

/**
 * Sends one SCIM request and records it: headers with the token redacted, the body cut to an
 * excerpt, any failure classified. The time limit covers the whole answer, body included, and
 * the body is read only up to `MAX_BODY_BYTES`: past either the request is aborted, so the
 * connection is released. Never throws for network reasons; the step decides what the outcome
 * means.
 *
 * Unlike main's API clients this goes straight to the injected fetch, not through axios: the
 * probe is a measuring instrument, so it sends exactly the headers listed here and adds no
 * per-request work of its own to what it times.
 */
export async function exchange(
  sender: ProbeSender,
  target: ProbeTarget,
  call: ScimCall,
  now: () => number = () => performance.now(),
): Promise<Exchange> {
  const url = resourceUrl(target, call.path, call.query);
  const bearer = call.token?.wrong ?? target.token;
  const headers: Record<string, string> = {
    ...ENTRA_LIKE_HEADERS,
    Authorization: `Bearer ${bearer}`,
    ...(call.body === undefined ? {} : { 'Content-Type': SCIM_MEDIA_TYPE }),
  };
  const shown =
    call.token === undefined ? 'Bearer [redacted]' : 'Bearer [deliberately wrong token]';
  const request: ProbeRequest = {
    method: call.method,
    url,
    headers: { ...headers, Authorization: shown },
  };
  const mask = maskFor([target.token, bearer]);
  const longestSecret = Math.max(target.token.length, bearer.length, registeredMatcher().longest);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(timeoutError()), sender.timeoutMs);
  const begin = now();
  const outcome = (rest: Omit<Exchange, 'request' | 'durationMs'>): Exchange => ({
    request,
    ...rest,
    durationMs: now() - begin,
  });
  try {
    const response = await sender.fetch(url, {
      method: call.method,
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      // Entra does not follow a redirect to a sign-in page; the probe reports the 3xx itself.
      redirect: 'manual',
      signal: abort.signal,
    });
    const body = await readBody(response, abort.signal);
    const seen: ProbeResponse = {
      status: response.status,
      contentType: response.headers.get('content-type'),
      bodyExcerpt: excerptOf(body.text, mask, longestSecret),
    };
    if (body.end !== 'complete') {
      abort.abort();
      return outcome({
        reply: null,
        failure: unreadAnswer(body.end, sender.timeoutMs),
        partial: seen,
      });
    }
    const json = parseJson(body.text);
    const reply: ScimReply = {
      ...seen,
      text: body.text,
      json,
      location: response.headers.get('location'),
      shownDetail:
        isScimError(json) && json.detail ? maskThenCut(json.detail, DETAIL_CHARS, mask) : null,
    };
    return outcome({ reply, failure: null });
  } catch (error) {
    const failure = fetchFailure(error);
    return outcome({ reply: null, failure: { ...failure, detail: mask(failure.detail) } });
  } finally {
    clearTimeout(timer);
  }
}

/** The media type of a reply without parameters, lower-cased ('application/scim+json'). */
export function mediaType(reply: ScimReply): string {
  return (reply.contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

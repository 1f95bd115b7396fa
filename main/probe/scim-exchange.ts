import type { ProbeRequest, ProbeResponse } from '../../shared/probe/report';
import type { FetchLike } from '../http/create-http-client';
import { classifyTransportError, type TransportFailure } from '../http/transport-error';
import { redactText } from '../logging/redact';
import type { ProbeTarget } from './probe-target';
import { SCIM_MEDIA_TYPE } from './scim-messages';

/** How long a body excerpt in the report may be. */
const EXCERPT_CHARS = 600;

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

/** What came back, with the raw text kept for diagnosis and a redacted excerpt for the report. */
export interface ScimReply extends ProbeResponse {
  /** The body, with the token masked. */
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
  location: string | null;
}

/** One request and its outcome: a reply or a classified transport failure. */
export interface Exchange {
  request: ProbeRequest;
  reply: ScimReply | null;
  failure: TransportFailure | null;
  durationMs: number;
}

/** Builds `{base}{path}?{kept query}&{query}`; filters are form-encoded as Entra sends them. */
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

function mask(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join('[redacted]');
  return redactText(out);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** How the probe sends: the injected fetch, with a limit on each request. */
export interface ProbeSender {
  fetch: FetchLike;
  timeoutMs: number;
}

/**
 * Sends one SCIM request and records it: headers with the token redacted, the body cut to an
 * excerpt, any transport failure classified. Never throws for network reasons; the step decides
 * what the outcome means.
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
  const secrets = [target.token, bearer];
  const begin = now();
  try {
    const response = await sender.fetch(url, {
      method: call.method,
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      // Entra does not follow a redirect to a sign-in page; the probe reports the 3xx itself.
      redirect: 'manual',
      signal: AbortSignal.timeout(sender.timeoutMs),
    });
    // Masked before anything reads it, so a server that echoes the token cannot leak it onward.
    const text = mask(await response.text(), secrets);
    const excerpt = text.slice(0, EXCERPT_CHARS);
    const reply: ScimReply = {
      status: response.status,
      contentType: response.headers.get('content-type'),
      bodyExcerpt: text.length > EXCERPT_CHARS ? `${excerpt}…` : excerpt,
      text,
      json: parseJson(text),
      location: response.headers.get('location'),
    };
    return { request, reply, failure: null, durationMs: now() - begin };
  } catch (error) {
    const failure = classifyTransportError(error);
    return {
      request,
      reply: null,
      failure: { kind: failure.kind, detail: mask(failure.detail, secrets) },
      durationMs: now() - begin,
    };
  }
}

/** The media type of a reply without parameters, lower-cased ('application/scim+json'). */
export function mediaType(reply: ScimReply): string {
  return (reply.contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

import type { AxiosResponse } from 'axios';
import type { z } from 'zod';

import type { AppError } from '../../shared/errors';
import { StytchErrorBodySchema } from '../../shared/stytch/api-schemas';
import { invalidFields, readAnswer } from '../http/read-response';
import { parseRetryAfter, RETRYABLE_STATUSES } from '../http/retry';
import { stytchAppError } from './stytch-errors';

/** One attempt's outcome: parsed data, or an error with what the retry logic needs to know. */
export type Attempt<T> =
  | { ok: true; data: T; requestId: string | undefined }
  | {
      ok: false;
      error: AppError;
      /** The request may have taken effect (5xx, unreadable 2xx, timeout, reset). */
      ambiguous: boolean;
      /** An idempotent call may try again (429/502/503/504, reset). */
      retryable: boolean;
      retryAfterSeconds?: number;
      status?: number;
      errorType?: string;
    };

/** Where the answer came from, for messages. */
export interface Peer {
  /** "Stytch", or "the Stytch sandbox". */
  name: string;
  baseUrl: string;
  now: () => number;
}

type Failed = Extract<Attempt<unknown>, { ok: false }>;

function requestIdOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const id = (value as { request_id?: unknown }).request_id;
  return typeof id === 'string' ? id : undefined;
}

function nonJson(response: AxiosResponse<unknown>, peer: Peer): AppError {
  const type = String(response.headers['content-type'] ?? 'no content type').split(';')[0];
  const host = new URL(peer.baseUrl).host;
  return {
    code: 'NET_NON_JSON',
    message: `The answer from ${peer.name} was not JSON (HTTP ${response.status}, ${type}): something between this computer and ${host} answered instead.`,
    hint: `A proxy, firewall or captive portal may be intercepting the connection. Check your network, or ask IT to let this app reach ${host}.`,
    retryable: true,
  };
}

function errorAttempt(response: AxiosResponse<unknown>, json: unknown, peer: Peer): Failed {
  const { status } = response;
  const retryAfterSeconds = parseRetryAfter(response.headers['retry-after'], peer.now());
  const requestId = requestIdOf(json);
  const body = StytchErrorBodySchema.safeParse(json);
  const wait = retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
  return {
    ok: false,
    error: stytchAppError({
      status,
      body: body.success ? body.data : null,
      ...(requestId ? { requestId } : {}),
      ...wait,
    }),
    ambiguous: status >= 500,
    retryable: RETRYABLE_STATUSES.has(status),
    status,
    ...wait,
    ...(body.success ? { errorType: body.data.error_type } : {}),
  };
}

function unexpectedShape(
  issues: z.core.$ZodIssue[],
  status: number,
  json: unknown,
  peer: Peer,
): Failed {
  const requestId = requestIdOf(json);
  return {
    ok: false,
    // The call succeeded at Stytch; only its answer is unusable.
    ambiguous: true,
    retryable: false,
    status,
    error: {
      code: 'STYTCH_UNEXPECTED_RESPONSE',
      message: `${peer.name} answered in a shape the app does not understand (missing or invalid: ${invalidFields(issues)}).`,
      hint: 'Try again. If it keeps happening, the app may need an update: report it with the request ID.',
      ...(requestId ? { requestId } : {}),
    },
  };
}

/**
 * Reads one HTTP answer from Stytch: proxy authentication (407), a redirect, a body that is not
 * JSON, Stytch's error body (mapped through the error table), or a success parsed by `schema`.
 */
export function readStytchResponse<S extends z.ZodType>(
  schema: S,
  response: AxiosResponse<unknown>,
  peer: Peer,
): Attempt<z.output<S>> {
  const { status } = response;
  const body = readAnswer(response, peer.name, false);
  if (body.kind === 'instead')
    return { ok: false, error: body.error, ambiguous: false, retryable: false, status };
  if (body.kind === 'not-json') {
    const ambiguous = status < 300 || status >= 500;
    const retryable = RETRYABLE_STATUSES.has(status);
    return { ok: false, error: nonJson(response, peer), ambiguous, retryable, status };
  }
  if (status < 200 || status >= 300) return errorAttempt(response, body.value, peer);
  const parsed = schema.safeParse(body.value);
  if (parsed.success) return { ok: true, data: parsed.data, requestId: requestIdOf(body.value) };
  return unexpectedShape(parsed.error.issues, status, body.value, peer);
}

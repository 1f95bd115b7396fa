import type { AxiosResponse } from 'axios';
import type { z } from 'zod';

import type { AppError } from '../../shared/errors';
import { invalidFields, readAnswer } from '../http/read-response';
import { maskThenCut } from '../logging/redact';
import { parseRetryAfter, RETRYABLE_STATUSES } from '../http/retry';
import { GRAPH_ERROR_CODES, graphAppError } from './graph-errors';
import type { GraphOperation } from './graph-operations';
import { GraphErrorBodySchema } from './graph-schemas';

/** One attempt's outcome. */
export type GraphAttempt<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: AppError;
      clientRequestId: string;
      retryable: boolean;
      /** 404 Request_ResourceNotFound: maybe an object not yet replicated (reference §1). */
      replicating: boolean;
      status?: number;
      graphCode?: string;
      graphMessage?: string;
      retryAfterSeconds?: number;
    };

/** What a read needs to know about its call. */
export interface GraphPeer {
  operation: GraphOperation;
  clientRequestId: string;
  now: number;
}

function unexpected(peer: GraphPeer, status: number, detail: string): GraphAttempt<never> {
  return {
    ok: false,
    clientRequestId: peer.clientRequestId,
    retryable: false,
    replicating: false,
    status,
    error: {
      code: 'GRAPH_UNEXPECTED_RESPONSE',
      message: `Microsoft Graph answered ${peer.operation} in a shape the app does not understand (${detail}; client request ID ${peer.clientRequestId}).`,
      hint: 'Try again. If it keeps happening, a proxy may be answering instead, or the app may need an update: report it with the client request ID.',
      requestId: peer.clientRequestId,
    },
  };
}

/**
 * Reads one Graph answer: a redirect or proxy challenge, a body that is not JSON, Graph's error
 * envelope (mapped by graphAppError), or a success parsed by `schema` (a 204's empty body is
 * `undefined`).
 */
export function readGraphResponse<S extends z.ZodType>(
  schema: S,
  response: AxiosResponse<unknown>,
  peer: GraphPeer,
): GraphAttempt<z.output<S>> {
  const { status } = response;
  const base = { clientRequestId: peer.clientRequestId, status };
  const answer = readAnswer(response, 'Microsoft Graph', true);
  if (answer.kind === 'instead')
    return { ok: false, error: answer.error, retryable: false, replicating: false, ...base };
  const json = answer.kind === 'json' ? answer.value : undefined;
  if (status >= 200 && status < 300) {
    if (answer.kind === 'not-json') return unexpected(peer, status, 'not JSON');
    const parsed = schema.safeParse(json);
    if (parsed.success) return { ok: true, data: parsed.data };
    return unexpected(peer, status, `missing or invalid: ${invalidFields(parsed.error.issues)}`);
  }
  const envelope = GraphErrorBodySchema.safeParse(json);
  const body = envelope.success ? envelope.data : null;
  const retryAfterSeconds = parseRetryAfter(response.headers['retry-after'], peer.now);
  const graphCode = body?.error.code;
  const message = body?.error.message;
  const graphMessage = message === undefined ? undefined : maskThenCut(message, 2000);
  return {
    ok: false,
    error: graphAppError({
      operation: peer.operation,
      status,
      body,
      clientRequestId: peer.clientRequestId,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    }),
    retryable: RETRYABLE_STATUSES.has(status),
    replicating: status === 404 && graphCode === GRAPH_ERROR_CODES.notFound,
    ...base,
    ...(graphCode === undefined ? {} : { graphCode }),
    ...(graphMessage === undefined ? {} : { graphMessage }),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
}

import type { z } from 'zod';

import { DUPLICATE_TARGET_ENTRIES, type ExportError, type RequestRole } from './error-codes';
import { requestError, type EngineContext } from './engine-context';
import type { ScimRequest } from './entra-requests';
import { ListResponseSchema } from './scim-answers';
import type { ScimExchange } from './scim-client';

/** A request's outcome once its answer is checked: the parsed value, or the log's error. */
export type Checked<T> =
  { ok: true; value: T; exchange: ScimExchange } | { ok: false; error: ExportError };

/** Whether a request got a 2xx answer. */
export function succeeded(exchange: ScimExchange): boolean {
  return exchange.kind === 'answer' && exchange.status >= 200 && exchange.status < 300;
}

/** Sends a write whose answer body Entra does not need ("200 (body optional)", 204). */
export async function sendWrite(
  ctx: EngineContext,
  objectId: string,
  request: ScimRequest,
  role: RequestRole,
): Promise<Checked<null>> {
  const exchange = await ctx.send(request);
  if (!succeeded(exchange))
    return { ok: false, error: requestError(ctx, objectId, exchange, role) };
  return { ok: true, value: null, exchange };
}

/**
 * Sends a request and parses its 2xx answer with `schema`. Any other status, no answer, or an
 * answer that does not parse is a failure (a 2xx that does not parse is
 * `…ServiceIncompatible`, "unable to parse the response").
 */
export async function sendAndParse<T>(
  ctx: EngineContext,
  objectId: string,
  request: ScimRequest,
  role: RequestRole,
  schema: z.ZodType<T>,
): Promise<Checked<T>> {
  const sent = await sendWrite(ctx, objectId, request, role);
  if (!sent.ok) return sent;
  const json = sent.exchange.kind === 'answer' ? sent.exchange.json : undefined;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, error: requestError(ctx, objectId, sent.exchange, role) };
  }
  return { ok: true, value: parsed.data, exchange: sent.exchange };
}

/**
 * Runs a matching query and answers the one resource found (parsed with `schema`), null when
 * none, or the error: several matches are `DuplicateTargetEntries` ("more than one user in the
 * target application was found with the configured matching attributes", howto-analyze-
 * provisioning-logs.md, "Error codes").
 */
export async function queryOne<T>(
  ctx: EngineContext,
  objectId: string,
  request: ScimRequest,
  schema: z.ZodType<T>,
): Promise<Checked<T | null>> {
  const list = await sendAndParse(ctx, objectId, request, 'query', ListResponseSchema);
  if (!list.ok) return list;
  const resources = list.value.Resources ?? [];
  if (list.value.totalResults === 0 || resources.length === 0) return { ...list, value: null };
  if (resources.length > 1 || list.value.totalResults > 1) {
    const filter = request.query.find(([name]) => name === 'filter')?.[1] ?? '';
    const error: ExportError = {
      errorCode: DUPLICATE_TARGET_ENTRIES,
      reason: `${String(resources.length)} resources match ${filter}; exactly one was expected.`,
      errorCategory: 'nonServiceFailure',
      quarantines: null,
    };
    return { ok: false, error };
  }
  const parsed = schema.safeParse(resources[0]);
  if (!parsed.success)
    return { ok: false, error: requestError(ctx, objectId, list.exchange, 'query') };
  return { ok: true, value: parsed.data, exchange: list.exchange };
}

import type { AxiosInstance, AxiosResponse } from 'axios';
import type { z } from 'zod';

import { HttpCallError } from '../http/call-error';
import { createHttpClient, jsonRequest, type FetchLike } from '../http/create-http-client';
import { retryAttempts, type RetryClock, type RetryPolicy } from '../http/retry';
import { failedTransport } from '../http/transport-error';
import type { Logger } from '../logging/logger';
import {
  operationPath,
  STYTCH_OPERATIONS,
  type PathParams,
  type StytchOperation,
} from './operations';
import { readStytchResponse, type Attempt } from './read-response';

/** HTTP Basic credentials of a Stytch project. */
export interface StytchCredentials {
  projectId: string;
  secret: string;
}

/** Everything a transport is built from; the session supplies it. */
export interface StytchTransportOptions {
  /** Electron's net.fetch in the app, Node's fetch in tests. */
  fetch: FetchLike;
  /** Where the API lives, ending with `/` (Stytch's test or live host, or the sandbox stand-in). */
  baseUrl: string;
  credentials: StytchCredentials;
  /** How messages name the peer: "Stytch", or "the Stytch sandbox". */
  peerName: string;
  /** The timeout of a call that names none. */
  defaultTimeoutMs: number;
  retry: RetryPolicy;
  clock: RetryClock;
  logger: Logger;
}

/** One API call: what to send, how to read the answer, and whether it may be repeated. */
export interface CallSpec<S extends z.ZodType, O extends StytchOperation> {
  /** Which endpoint; also the call's name in logs. */
  operation: O;
  params: PathParams<O>;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  schema: S;
  /** True only for idempotent calls: they are retried on 429/502/503/504 and resets. */
  idempotent: boolean;
  timeoutMs?: number;
}

/** A successful call. */
export interface CallResult<T> {
  data: T;
  requestId: string | undefined;
  attempts: number;
}

/** Facts about a failed call that the safe-create logic and rotation handling need. */
export interface CallFailureFacts {
  /** The request may have taken effect at Stytch (timeout, reset, 5xx, unreadable 2xx). */
  ambiguous: boolean;
  /** An earlier attempt of this call was ambiguous (so "not rotating" may mean "already done"). */
  earlierAttemptAmbiguous: boolean;
  status?: number;
  errorType?: string;
}

/** A failed Stytch call: the user-facing error plus what the caller needs to decide what next. */
export class StytchCallError extends HttpCallError<CallFailureFacts> {
  override readonly name = 'StytchCallError';
}

/**
 * No Stytch answer the app reads comes near this: a search page of 100 organizations is tens of
 * kilobytes. Anything larger is something else answering, and is not read into memory.
 */
const MAX_STYTCH_RESPONSE_BYTES = 4 * 1024 * 1024;

/**
 * Sends Stytch API calls over the app's one HTTP path (axios + injected fetch), with HTTP Basic
 * auth, a timeout on every call, zod-parsed answers, and bounded retries for idempotent calls.
 * Every failure becomes a {@link StytchCallError} carrying an AppError a person can act on.
 */
export class StytchTransport {
  private readonly http: AxiosInstance;
  private readonly authorization: string;

  constructor(private readonly options: StytchTransportOptions) {
    this.http = createHttpClient({
      fetch: options.fetch,
      timeoutMs: options.defaultTimeoutMs,
      maxResponseBytes: MAX_STYTCH_RESPONSE_BYTES,
      baseURL: options.baseUrl,
    });
    // Not registered for redaction here: the secret is not yet known to be real, and a refused
    // one must not mask text for the rest of the run. The secrets service holds it once kept.
    const { projectId, secret } = options.credentials;
    this.authorization = `Basic ${Buffer.from(`${projectId}:${secret}`).toString('base64')}`;
  }

  /** Runs one call, retrying within the policy when it is idempotent. Throws StytchCallError. */
  async call<S extends z.ZodType, O extends StytchOperation>(
    spec: CallSpec<S, O>,
  ): Promise<CallResult<z.output<S>>> {
    const { clock, retry, logger } = this.options;
    const path = operationPath(spec.operation, spec.params);
    let earlierAttemptAmbiguous = false;
    const { outcome, attempts } = await retryAttempts<Attempt<z.output<S>>>(
      {
        clock,
        policyFor: (failed) => (spec.idempotent && failed.retryable ? retry : null),
        onRetry: (failed, attempt, delayMs) => {
          logger.warn('stytch.retry', {
            operation: spec.operation,
            attempt,
            delayMs,
            code: failed.error.code,
          });
          earlierAttemptAmbiguous ||= failed.ambiguous;
        },
      },
      (attempt) => this.attempt(spec, path, attempt),
    );
    if (outcome.ok) return { data: outcome.data, requestId: outcome.requestId, attempts };
    throw new StytchCallError(outcome.error, {
      ambiguous: outcome.ambiguous,
      earlierAttemptAmbiguous,
      ...(outcome.status === undefined ? {} : { status: outcome.status }),
      ...(outcome.errorType === undefined ? {} : { errorType: outcome.errorType }),
    });
  }

  private async attempt<S extends z.ZodType, O extends StytchOperation>(
    spec: CallSpec<S, O>,
    path: string,
    attempt: number,
  ): Promise<Attempt<z.output<S>>> {
    const sentAt = this.options.clock.now();
    let response: AxiosResponse<unknown>;
    try {
      response = await this.http.request(
        jsonRequest({
          method: STYTCH_OPERATIONS[spec.operation].method,
          url: path,
          query: spec.query,
          body: spec.body,
          timeoutMs: spec.timeoutMs ?? this.options.defaultTimeoutMs,
          headers: { Authorization: this.authorization },
        }),
      );
    } catch (error) {
      const failed = failedTransport(error, this.options.peerName, {
        logger: this.options.logger,
        event: 'stytch.transport-failed',
        fields: { operation: spec.operation, attempt },
      });
      return { ok: false, ...failed };
    }
    const outcome = readStytchResponse(spec.schema, response, {
      name: this.options.peerName,
      baseUrl: this.options.baseUrl,
      now: () => this.options.clock.now(),
    });
    this.options.logger.debug('stytch.call', {
      operation: spec.operation,
      attempt,
      status: response.status,
      requestId: outcome.ok ? outcome.requestId : outcome.error.requestId,
      ms: this.options.clock.now() - sentAt,
    });
    return outcome;
  }
}

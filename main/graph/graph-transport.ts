import { randomUUID } from 'node:crypto';

import type { AxiosInstance, AxiosResponse } from 'axios';
import type { z } from 'zod';

import type { AppError } from '../../shared/errors';
import { createHttpClient, jsonRequest, type FetchLike } from '../http/create-http-client';
import { RETRY_POLICIES, retryAttempts, type RetryClock, type RetryPolicy } from '../http/retry';
import { failedTransport } from '../http/transport-error';
import type { Logger } from '../logging/logger';
import type { GraphActionName } from '../../shared/entra/graph-permissions';
import { GraphCallError, tokenAppError } from './graph-errors';
import {
  GRAPH_OPERATIONS,
  graphApiVersion,
  graphBaseUrl,
  graphHeaders,
  graphPath,
  type GraphOperation,
  type GraphPathParams,
} from './graph-operations';
import { foreignNextLink, sameGraphLink } from './graph-paging';
import { readGraphResponse, type GraphAttempt } from './graph-response';

/**
 * Gives a Graph access token for an action of the permission table (MSAL's acquireTokenSilent in
 * the app, which turns the action into its scope strings).
 */
export type AccessTokenFn = (action: GraphActionName) => Promise<string>;

/** Everything a Graph transport is built from. */
export interface GraphTransportOptions {
  /** Electron's net.fetch in the app, Node's fetch in tests. */
  fetch: FetchLike;
  /**
   * `https://graph.microsoft.com/v1.0` (reference preamble), or the stand-in's base. A beta
   * operation goes to the same base with `/beta` for its trailing `/v1.0` (graphBaseUrl).
   */
  baseUrl: string;
  accessToken: AccessTokenFn;
  clock: RetryClock;
  logger: Logger;
  /** Throttling and gateway errors. */
  retry?: RetryPolicy;
  /** 404 Request_ResourceNotFound on an app just created (reference §1, "Replication delay"). */
  replication?: RetryPolicy;
  timeoutMs?: number;
  /** The `client-request-id` of each attempt; a fresh GUID by default. */
  newRequestId?: () => string;
}

/** One call. */
export interface GraphCallSpec<S extends z.ZodType, O extends GraphOperation> {
  operation: O;
  params: GraphPathParams<O>;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  schema: S;
  /** Retry 404 Request_ResourceNotFound with {@link GraphTransportOptions.replication}. */
  waitForReplication?: boolean;
  /** A later page: Graph's `@odata.nextLink`, sent as given (it carries the query). */
  nextLink?: string;
}

/**
 * A provisioning schema or a page of 999 log entries stays well below this; anything larger is
 * something else answering, and is not read into memory (main/http/response-limit.ts).
 */
const MAX_GRAPH_RESPONSE_BYTES = 8 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const PEER = 'Microsoft Graph';

/**
 * Sends Microsoft Graph calls over the app's one HTTP path (axios + injected fetch): a bearer token
 * from the sign-in per attempt, a fresh `client-request-id` per attempt (shown with errors),
 * zod-parsed answers, and retries: 429 always (Graph did nothing), 502/503/504 and resets for
 * idempotent calls, each honouring `Retry-After` (concepts/throttling.md); 404 on a new app while
 * it replicates. Failures become {@link GraphCallError}s. The token is never logged or returned.
 */
export class GraphTransport {
  private readonly http: AxiosInstance;
  private readonly newRequestId: () => string;

  constructor(private readonly options: GraphTransportOptions) {
    this.http = createHttpClient({
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxResponseBytes: MAX_GRAPH_RESPONSE_BYTES,
    });
    this.newRequestId = options.newRequestId ?? (() => randomUUID());
  }

  /** Runs one call with its retries. Throws GraphCallError. */
  async call<S extends z.ZodType, O extends GraphOperation>(
    spec: GraphCallSpec<S, O>,
  ): Promise<z.output<S>> {
    const { clock, logger } = this.options;
    // A next page stays on the operation's own version: a v1.0 list never follows a link into
    // beta (or back), whose answers it was not written for.
    if (spec.nextLink !== undefined && sameGraphLink(this.baseFor(spec), spec.nextLink) === null) {
      logger.warn('graph.next-link-refused', { operation: spec.operation });
      throw foreignNextLink(spec.operation, spec.nextLink);
    }
    const { outcome } = await retryAttempts<GraphAttempt<z.output<S>>>(
      {
        clock,
        policyFor: (failed) => this.policyFor(spec, failed),
        onRetry: (failed, attempt, delayMs) =>
          logger.warn('graph.retry', {
            operation: spec.operation,
            attempt,
            delayMs,
            code: failed.error.code,
            clientRequestId: failed.clientRequestId,
          }),
      },
      (attempt) => this.attempt(spec, attempt),
    );
    if (outcome.ok) return outcome.data;
    throw new GraphCallError(outcome.error, {
      clientRequestId: outcome.clientRequestId,
      ...(outcome.status === undefined ? {} : { status: outcome.status }),
      ...(outcome.graphCode === undefined ? {} : { graphCode: outcome.graphCode }),
      ...(outcome.graphMessage === undefined ? {} : { graphMessage: outcome.graphMessage }),
    });
  }

  /**
   * Notes rows of a list that were left out because they could not be read (graph-schemas.ts,
   * collectionOf): which operation, and how many; never the rows themselves.
   */
  reportUnreadable(operation: GraphOperation, count: number): void {
    this.options.logger.warn('graph.unreadable-rows', { operation, count });
  }

  /** The base URL of the operation's Graph version. */
  private baseFor(spec: GraphCallSpec<z.ZodType, GraphOperation>): string {
    return graphBaseUrl(this.options.baseUrl, graphApiVersion(spec.operation));
  }

  private policyFor(
    spec: GraphCallSpec<z.ZodType, GraphOperation>,
    outcome: Extract<GraphAttempt<unknown>, { ok: false }>,
  ): RetryPolicy | null {
    const retry = this.options.retry ?? RETRY_POLICIES.graph;
    if (outcome.status === 429) return retry;
    if (outcome.replicating && spec.waitForReplication === true)
      return this.options.replication ?? RETRY_POLICIES.replication;
    return outcome.retryable && GRAPH_OPERATIONS[spec.operation].idempotent ? retry : null;
  }

  private async attempt<S extends z.ZodType, O extends GraphOperation>(
    spec: GraphCallSpec<S, O>,
    attempt: number,
  ): Promise<GraphAttempt<z.output<S>>> {
    const clientRequestId = this.newRequestId();
    let token: string;
    try {
      token = await this.options.accessToken(GRAPH_OPERATIONS[spec.operation].action);
    } catch (error) {
      return this.failed(tokenAppError(spec.operation, error), clientRequestId, false);
    }
    const url = spec.nextLink ?? `${this.baseFor(spec)}${graphPath(spec.operation, spec.params)}`;
    const sentAt = this.options.clock.now();
    let response: AxiosResponse<unknown>;
    try {
      response = await this.http.request(
        jsonRequest({
          method: GRAPH_OPERATIONS[spec.operation].method,
          url,
          query: spec.nextLink === undefined ? spec.query : undefined,
          body: spec.body,
          headers: {
            Authorization: `Bearer ${token}`,
            'client-request-id': clientRequestId,
            ...graphHeaders(spec.operation),
          },
        }),
      );
    } catch (error) {
      const failed = failedTransport(error, PEER, {
        logger: this.options.logger,
        event: 'graph.transport-failed',
        fields: { operation: spec.operation, attempt, clientRequestId },
      });
      const appError = { ...failed.error, requestId: clientRequestId };
      return this.failed(appError, clientRequestId, failed.retryable);
    }
    const outcome = readGraphResponse(spec.schema, response, {
      operation: spec.operation,
      clientRequestId,
      now: this.options.clock.now(),
    });
    this.options.logger.debug('graph.call', {
      operation: spec.operation,
      attempt,
      status: response.status,
      clientRequestId,
      ms: this.options.clock.now() - sentAt,
    });
    return outcome;
  }

  private failed(
    error: AppError,
    clientRequestId: string,
    retryable: boolean,
  ): GraphAttempt<never> {
    return { ok: false, error, clientRequestId, retryable, replicating: false };
  }
}

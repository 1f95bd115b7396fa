import type { FetchLike } from '../http/create-http-client';
import type { Logger } from '../logging/logger';
import { SYSTEM_CLOCK, type RetryClock } from '../http/retry';
import { GraphClient } from './graph-client';
import { GraphTransport, type AccessTokenFn } from './graph-transport';

/**
 * Graph v1.0: the synchronization APIs moved there in 2023 (reference preamble,
 * microsoftgraph/microsoft-graph-docs PR #21729), though many Entra articles still show /beta.
 */
export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

/** What the composition root hands in. */
export interface GraphClientOptions {
  /** Electron's net.fetch in the app. */
  fetch: FetchLike;
  /** From the Microsoft sign-in (main/microsoft-sign-in/): a token for the scopes asked. */
  accessToken: AccessTokenFn;
  logger: Logger;
  /** The Graph stand-in's base URL in sandbox mode and tests. */
  baseUrl?: string;
  clock?: RetryClock;
}

/** A Graph client wired the app's way: real time, default retries, Graph's v1.0 host. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const transport = new GraphTransport({
    fetch: options.fetch,
    baseUrl: options.baseUrl ?? GRAPH_BASE_URL,
    accessToken: options.accessToken,
    clock,
    logger: options.logger,
  });
  return new GraphClient(transport, clock);
}

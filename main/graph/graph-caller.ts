import type { z } from 'zod';

import { collectionOf, type ReadList } from './graph-schemas';
import { DEFAULT_PAGE_LIMITS, type PageLimits } from './graph-paging';

import type { RetryClock } from '../http/retry';
import { GRAPH_OPERATIONS, type GraphOperation, type GraphPathParams } from './graph-operations';
import type { GraphCallSpec, GraphTransport } from './graph-transport';

/** How long after instantiate a 404 on the new app is read as replication (ours; reference §1). */
const REPLICATION_WINDOW_MS = 5 * 60_000;

/**
 * The transport plus what the app knows about objects it just created: a call on a service
 * principal instantiated in the last minutes waits out 404 `Request_ResourceNotFound`, because
 * "provisioning of the new app into the tenant is not instant" (reference §1, [G-saml]). Anywhere
 * else a 404 is an answer.
 */
export class GraphCaller {
  private readonly created = new Map<string, number>();

  constructor(
    private readonly transport: GraphTransport,
    readonly clock: Pick<RetryClock, 'now' | 'sleep'>,
  ) {}

  /** Notes a service principal the app has just created. */
  markCreated(spId: string): void {
    this.created.set(spId, this.clock.now());
  }

  /**
   * A collection read across `@odata.nextLink` pages, within `limits` (graph-paging.ts). Links
   * are followed only on the Graph host this client talks to (the transport refuses others).
   * Rows that could not be read are left out and counted (collectionOf).
   */
  async collect<T extends z.ZodType, O extends GraphOperation>(
    operation: O,
    params: GraphPathParams<O>,
    item: T,
    query: Record<string, string | number | undefined> = {},
    limits: PageLimits = DEFAULT_PAGE_LIMITS,
  ): Promise<ReadList<z.output<T>>> {
    const schema = collectionOf(item);
    let page = await this.call(operation, params, schema, { query });
    const items: z.output<T>[] = [...page.value];
    let unreadable = page.unreadable;
    for (let pages = 1; pages < limits.maxPages && items.length < limits.maxItems; pages += 1) {
      const nextLink = page['@odata.nextLink'];
      if (nextLink === undefined) break;
      page = await this.call(operation, params, schema, { nextLink });
      items.push(...page.value);
      unreadable += page.unreadable;
    }
    return { items, unreadable };
  }

  async call<S extends z.ZodType, O extends GraphOperation>(
    operation: O,
    params: GraphPathParams<O>,
    schema: S,
    extra: Pick<GraphCallSpec<S, O>, 'body' | 'query' | 'nextLink'> = {},
  ): Promise<z.output<S>> {
    const values: Record<string, string> = params;
    const spId = values['spId'];
    const createdAt = spId === undefined ? undefined : this.created.get(spId);
    // Only operations marked `replicates`: on the others a 404 is the answer itself (an
    // unassign's 404 means the assignment is gone), so it must not be waited out.
    const waitForReplication =
      GRAPH_OPERATIONS[operation].replicates &&
      createdAt !== undefined &&
      this.clock.now() - createdAt < REPLICATION_WINDOW_MS;
    const answer = await this.transport.call({
      operation,
      params,
      schema,
      waitForReplication,
      ...extra,
    });
    // A page read by collectionOf says how many of its rows were left out: logged here, once
    // per page, for every list (the views that show a count get it from the caller).
    const unreadable = (answer as { unreadable?: unknown } | null)?.unreadable;
    if (typeof unreadable === 'number' && unreadable > 0)
      this.transport.reportUnreadable(operation, unreadable);
    return answer;
  }
}

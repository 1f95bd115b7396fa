import type { z } from 'zod';

import type { RetryClock } from '../stytch/retry';
import type { GraphOperation, GraphPathParams } from './graph-operations';
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

  call<S extends z.ZodType, O extends GraphOperation>(
    operation: O,
    params: GraphPathParams<O>,
    schema: S,
    extra: Pick<GraphCallSpec<S, O>, 'body' | 'query'> = {},
  ): Promise<z.output<S>> {
    const values: Record<string, string> = params;
    const spId = values['spId'];
    const createdAt = spId === undefined ? undefined : this.created.get(spId);
    const waitForReplication =
      createdAt !== undefined && this.clock.now() - createdAt < REPLICATION_WINDOW_MS;
    return this.transport.call({ operation, params, schema, waitForReplication, ...extra });
  }
}

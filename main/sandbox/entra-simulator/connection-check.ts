import type { MatchingAttribute } from './attribute-mapping';
import { randomGroupQuery, userQuery, type ScimRequest } from './entra-requests';
import { connectionError, type SimulatorError } from './error-codes';
import { ListResponseSchema } from './scim-answers';
import type { ScimExchange, ScimSend } from './scim-client';

/**
 * "Test Connection queries the SCIM endpoint for a user that doesn't exist, using a random GUID
 * as the matching property selected in the Microsoft Entra configuration. The expected correct
 * response is HTTP 200 OK with an empty SCIM ListResponse message." (use-scim-to-provision-users-
 * and-groups.md, "Getting started"); Entra also fetches "a random user and group" ("General").
 */
function isEmptyList(exchange: ScimExchange): boolean {
  if (exchange.kind !== 'answer' || exchange.status !== 200) return false;
  const list = ListResponseSchema.safeParse(exchange.json);
  return list.success && list.data.totalResults === 0;
}

/** The random lookups of Test Connection, or of a cycle's or an on-demand run's opening check. */
export function connectionRequests(
  matchOn: MatchingAttribute,
  newGuid: () => string,
  withGroup: boolean,
): ScimRequest[] {
  const user = userQuery(matchOn, newGuid());
  return withGroup ? [user, randomGroupQuery(newGuid())] : [user];
}

/** Sends the lookups in order and answers the first unexpected one's error, or null. */
export async function checkConnection(
  send: ScimSend,
  requests: readonly ScimRequest[],
): Promise<SimulatorError | null> {
  for (const request of requests) {
    const exchange = await send(request);
    if (!isEmptyList(exchange)) return connectionError(exchange);
  }
  return null;
}

import type {
  ProbeExchange,
  ProbeRequest,
  ProbeResponse,
  ProbeStatus,
} from '../../../shared/probe/report';
import { failureWords } from '../exchange-failure';
import type { Exchange, ScimCall } from '../scim-exchange';

/**
 * The request and (excerpted) response of an exchange, as the report shows them; for an answer
 * the probe stopped reading, what arrived of it.
 */
export function recorded(exchange: Exchange): { request: ProbeRequest; response?: ProbeResponse } {
  const seen = exchange.reply ?? exchange.partial;
  if (seen === undefined) return { request: exchange.request };
  const response: ProbeResponse = {
    status: seen.status,
    contentType: seen.contentType,
    bodyExcerpt: seen.bodyExcerpt,
  };
  return { request: exchange.request, response };
}

/** One line of a multi-request check. */
export function exchangeLine(
  label: string,
  exchange: Exchange,
  status: ProbeStatus,
  message: string,
): ProbeExchange {
  const { request, response } = recorded(exchange);
  return {
    label,
    status,
    message,
    request,
    ...(response ? { response } : {}),
    durationMs: Math.round(exchange.durationMs),
  };
}

/**
 * "answered 500", "sent more than 1 MiB, so …" or "could not be reached (timeout: …)", for short
 * messages (masked with the rest of the check before anyone sees them).
 */
export function answerOf(exchange: Exchange): string {
  const { reply, failure } = exchange;
  if (reply) {
    const detail = reply.shownDetail;
    return `answered ${reply.status}${detail === null ? '' : ` (“${detail}”)`}`;
  }
  return failure === null ? 'could not be reached' : failureWords(failure);
}

/** Entra's user query: `filter=<attribute> eq "<value>"`. */
export function eqFilter(attribute: string, value: string): [string, string] {
  return ['filter', `${attribute} eq "${value}"`];
}

/** Entra's query for a user by one attribute, as Test Connection sends it for a random value. */
export function userQuery(attribute: string, value: string): ScimCall {
  return { method: 'GET', path: '/Users', query: [eqFilter(attribute, value)] };
}

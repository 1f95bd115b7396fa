import type {
  ProbeExchange,
  ProbeRequest,
  ProbeResponse,
  ProbeStatus,
} from '../../../shared/probe/report';
import { redactText } from '../../logging/redact';
import type { Exchange, ScimCall } from '../scim-exchange';
import { isScimError } from '../scim-messages';

/** The request and (excerpted) response of an exchange, as the report shows them. */
export function recorded(exchange: Exchange): { request: ProbeRequest; response?: ProbeResponse } {
  const { reply } = exchange;
  if (reply === null) return { request: exchange.request };
  const response: ProbeResponse = {
    status: reply.status,
    contentType: reply.contentType,
    bodyExcerpt: reply.bodyExcerpt,
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

/** "answered 500" or "could not be reached (timeout: …)", for short messages. */
export function answerOf(exchange: Exchange): string {
  if (exchange.reply) {
    const detail = isScimError(exchange.reply.json) ? exchange.reply.json.detail : undefined;
    return `answered ${exchange.reply.status}${detail ? ` (“${redactText(detail).slice(0, 200)}”)` : ''}`;
  }
  return `could not be reached (${exchange.failure?.kind ?? 'other'}: ${exchange.failure?.detail ?? ''})`;
}

/** Entra's user query: `filter=<attribute> eq "<value>"`. */
export function eqFilter(attribute: string, value: string): [string, string] {
  return ['filter', `${attribute} eq "${value}"`];
}

/** Entra's query for a user by one attribute, as Test Connection sends it for a random value. */
export function userQuery(attribute: string, value: string): ScimCall {
  return { method: 'GET', path: '/Users', query: [eqFilter(attribute, value)] };
}

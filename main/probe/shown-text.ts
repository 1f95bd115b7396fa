import type {
  ProbeCheck,
  ProbeExchange,
  ProbeRequest,
  ProbeResponse,
} from '../../shared/probe/report';
import { redactText } from '../logging/redact';

/** Masks text that is about to be shown or logged. */
export type Mask = (text: string) => string;

/**
 * A mask for the given secrets wherever they appear, then for whatever `redactText` knows
 * (registered secrets, token-shaped strings). Only what is shown goes through it: the probe
 * parses what servers send as it came, so a secret that happens to equal "ListResponse" cannot
 * change a verdict.
 */
export function maskFor(secrets: readonly string[]): Mask {
  const known = secrets.filter((secret) => secret.length > 0);
  return (text) =>
    keepingProse(known.reduce((out, secret) => out.split(secret).join('[redacted]'), text));
}

/**
 * "Bearer" and one capitalised word of letters only, as prose writes it: "OAuth Bearer Token"
 * in a /ServiceProviderConfig's authenticationSchemes (RFC 7643 §5). `redactText` masks any
 * word after a capitalised "Bearer", since in a header one always follows; a token is longer
 * and carries digits or symbols, and the probe's own token is masked before this runs.
 */
const BEARER_PROSE = /(?<![A-Za-z])Bearer (?:[A-Z][a-z]{1,15})(?![A-Za-z0-9._~+/=%-])/g;

/** `redactText` on everything but prose such as "Bearer Token", whose word is checked alone. */
function keepingProse(text: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(BEARER_PROSE)) {
    const [word = ''] = match[0].split(' ').slice(1);
    out += `${redactText(text.slice(from, match.index))}Bearer ${redactText(word)}`;
    from = match.index + match[0].length;
  }
  return out + redactText(text.slice(from));
}

function maskedRequest(request: ProbeRequest, mask: Mask): ProbeRequest {
  const headers = Object.entries(request.headers).map(
    ([name, value]) => [name, mask(value)] as const,
  );
  return { ...request, url: mask(request.url), headers: Object.fromEntries(headers) };
}

function maskedResponse(response: ProbeResponse, mask: Mask): ProbeResponse {
  return {
    ...response,
    contentType: response.contentType === null ? null : mask(response.contentType),
    bodyExcerpt: mask(response.bodyExcerpt),
  };
}

function maskedExchange(line: ProbeExchange, mask: Mask): ProbeExchange {
  return {
    ...line,
    label: mask(line.label),
    message: mask(line.message),
    request: maskedRequest(line.request, mask),
    ...(line.response === undefined ? {} : { response: maskedResponse(line.response, mask) }),
  };
}

/**
 * A check as it may be shown: every text in it masked, since messages quote what servers sent
 * (a SCIM error's detail, a redirect's target, a page title) and a server may echo the token.
 */
export function maskedCheck(check: ProbeCheck, mask: Mask): ProbeCheck {
  return {
    ...check,
    title: mask(check.title),
    message: mask(check.message),
    ...(check.fix === undefined ? {} : { fix: mask(check.fix) }),
    ...(check.entraWouldSay === undefined ? {} : { entraWouldSay: mask(check.entraWouldSay) }),
    ...(check.request === undefined ? {} : { request: maskedRequest(check.request, mask) }),
    ...(check.response === undefined ? {} : { response: maskedResponse(check.response, mask) }),
    ...(check.exchanges === undefined
      ? {}
      : { exchanges: check.exchanges.map((line) => maskedExchange(line, mask)) }),
  };
}

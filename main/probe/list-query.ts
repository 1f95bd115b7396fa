import type { ProbeStatus } from '../../shared/probe/report';
import { noReplyJudgement } from './no-reply';
import { mediaType, type Exchange, type ScimReply } from './scim-exchange';
import { isScimError, ListResponseSchema, SCIM_MEDIA_TYPE, SCIM_URN } from './scim-messages';

/** What a filter query that should find nothing was judged to be. */
export interface ListJudgement {
  status: ProbeStatus;
  message: string;
  fix?: string;
}

const LOGIN_HINT = /login|signin|sign-in|sso|saml|oauth|auth\b|microsoftonline|okta|adfs/i;

function htmlTitle(text: string): string {
  const title = /<title[^>]*>([^<]{0,120})/i.exec(text)?.[1]?.trim();
  return title ? ` (page title “${title}”)` : '';
}

function looksLikeHtml(reply: ScimReply): boolean {
  return mediaType(reply) === 'text/html' || /^\s*<(!doctype|html|head|body)/i.test(reply.text);
}

function redirectJudgement(reply: ScimReply): ListJudgement {
  const to = reply.location ?? '(no Location header)';
  const login = LOGIN_HINT.test(to);
  return {
    status: 'fail',
    message: login
      ? `The server redirected (${reply.status}) to a sign-in page: ${to}. A single sign-on gateway or proxy is intercepting API requests.`
      : `The server redirected (${reply.status}) to ${to}. SCIM clients such as Entra do not follow redirects for API calls.`,
    fix: login
      ? 'Exempt the SCIM path from single sign-on or web login; SCIM requests carry only the bearer token.'
      : 'Use the final address as the Tenant URL.',
  };
}

function notFoundJudgement(reply: ScimReply, subject: string): ListJudgement {
  if (isScimError(reply.json)) {
    return {
      status: 'fail',
      message: `The server answered 404 Not Found to ${subject}. Entra expects 200 with an empty list when nothing matches, and treats 404 as a failure.`,
      fix: 'Return an empty list, not 404: 200 with {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"Resources":[]}.',
    };
  }
  return {
    status: 'fail',
    message: `Nothing at this address (404, and not a SCIM answer)${looksLikeHtml(reply) ? htmlTitle(reply.text) : ''}: the URL path is probably wrong.`,
    fix: 'Copy base_url from Stytch again: it ends with the connection id (…/scim/<connection id>) and has no /Users or /scim/v2 added.',
  };
}

function serverDetail(reply: ScimReply): string {
  return reply.shownDetail === null ? '' : ` Server says: “${reply.shownDetail}”.`;
}

function authJudgement(status: 401 | 403, subject: string, detail: string): ListJudgement {
  return status === 401
    ? {
        status: 'fail',
        message: `The server answered 401 Unauthorized: it does not accept this token.${detail}`,
        fix: 'Copy the token again (or rotate it in Stytch) and paste it into Entra’s Secret Token field, without “Bearer ”.',
      }
    : {
        status: 'fail',
        message: `The server answered 403 Forbidden to ${subject}: it knows the token but does not allow this request.${detail}`,
        fix: 'Check that the token belongs to this SCIM connection and that the connection is active.',
      };
}

function unsupportedJudgement(status: number, subject: string, detail: string): ListJudgement {
  if (status === 400) {
    return {
      status: 'fail',
      message: `The server answered 400 Bad Request to ${subject}: it rejected the filter.${detail}`,
      fix: 'Support filter=<attribute> eq "<value>" (Entra uses only the eq and and operators).',
    };
  }
  return {
    status: 'fail',
    message: `The server answered ${status} ${status === 405 ? 'Method Not Allowed' : 'Not Implemented'} to ${subject}: it does not support this query.${detail}`,
    fix: 'The server must support GET with filter=<attribute> eq "<value>"; Entra uses it to match every user.',
  };
}

function otherStatusJudgement(reply: ScimReply, subject: string, detail: string): ListJudgement {
  const s = reply.status;
  if (s === 429) {
    return {
      status: 'fail',
      message: 'The server answered 429 Too Many Requests.',
      fix: 'Wait a minute and run the connection check again; if it persists, the server’s rate limit is too low for Entra.',
    };
  }
  if (s >= 500) {
    return {
      status: 'fail',
      message: `The server answered ${s}: an error on the server side.${detail}`,
      fix: 'Check the SCIM server’s logs; the failure is on the server, not in Entra’s settings.',
    };
  }
  if (s >= 300 && s < 400) return redirectJudgement(reply);
  return {
    status: 'fail',
    message: `The server answered ${s} to ${subject}; Entra expects 200.${detail}`,
    fix: 'Answer filter queries with 200 and a ListResponse.',
  };
}

function statusJudgement(reply: ScimReply, subject: string): ListJudgement | null {
  const s = reply.status;
  if (s === 200) return null;
  const detail = serverDetail(reply);
  if (s === 401 || s === 403) return authJudgement(s, subject, detail);
  if (s === 404) return notFoundJudgement(reply, subject);
  if (s === 400 || s === 405 || s === 501) return unsupportedJudgement(s, subject, detail);
  return otherStatusJudgement(reply, subject, detail);
}

function bodyJudgement(reply: ScimReply): ListJudgement {
  const incompatible = (message: string, fix: string): ListJudgement => ({
    status: 'fail',
    message,
    fix,
  });
  if (looksLikeHtml(reply)) {
    const login = LOGIN_HINT.test(reply.text.slice(0, 4000));
    return incompatible(
      `The server answered with a web page instead of SCIM JSON${htmlTitle(reply.text)}${login ? ', apparently a sign-in page: single sign-on or a proxy is intercepting the request' : ''}.`,
      login
        ? 'Exempt the SCIM path from single sign-on or web login, or check that the URL points at the SCIM API rather than the web app.'
        : 'Check that the Tenant URL points at the SCIM API, not at a web page.',
    );
  }
  if (reply.json === undefined) {
    return incompatible(
      `The answer is not JSON (content type ${reply.contentType ?? 'missing'}).`,
      `Answer with a SCIM ListResponse as ${SCIM_MEDIA_TYPE}.`,
    );
  }
  const list = ListResponseSchema.safeParse(reply.json);
  if (!list.success || !list.data.schemas.includes(SCIM_URN.listResponse)) {
    return incompatible(
      `The answer is JSON but not a SCIM ListResponse: its "schemas" does not contain ${SCIM_URN.listResponse}.`,
      'Wrap query results in a ListResponse (RFC 7644 §3.4.2).',
    );
  }
  const { totalResults, Resources } = list.data;
  const found = Math.max(totalResults ?? 0, Resources?.length ?? 0);
  if (found > 0) {
    return {
      status: 'fail',
      message: `The server returned ${found} result(s) for a random value nobody has: it ignores the filter.`,
      fix: 'Apply the filter: a query must return only matching resources. Otherwise Entra matches and overwrites the wrong user.',
    };
  }
  if (totalResults === undefined) {
    return incompatible(
      'The ListResponse has no "totalResults", which SCIM requires and Entra reads.',
      'Include "totalResults": 0 when nothing matches.',
    );
  }
  return contentJudgement(reply, Resources === undefined);
}

function contentJudgement(reply: ScimReply, noResources: boolean): ListJudgement {
  const notes: string[] = [];
  const fixes: string[] = [];
  const type = mediaType(reply);
  if (type !== SCIM_MEDIA_TYPE) {
    notes.push(`The content type is ${type === '' ? 'missing' : type}, not ${SCIM_MEDIA_TYPE}.`);
    fixes.push(`Send Content-Type: ${SCIM_MEDIA_TYPE} (Microsoft asks for it on every response).`);
  }
  if (noResources) {
    notes.push(
      'The empty list has no "Resources" array; SCIM allows that, but Microsoft’s example includes "Resources": [].',
    );
    fixes.push('Include "Resources": [] in empty results.');
  }
  if (notes.length === 0) {
    return {
      status: 'pass',
      message: '200 with an empty SCIM ListResponse (totalResults 0).',
    };
  }
  return {
    status: 'warn',
    message: `200 with an empty ListResponse, but: ${notes.join(' ')}`,
    fix: fixes.join(' '),
  };
}

/**
 * Judges the answer to a filter query that should match nothing (`subject` names it for the
 * messages): Entra's Test Connection expects 200 with an empty SCIM ListResponse.
 */
export function judgeEmptyListQuery(
  exchange: Exchange,
  subject: string,
  timeoutMs: number,
): ListJudgement {
  if (exchange.reply === null) return noReplyJudgement(exchange, subject, timeoutMs);
  return statusJudgement(exchange.reply, subject) ?? bodyJudgement(exchange.reply);
}

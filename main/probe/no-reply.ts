import { UNREAD_ANSWER_FIX } from './exchange-failure';
import type { Exchange } from './scim-exchange';

/** A list query without a reply always fails. */
export interface NoReplyJudgement {
  status: 'fail';
  message: string;
  fix: string;
}

/** A redirect seen through Electron's net.fetch, which refuses it without saying where it led. */
function hiddenRedirectJudgement(): NoReplyJudgement {
  return {
    status: 'fail',
    message:
      'The server redirected (3xx), and this app cannot see where: its network stack stops at a redirect without revealing the target. SCIM clients such as Entra do not follow redirects for API calls.',
    fix: 'Open the Tenant URL in a browser to see where it leads. If it is a sign-in page, exempt the SCIM path from single sign-on (SCIM requests carry only the bearer token); otherwise use the final address as the Tenant URL.',
  };
}

/**
 * Judges a list query that got no reply (`subject` names it for the messages): it cannot be
 * read, so it fails, and how it failed says what to check.
 */
export function noReplyJudgement(
  exchange: Exchange,
  subject: string,
  timeoutMs: number,
): NoReplyJudgement {
  const host = new URL(exchange.request.url).host;
  const detail = exchange.failure?.detail ?? 'unknown error';
  switch (exchange.failure?.kind) {
    case 'too-large':
      return {
        status: 'fail',
        message: `In answer to ${subject}, which should be a short empty list, the server ${detail}.`,
        fix: UNREAD_ANSWER_FIX['too-large'],
      };
    case 'unfinished':
      return {
        status: 'fail',
        message: `In answer to ${subject}, the server ${detail}.`,
        fix: UNREAD_ANSWER_FIX.unfinished,
      };
    case 'hidden-redirect':
      return hiddenRedirectJudgement();
    case 'timeout':
      return {
        status: 'fail',
        message: `No answer from ${host} within ${timeoutMs} ms.`,
        fix: 'Check that the server is running and answers quickly; Entra gives up too (after a time Microsoft does not document).',
      };
    case 'refused':
      return {
        status: 'fail',
        message: `${host} refused the connection: nothing is listening there (${detail}).`,
        fix: 'Check the host and port in the Tenant URL and that the SCIM server is running.',
      };
    case 'dns':
      return {
        status: 'fail',
        message: `The host name in the URL does not resolve (${detail}).`,
        fix: 'Check the spelling of the host in the Tenant URL; copy base_url from Stytch again.',
      };
    case 'tls':
      return {
        status: 'fail',
        message: `The secure connection to ${host} failed: its certificate was not accepted (${detail}). See the TLS check for the exact reason.`,
        fix: 'Fix the certificate (see the TLS check); Entra only trusts valid certificates from public CAs.',
      };
    case 'reset':
      return {
        status: 'fail',
        message: `${host} closed the connection without answering (${detail}).`,
        fix: 'Check the server logs; a proxy or firewall may also be cutting the connection.',
      };
    case 'proxy-auth':
      return {
        status: 'fail',
        message:
          'Your proxy asked this computer to sign in before connecting. This is about your network, not about what Entra sees.',
        fix: 'Sign in to the proxy (or ask IT to allow this app), then run the connection check again.',
      };
    default:
      return {
        status: 'fail',
        message: `Could not reach ${host} (${detail}).`,
        fix: 'Check the Tenant URL and your network connection.',
      };
  }
}

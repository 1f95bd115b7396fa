import { randomBytes } from 'node:crypto';

import type { StandInUser } from './tokens';
import { escapeHtml } from '../../../shared/escape-html';

/**
 * The stand-in's Microsoft sign-in page, for a real browser in sandbox mode: it reads the
 * authorize request MSAL built, lists what the app asks for, and answers MSAL's loopback
 * redirect the way Entra does with `response_mode=form_post` (a form-encoded POST of code and
 * state). Plain forms, no script, so the page's CSP can forbid every script.
 */

/** The authorize request's fields the page acts on (MSAL's authorize URL query). */
export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  nonce: string | null;
  scope: string[];
  challenge: string;
}

/** A page to answer: status, HTML and the Content-Security-Policy it is served with. */
export interface HtmlAnswer {
  status: number;
  html: string;
  csp: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What Entra puts in `error_description` when the user cancels at the consent prompt. */
export const DECLINED_DESCRIPTION = 'AADSTS65004: User declined to consent to access the app.';

/**
 * The redirect URI when it is a loopback one with a port (what a public client on this machine
 * listens on), else null. Anything else could carry a code off the machine.
 */
export function loopbackRedirect(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  const plain = url.username === '' && url.password === '' && url.hash === '';
  return url.protocol === 'http:' && loopback && url.port !== '' && plain ? url : null;
}

/** The request, or the reason (AADSTS-style) it cannot be served. */
export function readAuthorizeRequest(
  query: URLSearchParams,
): { ok: true; request: AuthorizeRequest } | { ok: false; reason: string } {
  const clientId = query.get('client_id') ?? '';
  if (!GUID.test(clientId))
    return { ok: false, reason: `AADSTS700016: Application '${clientId}' was not found.` };
  const redirectUri = query.get('redirect_uri') ?? '';
  if (loopbackRedirect(redirectUri) === null) {
    return {
      ok: false,
      reason: `AADSTS50011: The redirect URI '${redirectUri}' is not a loopback address (http://localhost:<port> or http://127.0.0.1:<port>).`,
    };
  }
  if (query.get('response_type') !== 'code' || query.get('response_mode') !== 'form_post')
    return { ok: false, reason: 'The sandbox answers response_type=code with form_post only.' };
  const challenge = query.get('code_challenge') ?? '';
  if (challenge === '' || query.get('code_challenge_method') !== 'S256')
    return { ok: false, reason: 'AADSTS9002325: Proof Key for Code Exchange is required.' };
  return {
    ok: true,
    request: {
      clientId,
      redirectUri,
      state: query.get('state') ?? '',
      nonce: query.get('nonce'),
      scope: (query.get('scope') ?? '').split(' ').filter((item) => item !== ''),
      challenge,
    },
  };
}

function page(title: string, body: string, formAction: string): HtmlAnswer {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `form-action ${formAction}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const style = `body{font:16px system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
form{margin:.5rem 0}button{font:inherit;width:100%;padding:.75rem;text-align:left;cursor:pointer}
button:focus-visible{outline:3px solid #0f6cbd;outline-offset:2px}.note{color:#505050}`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style nonce="${nonce}">${style}</style></head>
<body><main>${body}</main></body></html>`;
  return { status: 200, html, csp };
}

function hidden(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
}

/** One account's button: its form posts a code issued for that account. */
export interface AccountChoice {
  user: StandInUser;
  code: string;
}

/** The sign-in page: the requested permissions, one button per account, and Cancel. */
export function authorizePage(
  tenantName: string,
  request: AuthorizeRequest,
  choices: AccountChoice[],
): HtmlAnswer {
  const action = escapeHtml(request.redirectUri);
  const scopes = request.scope.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`);
  const accounts = choices.map(({ user, code }) => {
    const role = user.adminRole ?? 'no admin role';
    return `<form method="post" action="${action}">${hidden({ code, state: request.state, session_state: 'sandbox-session' })}<button type="submit">${escapeHtml(user.name)} <span class="note">(${escapeHtml(user.username)}, ${escapeHtml(role)})</span></button></form>`;
  });
  const cancel = `<form method="post" action="${action}">${hidden({ error: 'access_denied', error_description: DECLINED_DESCRIPTION, state: request.state })}<button type="submit">Cancel</button></form>`;
  const title = `Sign in to ${tenantName}`;
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="note">A local stand-in for Microsoft's sign-in page. No Microsoft account is used and nothing leaves this computer.</p>
<h2>The app asks for these permissions</h2><ul>${scopes.join('')}</ul>
<h2>Pick an account</h2>${accounts.join('')}
<h2>Or</h2>${cancel}`;
  return page(title, body, new URL(request.redirectUri).origin);
}

/** The page for a request that cannot be served (Entra shows its AADSTS error the same way). */
export function errorPage(reason: string): HtmlAnswer {
  const body = `<h1>Sign-in can't continue</h1><p>${escapeHtml(reason)}</p>`;
  return { ...page("Sign-in can't continue", body, "'none'"), status: 400 };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_SETTINGS } from '../../shared/settings/settings';
import { MicrosoftSignIn } from '../../main/microsoft-sign-in/microsoft-sign-in';
import type { IdentityStandIn } from '../../main/sandbox/identity-stand-in/identity-stand-in';
import type { StandInUser } from '../../main/sandbox/identity-stand-in/tokens';
import type { SandboxMicrosoft } from '../../main/sandbox/sandbox-microsoft';
import { captureLogger } from './capture-logger';
import { MemorySecretStore } from './keychain';
import { memorySettings } from './memory-settings';

/**
 * The system browser and the admin in it, for tests: opens the identity stand-in's sign-in page
 * for the authorize URL MSAL built and clicks a button on it; the page's form posts the answer
 * to MSAL's loopback redirect the way Entra does with `response_mode=form_post` (a form-encoded
 * POST of code and state). The sandbox's tests and the sign-in tests drive the same page.
 */

/** One form on the page, as a browser would submit it. */
export interface PageForm {
  action: string;
  method: string;
  fields: Record<string, string>;
  /** The submit button's visible text, tags removed. */
  button: string;
}

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The page's forms, read the way a browser parses these simple ones. */
export function formsOf(html: string): PageForm[] {
  return [...html.matchAll(/<form method="([^"]*)" action="([^"]*)">([\s\S]*?)<\/form>/g)].map(
    ([, method = '', action = '', inner = '']) => ({
      method,
      action: decode(action),
      fields: Object.fromEntries(
        [...inner.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(
          ([, name = '', value = '']) => [name, decode(value)],
        ),
      ),
      button: decode(
        /<button[^>]*>([\s\S]*?)<\/button>/.exec(inner)?.[1]?.replace(/<[^>]+>/g, '') ?? '',
      ),
    }),
  );
}

/** Submits a form as a browser does: a form-encoded POST to its action. */
export async function submit(form: PageForm): Promise<Response> {
  const target = new URL(form.action);
  // MSAL listens on 127.0.0.1 and names it "localhost"; a browser resolves it, fetch may try ::1.
  if (target.hostname === 'localhost') target.hostname = '127.0.0.1';
  return fetch(target, {
    method: form.method.toUpperCase(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form.fields).toString(),
  });
}

/** What the "admin" does on the Microsoft page. */
export type BrowserUser =
  /** Clicks the account named by `choice` (default: the stand-in's current user). */
  | 'approve'
  /** Clicks Cancel. */
  | 'decline'
  /** Refuses consent: the stand-in's page has no consent screen, so the browser posts Entra's answer. */
  | 'deny-consent'
  /** Opens the page and does nothing (the admin walked away), so the app can cancel. */
  | 'walk-away';

/** A fake browser: `open` is the service's `openBrowser`; the rest is what tests set and read. */
export interface SignInBrowser {
  open: (authorizeUrl: string) => Promise<void>;
  /** Each authorize URL MSAL opened. */
  opened: URL[];
  /** Resolves once the browser was opened (for tests that cancel a sign-in in flight). */
  firstOpen: Promise<URL>;
  /** Each page as served, with its Content-Security-Policy. */
  pages: { status: number; html: string; csp: string }[];
  /** What the admin does next time. */
  user: BrowserUser;
  /** The button `approve` clicks: an account's name, or "Cancel"; null: the stand-in's current user. */
  choice: string | null;
  /**
   * Whom a code posted straight to the app's loopback listener is for, bypassing the page.
   * Another local user who read the authorize URL can post a code for an account of its
   * choosing, bound to the victim's PKCE challenge (issue 19 item 1).
   */
  signInAs: StandInUser | null;
}

/** What the browser posts itself, without the page: Entra's consent refusal, or the attacker's code. */
function postedWithoutPage(
  browser: SignInBrowser,
  identity: IdentityStandIn,
  url: URL,
): PageForm | null {
  const params = url.searchParams;
  const state = params.get('state') ?? '';
  const action = params.get('redirect_uri') ?? '';
  if (browser.signInAs !== null) {
    const code = identity.issueCode(
      {
        clientId: params.get('client_id') ?? '',
        scope: (params.get('scope') ?? '').split(' '),
        nonce: params.get('nonce'),
        challenge: params.get('code_challenge') ?? '',
        redirectUri: action,
        // An attacker's code comes from its own tenant's authority, not the one the app asked.
        tenant: browser.signInAs.tid,
      },
      browser.signInAs,
    );
    const fields = { code, state, session_state: 'standin-session' };
    return { action, method: 'post', fields, button: '' };
  }
  if (browser.user === 'deny-consent') {
    const fields = {
      error: 'consent_required',
      error_description:
        'AADSTS65001: The user or administrator has not consented to use the application.',
      state,
    };
    return { action, method: 'post', fields, button: '' };
  }
  return null;
}

export function signInBrowser(identity: IdentityStandIn): SignInBrowser {
  let markOpened: (url: URL) => void = () => undefined;
  const browser: SignInBrowser = {
    opened: [],
    pages: [],
    user: 'approve',
    choice: null,
    signInAs: null,
    firstOpen: new Promise<URL>((resolve) => (markOpened = resolve)),
    open: async (authorizeUrl) => {
      const url = new URL(authorizeUrl);
      browser.opened.push(url);
      markOpened(url);
      if (browser.user === 'walk-away') return;
      const direct = postedWithoutPage(browser, identity, url);
      if (direct !== null) {
        await (await submit(direct)).text();
        return;
      }
      const response = await fetch(identity.browserUrl(authorizeUrl));
      const html = await response.text();
      const csp = response.headers.get('content-security-policy') ?? '';
      browser.pages.push({ status: response.status, html, csp });
      const button = browser.user === 'decline' ? 'Cancel' : (browser.choice ?? identity.user.name);
      const form = formsOf(html).find((candidate) => candidate.button.startsWith(button));
      if (form === undefined) throw new Error(`No "${button}" button on the page.`);
      await (await submit(form)).text();
    },
  };
  return browser;
}

/** The app's real sign-in service, pointed at the sandbox the way sandbox mode points it. */
export async function sandboxSignIn(microsoft: SandboxMicrosoft) {
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-sign-in-'));
  const browser = signInBrowser(microsoft.identity);
  const service = new MicrosoftSignIn({
    dir,
    keychain: new MemorySecretStore(),
    settings: memorySettings({
      ...DEFAULT_SETTINGS,
      microsoftClientId: microsoft.clientId,
      microsoftTenant: microsoft.tenantId,
    }),
    tenantName: microsoft.tenantName,
    logger: captureLogger().logger,
    openBrowser: (url) => browser.open(url),
    networkClient: microsoft.networkClient,
  });
  return { service, browser, close: () => rm(dir, { recursive: true, force: true }) };
}

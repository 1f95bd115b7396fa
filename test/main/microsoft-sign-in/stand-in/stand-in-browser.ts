import type { IdentityStandIn } from '../../../../main/sandbox/identity-stand-in/identity-stand-in';
import type { StandInUser } from '../../../../main/sandbox/identity-stand-in/tokens';

/**
 * The system browser and the admin in it, for tests: takes the authorize URL MSAL would open,
 * plays the Microsoft sign-in page, and posts the answer to MSAL's loopback redirect the way
 * Entra does with `response_mode=form_post` (a form-encoded POST of code and state).
 */

/** What the "admin" does on the Microsoft page. */
export type BrowserUser =
  | 'approve'
  | 'decline'
  | 'deny-consent'
  /** Opens the page and does nothing (the admin walked away), so the app can cancel. */
  | 'walk-away';

/** A fake browser: `open` is the service's `openBrowser`; `opened` lists each authorize URL. */
export interface StandInBrowser {
  open: (url: string) => Promise<void>;
  opened: URL[];
  /** Resolves once the browser was opened (for tests that cancel a sign-in in flight). */
  firstOpen: Promise<URL>;
  /** What the admin does next time. */
  user: BrowserUser;
  /**
   * Whom the code posted to the app's loopback listener is for (default: the stand-in's user).
   * Another local user who read the authorize URL can post a code for an account of its
   * choosing, bound to the victim's PKCE challenge (issue 19 item 1).
   */
  signInAs: StandInUser | null;
}

async function postForm(redirectUri: string, fields: Record<string, string>): Promise<void> {
  const target = new URL(redirectUri);
  // MSAL listens on 127.0.0.1 and names it "localhost"; a browser would resolve it, fetch may try ::1.
  if (target.hostname === 'localhost') target.hostname = '127.0.0.1';
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  await response.text();
}

function answerFor(
  user: BrowserUser,
  standIn: IdentityStandIn,
  url: URL,
  signInAs: StandInUser | null,
): Record<string, string> | null {
  const params = url.searchParams;
  const state = params.get('state') ?? '';
  switch (user) {
    case 'walk-away':
      return null;
    case 'decline':
      return {
        error: 'access_denied',
        error_description: 'AADSTS65004: User declined to consent to access the app.',
        state,
      };
    case 'deny-consent':
      return {
        error: 'consent_required',
        error_description:
          'AADSTS65001: The user or administrator has not consented to use the application.',
        state,
      };
    case 'approve': {
      const scope = (params.get('scope') ?? '').split(' ');
      if (standIn.consented !== null) for (const item of scope) standIn.consented.add(item);
      const code = standIn.issueCode(
        {
          clientId: params.get('client_id') ?? '',
          scope,
          nonce: params.get('nonce'),
          challenge: params.get('code_challenge') ?? '',
          redirectUri: params.get('redirect_uri') ?? '',
          // An attacker's code comes from its own tenant's authority, not the one the app asked.
          tenant: signInAs?.tid ?? url.pathname.split('/')[1] ?? '',
        },
        signInAs ?? standIn.user,
      );
      return { code, state, session_state: 'standin-session' };
    }
  }
}

export function standInBrowser(standIn: IdentityStandIn): StandInBrowser {
  let markOpened: (url: URL) => void = () => undefined;
  const browser: StandInBrowser = {
    opened: [],
    user: 'approve',
    signInAs: null,
    firstOpen: new Promise<URL>((resolve) => (markOpened = resolve)),
    open: async (url) => {
      const parsed = new URL(url);
      browser.opened.push(parsed);
      markOpened(parsed);
      const answer = answerFor(browser.user, standIn, parsed, browser.signInAs);
      if (answer !== null) await postForm(parsed.searchParams.get('redirect_uri') ?? '', answer);
    },
  };
  return browser;
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { GRAPH_RESOURCE } from '../../../../shared/entra/graph-permissions';
import { FABRIKAM_TENANT, signedInAs } from '../../../../main/sandbox/identity-stand-in/tokens';
import {
  SANDBOX_ACCOUNTS,
  SANDBOX_TENANT,
  startSandboxMicrosoft,
  type SandboxMicrosoft,
} from '../../../../main/sandbox/sandbox-microsoft';
import { rejectionOf } from '../../microsoft-sign-in/support';
import { formsOf, sandboxSignIn } from '../../../support/sign-in-browser';

let microsoft: SandboxMicrosoft;

beforeEach(async () => {
  microsoft = await startSandboxMicrosoft();
});

afterEach(async () => {
  await microsoft.stop();
});

/** An authorize URL shaped like MSAL's, with fields overridden. */
function authorizeUrl(overrides: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    client_id: microsoft.clientId,
    scope: `${GRAPH_RESOURCE}/Application.Read.All openid profile offline_access`,
    redirect_uri: 'http://localhost:53123',
    response_type: 'code',
    response_mode: 'form_post',
    state: 'state-1',
    code_challenge: 'challenge',
    code_challenge_method: 'S256',
    ...overrides,
  });
  return `https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?${query.toString()}`;
}

async function page(url: string) {
  const response = await fetch(microsoft.browserUrl(url));
  return {
    status: response.status,
    csp: response.headers.get('content-security-policy') ?? '',
    html: await response.text(),
  };
}

describe('the identity stand-in’s authorize page', () => {
  it('completes MSAL’s real interactive sign-in when the browser clicks an account', async () => {
    const { service, browser, close } = await sandboxSignIn(microsoft);
    try {
      const account = await service.signIn('read-apps');

      expect(account).toEqual({
        signedIn: true,
        username: SANDBOX_ACCOUNTS.adele.username,
        name: 'Adele Vance',
        tenantId: microsoft.tenantId,
        tenant: 'Contoso (sandbox)',
        homeAccountId: `${SANDBOX_ACCOUNTS.adele.oid}.${microsoft.tenantId}`,
      });
      const [shown] = browser.pages;
      expect(shown?.html).toContain('<h1>Sign in to Contoso (sandbox)</h1>');
      expect(shown?.html).toContain(`<code>${GRAPH_RESOURCE}/Application.Read.All</code>`);
      expect(shown?.html).not.toContain('<script');
      expect(shown?.csp).toMatch(
        /^default-src 'none'; style-src 'nonce-[^']+'; form-action http:\/\/localhost:\d+;/,
      );
      expect(await service.accessToken('read-apps')).toBe(
        microsoft.identity.issued.accessTokens[0],
      );
      expect(microsoft.identity.unknownRequests).toEqual([]);
    } finally {
      await close();
    }
  });

  it('signs a guest admin from Fabrikam in to Contoso, as the authority is Contoso (tid = Contoso)', async () => {
    // graph-provisioning.md, corrections: "A guest admin signing in with `organizations` gets a
    // token for their home tenant (AzureAD/microsoft-authentication-library-for-js#5113)".
    const { service, browser, close } = await sandboxSignIn(microsoft);
    browser.choice = 'Lidia Holloway';
    try {
      const account = await service.signIn('read-apps');

      const { guest } = SANDBOX_ACCOUNTS;
      expect(account).toMatchObject({
        username: guest.username,
        tenantId: microsoft.tenantId,
        tenant: 'Contoso (sandbox)',
        // Her home account stays Fabrikam's: the same person in any tenant.
        homeAccountId: `${guest.home.oid}.${FABRIKAM_TENANT.id}`,
      });
      const [idToken] = microsoft.identity.issued.idTokens;
      const claims = JSON.parse(
        Buffer.from(idToken?.split('.')[1] ?? '', 'base64url').toString('utf8'),
      ) as { tid: string; oid: string };
      expect(claims).toMatchObject({ tid: microsoft.tenantId, oid: guest.oid });
      expect(browser.pages[0]?.html).toContain('Lidia Holloway');
    } finally {
      await close();
    }
  });

  it('would give the same guest a token for Fabrikam at the shared organizations endpoint', () => {
    const tenants = [SANDBOX_TENANT, FABRIKAM_TENANT];
    const { guest } = SANDBOX_ACCOUNTS;
    expect(signedInAs(guest, 'organizations', tenants)).toEqual(guest.home);
    expect(signedInAs(guest, SANDBOX_TENANT.domain, tenants)).toMatchObject({
      tid: microsoft.tenantId,
    });
    expect(signedInAs(SANDBOX_ACCOUNTS.adele, FABRIKAM_TENANT.domain, tenants)).toBeNull();
  });

  it('offers Adele with her admin role, Megan without one, and Cancel', async () => {
    const { html } = await page(authorizeUrl());
    const buttons = formsOf(html).map((form) => form.button);
    expect(buttons).toEqual([
      'Adele Vance (adele.vance@contoso.com, Application Administrator)',
      'Megan Bowen (megan.bowen@contoso.com, no admin role)',
      'Lidia Holloway (Fabrikam, guest) (lidia_fabrikam.com#EXT#@contoso.onmicrosoft.com, Application Administrator)',
      'Cancel',
    ]);
    expect(formsOf(html).every((form) => form.action === 'http://localhost:53123')).toBe(true);
    expect(html).toContain('<html lang="en">');
  });

  it('turns Cancel into MSAL’s access_denied, which sign-in reports as cancelled', async () => {
    const { service, browser, close } = await sandboxSignIn(microsoft);
    browser.choice = 'Cancel';
    try {
      const error = await rejectionOf(service.signIn('read-apps'));

      expect(error.code).toBe('MICROSOFT_SIGN_IN_CANCELLED');
      const cancel = formsOf(browser.pages[0]?.html ?? '').find((form) => form.button === 'Cancel');
      expect(cancel?.fields).toMatchObject({
        error: 'access_denied',
        error_description: expect.stringMatching(
          /^AADSTS65004: User declined to consent/,
        ) as string,
      });
      expect(microsoft.identity.tokenRequests).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each([
    'https://evil.example/callback',
    'http://evil.example:8080/',
    'http://localhost/',
    'http://user@localhost:5000/',
    'not a url',
  ])('refuses the redirect URI %s with an error page and no code', async (redirectUri) => {
    const { status, html } = await page(authorizeUrl({ redirect_uri: redirectUri }));
    expect(status).toBe(400);
    expect(html).toContain('AADSTS50011');
    expect(formsOf(html)).toEqual([]);
  });

  it('accepts a 127.0.0.1 loopback redirect with a path', async () => {
    const { status, html } = await page(authorizeUrl({ redirect_uri: 'http://127.0.0.1:4000/cb' }));
    expect(status).toBe(200);
    expect(formsOf(html)[0]?.action).toBe('http://127.0.0.1:4000/cb');
  });

  it('escapes a hostile state and scope in the HTML, and posts the state back unchanged', async () => {
    const state = '"><script>alert(1)</script><b x=\'';
    const scope = '<img/src=x/onerror=alert(1)>';
    const { html } = await page(authorizeUrl({ state, scope }));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('<code>&lt;img/src=x/onerror=alert(1)&gt;</code>');
    expect(formsOf(html).every((form) => form.fields['state'] === state)).toBe(true);
  });

  it('refuses a request without PKCE', async () => {
    const { status, html } = await page(authorizeUrl({ code_challenge: '' }));
    expect(status).toBe(400);
    expect(html).toContain('Proof Key for Code Exchange');
  });

  it('maps only Microsoft’s sign-in address to the page', () => {
    expect(microsoft.browserUrl(authorizeUrl())).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/[\w-]{22}\/organizations\/oauth2\/v2\.0\/authorize\?client_id=/,
    );
    expect(() => microsoft.browserUrl('https://evil.example/organizations/oauth2')).toThrow();
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_SETTINGS } from '../../../../shared/settings/settings';
import { MicrosoftSignIn } from '../../../../main/microsoft-sign-in/microsoft-sign-in';
import type { SandboxMicrosoft } from '../../../../main/sandbox/sandbox-microsoft';
import { MemorySecretStore } from '../../../support/keychain';
import { captureLogger } from '../../../support/capture-logger';
import { memorySettings } from '../../../support/memory-settings';

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

/** A browser and a person in front of it: opens the stand-in's page and clicks `choice`. */
export interface PageBrowser {
  open: (authorizeUrl: string) => Promise<void>;
  /** The button to click next: an account's name, or "Cancel". */
  choice: string;
  /** Each page as served, with its Content-Security-Policy. */
  pages: { status: number; html: string; csp: string }[];
}

export function pageBrowser(microsoft: SandboxMicrosoft): PageBrowser {
  const browser: PageBrowser = {
    choice: 'Adele Vance',
    pages: [],
    open: async (authorizeUrl) => {
      const response = await fetch(microsoft.browserUrl(authorizeUrl));
      const html = await response.text();
      const csp = response.headers.get('content-security-policy') ?? '';
      browser.pages.push({ status: response.status, html, csp });
      const form = formsOf(html).find((candidate) => candidate.button.startsWith(browser.choice));
      if (form === undefined) throw new Error(`No "${browser.choice}" button on the page.`);
      await (await submit(form)).text();
    },
  };
  return browser;
}

/** The app's real sign-in service, pointed at the sandbox the way sandbox mode points it. */
export async function sandboxSignIn(microsoft: SandboxMicrosoft) {
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-sign-in-'));
  const browser = pageBrowser(microsoft);
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

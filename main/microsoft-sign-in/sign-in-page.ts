import { appFailure } from '../../shared/errors';
import type { ExternalOpener } from '../security/open-external';

/**
 * Where the sign-in may send the system browser. The host's opener is Electron's raw
 * shell.openExternal (the renderer's links go through security/open-external.ts's allow-list
 * instead); MSAL builds the URL it asks us to open, so this is the one place that holds it to
 * Microsoft's authorize endpoint, or in sandbox mode to the identity stand-in on loopback.
 */

/** Microsoft's identity platform host (the authority is `…/<the admin's tenant>`, tenant.ts). */
export const MICROSOFT_LOGIN_HOST = 'login.microsoftonline.com';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parsed(url: string): URL | null {
  // Parsers disagree on backslashes and control characters; the OS handler may read them apart.
  if (/[\s\\]/.test(url)) return null;
  try {
    const value = new URL(url);
    return value.username === '' && value.password === '' ? value : null;
  } catch {
    return null;
  }
}

function refused(): Error {
  return appFailure(
    'EXTERNAL_URL_BLOCKED',
    'The Microsoft sign-in asked to open a page that is not Microsoft’s sign-in page.',
    'Try signing in again; if it keeps happening, report it.',
  );
}

/** Opens Microsoft's authorize page (https, login.microsoftonline.com, default port) and nothing else. */
export async function openMicrosoftSignInPage(url: string, opener: ExternalOpener): Promise<void> {
  const page = parsed(url);
  if (page?.protocol !== 'https:' || page.hostname !== MICROSOFT_LOGIN_HOST || page.port !== '')
    throw refused();
  await opener(page.href);
}

/** Opens the sandbox identity stand-in's page: plain http, on this computer only. */
export async function openLoopbackSignInPage(url: string, opener: ExternalOpener): Promise<void> {
  const page = parsed(url);
  if (page?.protocol !== 'http:' || !LOOPBACK_HOSTS.has(page.hostname)) throw refused();
  await opener(page.href);
}

import { appFailure } from '../../shared/errors';

/** Opens a URL in the system browser (Electron's shell.openExternal in the app). */
export type ExternalOpener = (url: string) => Promise<void>;

/** A place the app links to: a host and a path, with everything below the path unless `exact`. */
export interface ExternalLinkTarget {
  host: string;
  path: string;
  exact?: boolean;
}

/**
 * The pages the wizard links to (shared/wizard/links.ts and the steps in
 * shared/wizard/content.ts): the Entra admin centre, Entra's provisioning docs on Microsoft Learn,
 * and Stytch's docs and dashboard. Anything else is refused, so a compromised renderer cannot use
 * the app to open arbitrary links, local files or other apps' URL schemes.
 */
export const EXTERNAL_LINK_ALLOW_LIST: readonly ExternalLinkTarget[] = [
  // The admin centre routes in the hash; the wizard only ever opens its front page.
  { host: 'entra.microsoft.com', path: '/', exact: true },
  { host: 'learn.microsoft.com', path: '/en-us/entra/identity/app-provisioning' },
  { host: 'stytch.com', path: '/docs' },
  { host: 'stytch.com', path: '/dashboard' },
];

function isUnder(pathname: string, target: ExternalLinkTarget): boolean {
  if (pathname === target.path) return true;
  return !target.exact && pathname.startsWith(`${target.path}/`);
}

/**
 * True for characters parsers disagree on. The URL parser reads `\` as `/` and drops tabs and
 * newlines, but the OS handler that finally opens the link may not, so
 * `https://stytch.com\@evil.example/` could reach evil.example there.
 */
function hasAmbiguousCharacter(url: string): boolean {
  for (let index = 0; index < url.length; index += 1) {
    const code = url.charCodeAt(index);
    if (code <= 0x20 || code === 0x7f || url[index] === '\\') return true;
  }
  return false;
}

const HTTPS_PREFIX = 'https://';

/** The address to open, canonical, or null when `url` is not one of the allowed pages. */
function allowedHref(url: string): string | null {
  // The parser also accepts `https:host` and `https:/host`; other parsers may not.
  if (!url.toLowerCase().startsWith(HTTPS_PREFIX) || hasAmbiguousCharacter(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // `https://@host/` parses with an empty user name, which the checks below cannot see.
  const authority = url.slice(HTTPS_PREFIX.length).split(/[/?#]/, 1)[0] ?? '';
  const allowed =
    parsed.protocol === 'https:' &&
    !authority.includes('@') &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_LINK_ALLOW_LIST.some(
      (target) => parsed.hostname === target.host && isUnder(parsed.pathname, target),
    );
  return allowed ? parsed.href : null;
}

/** True when `url` is https, without credentials, on a host and path the wizard links to. */
export function isAllowedExternalUrl(url: string): boolean {
  return allowedHref(url) !== null;
}

/**
 * Opens `url` through `opener` if it is allow-listed, handing over the parsed, canonical address
 * (never the raw string); otherwise throws EXTERNAL_URL_BLOCKED.
 */
export async function openExternalSafely(url: string, opener: ExternalOpener): Promise<void> {
  const href = allowedHref(url);
  if (href === null) {
    throw appFailure(
      'EXTERNAL_URL_BLOCKED',
      'The app only opens the Microsoft Entra, Microsoft Learn and Stytch pages its guide links to.',
      'Copy the address and open it in your browser yourself if you trust it.',
    );
  }
  await opener(href);
}

/**
 * Tenant URLs that read as one host and send the token to another. URL parsing (WHATWG, as in
 * Node and Chromium, so the probe's own requests) reads `\` as `/` in http(s) URLs and takes
 * everything before an `@` in the authority as a user name, so both
 * `https://evil.example\@scim.example.com/` and `https://evil.example#@scim.example.com/` go to
 * evil.example.
 */

/** What is wrong with the URL's host, in words. */
export interface HiddenHost {
  message: string;
  fix: string;
}

/** The authority as typed: after the scheme and its slashes, up to the first `/`, `\`, `?` or `#`. */
function typedAuthority(typed: string): string {
  const rest = typed.replace(/^[a-z][a-z\d+.-]*:[/\\]*/i, '');
  return /^[^/\\?#]*/.exec(rest)?.[0] ?? '';
}

/** The host a reader takes from the last `@`, the way a user name hides the real one; or null. */
function seemingHost(typed: string): string | null {
  const at = typed.lastIndexOf('@');
  if (at === -1) return null;
  const seen = /^[^:/\\?#]*/.exec(typed.slice(at + 1))?.[0] ?? '';
  if (seen === '') return null;
  try {
    return new URL(`https://${seen}`).hostname;
  } catch {
    return seen.toLowerCase();
  }
}

/** Names the first trick by which `typed` (as pasted) hides where `url` (as parsed) points, or null. */
export function hiddenHost(typed: string, url: URL): HiddenHost | null {
  const sentTo = `the token would be sent to ${url.origin}`;
  if (typed.includes('\\')) {
    return {
      message: `The URL contains a backslash (\\), which web address parsers (this app’s too) read as “/”, so the URL points at ${url.host}: ${sentTo}.`,
      fix: 'Use forward slashes only: copy base_url from Stytch again.',
    };
  }
  if (typedAuthority(typed).includes('@') || url.username !== '' || url.password !== '') {
    return {
      message: `The URL contains a user name or password (“…@” before the host). Entra authenticates with the Secret Token instead, and such a URL can hide where it points: ${sentTo}.`,
      fix: 'Remove everything between “//” and “@”, and put the token in the Secret Token field.',
    };
  }
  const seeming = seemingHost(typed);
  if (seeming !== null && seeming !== url.hostname) {
    return {
      message: `The URL contains “@${seeming}”, so it looks as if it pointed at ${seeming}, but it points at ${url.host}: ${sentTo}.`,
      fix: 'Remove the “@…” part: copy base_url from Stytch again.',
    };
  }
  return null;
}

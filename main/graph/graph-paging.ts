import { appFailure, type AppFailure } from '../../shared/errors';

/**
 * How far a paged read goes. Graph pages with `@odata.nextLink` (concepts/paging.md); a list a
 * person reads needs a few pages, so a runaway (a tenant with 100,000 apps named alike, or a
 * server that links back to itself) costs a bounded number of calls.
 */
export interface PageLimits {
  /** Pages read in all, the first included. */
  maxPages: number;
  /** Stop once this many items arrived (the last page is kept whole). */
  maxItems: number;
}

/** The default bound: enough for any list the wizard shows. */
export const DEFAULT_PAGE_LIMITS: PageLimits = { maxPages: 10, maxItems: 1_000 };

/**
 * The next page's URL, only when it is on the Graph host (and version path) the client talks to.
 * The link is Graph's to give, but it is followed with the admin's bearer token: a link to any
 * other origin (a proxy's rewrite, a hostile answer) would hand that token to someone else.
 */
export function sameGraphLink(baseUrl: string, nextLink: string): string | null {
  let base: URL;
  let next: URL;
  try {
    base = new URL(baseUrl);
    next = new URL(nextLink);
  } catch {
    return null;
  }
  const prefix = base.pathname.replace(/\/$/, '');
  const underBase = next.pathname === prefix || next.pathname.startsWith(`${prefix}/`);
  const plain = next.username === '' && next.password === '';
  return next.origin === base.origin && underBase && plain ? next.href : null;
}

/** The error for a nextLink that leaves Graph: the list is refused, not cut short silently. */
export function foreignNextLink(operation: string, nextLink: string): AppFailure {
  let host = '(not a URL)';
  try {
    host = new URL(nextLink).host;
  } catch {
    // The host stays "(not a URL)".
  }
  return appFailure(
    'GRAPH_UNEXPECTED_RESPONSE',
    `Microsoft Graph's answer to ${operation} pointed its next page at another address (${host}); the app does not send your sign-in there.`,
    'Try again. If it keeps happening, a proxy between this computer and Microsoft may be rewriting answers: report it.',
  );
}

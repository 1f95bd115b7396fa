/**
 * The renderer's Content-Security-Policy, sent as a header: with the page and every file main
 * serves (windows/app-protocol.ts) and on every response the window's session receives
 * (security/harden-web-contents.ts, which covers the dev server). Not also a meta tag in
 * renderer/index.html: Chromium holds a page's preloads until its parser reaches a CSP meta tag,
 * and that held the first screen's chunk back (15–45 ms to the first screen, bench/README.md).
 * No remote connect-src: all HTTP happens in main.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
].join('; ');

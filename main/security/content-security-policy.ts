/**
 * The renderer's Content-Security-Policy. It lives in renderer/index.html as a meta tag and is
 * also sent as a header for every response main serves, so a page that loses the meta tag is
 * still covered. No remote connect-src: all HTTP happens in main.
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

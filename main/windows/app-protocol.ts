import { readFile } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';

import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';

/**
 * The renderer is served from `app://renderer/…`, not `file://`: with file:// the page would need
 * the GrantFileProtocolExtraPrivileges fuse on (file pages may then read other files), and a
 * custom scheme is what Electron's security checklist recommends. Registered as privileged
 * (standard, secure) before `ready`, handled by {@link createAppProtocolHandler} after it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
/** The page the window loads, and the only top frame IPC trusts. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`: standard (relative URLs resolve), secure
 * (a secure context like https), and fetch/CORS support, which Chromium needs to load the
 * renderer's `<script type="module" crossorigin>`. And V8's code cache (`codeCache`, which needs
 * `standard`): without it every start compiles the renderer's JavaScript again, React DOM most of
 * all, as a first start does; Chromium keeps it for http(s) pages only unless a scheme asks.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function refuse(status: 403 | 404 | 405): Response {
  return new Response(null, { status });
}

/**
 * Answers `app://renderer/<path>` with the file under `rendererDir` (Electron's fs reads inside
 * app.asar too). Anything else — another host, a method other than GET, a path that leaves the
 * folder (`%2e%2e`), a file type the renderer does not ship — is refused. Every answer carries
 * the app's CSP, since response-header hooks are not guaranteed to see custom schemes.
 */
export function createAppProtocolHandler(
  rendererDir: string,
): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET') return refuse(405);
    let url: URL;
    let path: string;
    try {
      url = new URL(request.url);
      path = decodeURIComponent(url.pathname);
    } catch {
      return refuse(404);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404);
    const file = resolve(root, `.${path}`);
    const inside = relative(root, file);
    if (inside === '' || inside.startsWith('..') || inside.includes(`..${sep}`)) return refuse(403);
    const type = CONTENT_TYPES[extname(file).toLowerCase()];
    if (type === undefined) return refuse(404);
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': type,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return refuse(404);
    }
  };
}

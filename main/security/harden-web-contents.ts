import { app, session, type WebContents } from 'electron';

import type { Logger } from '../logging/logger';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { openExternalSafely, type ExternalOpener } from './open-external';

/**
 * Applies the security baseline to every web contents the app ever creates: no navigation,
 * no new windows (allow-listed links go to the system browser instead), no webviews, no
 * permissions, and the CSP as a response header (the renderer page has no meta tag for it).
 */
export function hardenAllWebContents(openExternal: ExternalOpener, logger: Logger): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url, openExternal).catch(() => logger.warn('window-open.blocked'));
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      event.preventDefault();
      logger.warn('navigation.blocked');
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

import { join } from 'node:path';

import { app, BrowserWindow, net, protocol, shell } from 'electron';

import { applyHeapPolicy } from './app/heap-policy';
import { createElectronClipboard } from './clipboard/electron-clipboard';
import { composeServices, HANDLERS } from './composition';
import { createElectronSaveDialog } from './fleet/electron-save-dialog';
import { createDispatcher } from './ipc/dispatch';
import { registerIpc } from './ipc/register-ipc';
import { createLogger } from './logging/logger';
import { KeytarSecretStore } from './secrets/keytar-secret-store';
import { hardenAllWebContents } from './security/harden-web-contents';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './windows/app-protocol';
import { createMainWindow } from './windows/main-window';

// Main's network-bound work leaves garbage that V8 would let grow to four times what is alive.
applyHeapPolicy();

// Must run before `ready`: every renderer, including any created later, is sandboxed, and the
// app's own scheme is known to Chromium as standard and secure before any page loads.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

const logger = createLogger();
const trustedWebContents = new Set<number>();
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
// Relative to the built main bundle (out/main/index.js).
const RENDERER_DIR = join(__dirname, '../renderer');
const PRELOAD = join(__dirname, '../preload/preload.js');

function start(): void {
  const openExternal = (url: string): Promise<void> => shell.openExternal(url);
  hardenAllWebContents(openExternal, logger);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR));

  const services = composeServices({
    app: {
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
    },
    logger,
    // Chromium's network stack: system proxy, PAC and the OS certificate store.
    fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
    openExternal,
    userDataDir: app.getPath('userData'),
    secretStore: new KeytarSecretStore(),
    clipboardPort: createElectronClipboard(process.platform),
    saveDialog: createElectronSaveDialog(),
  });
  // A token copied a moment ago must not outlive the app on the clipboard; the sandbox's
  // loopback servers must not outlive it either.
  app.on('before-quit', () => {
    void services.clipboard.dispose();
    void services.sandbox.stop();
  });
  registerIpc({
    dispatch: createDispatcher(HANDLERS, services, logger),
    origin: devServerUrl === undefined ? { pageUrl: APP_INDEX_URL } : { devOrigin: devServerUrl },
    trustedWebContents: () => trustedWebContents,
    logger,
  });

  const window = createMainWindow(BrowserWindow, {
    preloadPath: PRELOAD,
    rendererUrl: APP_INDEX_URL,
    isPackaged: app.isPackaged,
    ...(devServerUrl === undefined ? {} : { devServerUrl }),
  });
  const contentsId = window.webContents.id;
  trustedWebContents.add(contentsId);
  window.on('closed', () => trustedWebContents.delete(contentsId));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

import type {
  BrowserWindow as ElectronBrowserWindow,
  BrowserWindowConstructorOptions,
} from 'electron';

/** Electron's BrowserWindow class, injected so this file runs (and is tested) without Electron. */
export type BrowserWindowClass = new (
  options: BrowserWindowConstructorOptions,
) => Pick<ElectronBrowserWindow, 'once' | 'show' | 'loadURL' | 'webContents' | 'on'>;

/** Where the window's content comes from. */
export interface MainWindowSource {
  preloadPath: string;
  /** The renderer's page as the app serves it (`app://renderer/index.html`). */
  rendererUrl: string;
  isPackaged: boolean;
  /** The Vite dev server, in development only; ignored when packaged. */
  devServerUrl?: string;
}

/**
 * Creates the app's one window — the only `new BrowserWindow` in the code base, with every
 * security flag written out here (a unit test pins them, Electronegativity reads them). Tests
 * and production use the same flags; only devtools differ, off when packaged.
 */
export function createMainWindow<W extends InstanceType<BrowserWindowClass>>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  source: MainWindowSource,
): W {
  const window = new BrowserWindow({
    width: 1100,
    height: 780,
    minWidth: 760,
    minHeight: 560,
    show: false,
    title: 'SCIM Setup Assistant',
    autoHideMenuBar: true,
    webPreferences: {
      preload: source.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would otherwise open links in a new window, bypassing the open handler.
      disableBlinkFeatures: 'Auxclick',
      devTools: !source.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (source.devServerUrl !== undefined && !source.isPackaged)
    void window.loadURL(source.devServerUrl);
  else void window.loadURL(source.rendererUrl);
  return window;
}

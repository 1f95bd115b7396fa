import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';

import { createMainWindow, type MainWindowSource } from '../../../main/windows/main-window';

/** Records what the window was built with and what it loaded, as Electron's class would see it. */
class RecordingWindow {
  static built: RecordingWindow[] = [];
  readonly loaded: string[] = [];
  readonly webContents = { id: 1 };
  constructor(readonly options: BrowserWindowConstructorOptions) {
    RecordingWindow.built.push(this);
  }
  once(): this {
    return this;
  }
  on(): this {
    return this;
  }
  show(): void {
    return undefined;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  loadFile(path: string): Promise<void> {
    this.loaded.push(path);
    return Promise.resolve();
  }
}

function build(source: Partial<MainWindowSource> = {}): RecordingWindow {
  return createMainWindow(RecordingWindow as never, {
    preloadPath: '/app/out/preload/preload.js',
    rendererUrl: 'app://renderer/index.html',
    isPackaged: true,
    ...source,
  }) as unknown as RecordingWindow;
}

describe('createMainWindow()', () => {
  it('pins every security flag of the main window', () => {
    expect(build().options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.js',
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
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('turns devtools off in packaged builds and keeps every other flag identical in development', () => {
    const { devTools: packagedDevTools, ...packaged } =
      build({ isPackaged: true }).options.webPreferences ?? {};
    const { devTools: devDevTools, ...development } =
      build({ isPackaged: false }).options.webPreferences ?? {};
    expect(packagedDevTools).toBe(false);
    expect(devDevTools).toBe(true);
    expect(development).toEqual(packaged);
  });

  it('loads the renderer from the app’s own scheme when packaged, even if a dev server URL is set', () => {
    expect(build({ devServerUrl: 'http://localhost:5173' }).loaded).toEqual([
      'app://renderer/index.html',
    ]);
  });

  it('loads the dev server in development', () => {
    expect(build({ isPackaged: false, devServerUrl: 'http://localhost:5173' }).loaded).toEqual([
      'http://localhost:5173',
    ]);
  });
});

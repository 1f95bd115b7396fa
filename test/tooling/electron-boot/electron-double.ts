import { EventEmitter } from 'node:events';

/** What the main bundle handed to `ipcMain.handle`. */
export type IpcHandler = (event: unknown, raw: unknown) => Promise<unknown>;

type WindowOpenHandler = (details: { url: string }) => { action: string };

/** A webContents as main sees it: an id, events, and what was sent to it. */
export class ContentsDouble extends EventEmitter {
  readonly sent: Array<[string, unknown]> = [];
  windowOpenHandler: WindowOpenHandler | null = null;

  constructor(readonly id: number) {
    super();
  }

  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }

  isDestroyed(): boolean {
    return false;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

/** Electron's `app`: lifecycle events, and what main asked of it. */
export class AppDouble extends EventEmitter {
  sandboxEnabled = false;
  quitCalled = false;
  readonly isPackaged = true;

  constructor(private readonly userDataDir: string) {
    super();
  }

  enableSandbox(): void {
    this.sandboxEnabled = true;
  }

  getName(): string {
    return 'SCIM Setup Assistant';
  }

  getVersion(): string {
    return '0.0.0-boot-test';
  }

  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`getPath(${name}) is not expected`);
    return this.userDataDir;
  }

  requestSingleInstanceLock(): boolean {
    return true;
  }

  ready = false;

  whenReady(): Promise<void> {
    this.ready = true;
    return Promise.resolve();
  }

  quit(): void {
    this.quitCalled = true;
  }
}

/** A BrowserWindow: its options, what it loaded, and whether it was shown. */
export class WindowDouble extends EventEmitter {
  loadedFile: string | null = null;
  loadedUrl: string | null = null;
  shown = false;

  constructor(
    readonly options: Record<string, unknown>,
    readonly webContents: ContentsDouble,
  ) {
    super();
  }

  show(): void {
    this.shown = true;
  }

  loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    return Promise.resolve();
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type HeadersHandler = (
  details: { responseHeaders: Record<string, string[]> },
  callback: (result: { responseHeaders: Record<string, string[]> }) => void,
) => void;

/** The handlers main installed on the default session. */
export interface SessionRecord {
  permissionRequestHandler: PermissionRequestHandler | null;
  permissionCheckHandler: (() => boolean) | null;
  headersHandler: HeadersHandler | null;
}

/** The system clipboard: its text, and how often it was cleared. */
export class ClipboardDouble {
  text = '';
  cleared = 0;

  writeText(text: string): void {
    this.text = text;
  }

  write(items: Array<{ text: string }>): Promise<void> {
    this.text = items[0]?.text ?? '';
    return Promise.resolve();
  }

  readText(): string {
    return this.text;
  }

  clear(): void {
    this.text = '';
    this.cleared += 1;
  }
}

/** Electron's ClipboardItem keeps its parts; the double keeps the plain text it was given. */
class ClipboardItemDouble {
  readonly text: string;

  constructor(parts: Record<string, unknown>) {
    this.text = typeof parts['text/plain'] === 'string' ? parts['text/plain'] : '';
  }
}

/** What main asked of `protocol`: schemes made privileged (and whether before ready), handlers. */
export interface ProtocolRecord {
  privileged: Array<{ scheme: string; privileges: Record<string, boolean>; beforeReady: boolean }>;
  handlers: Map<string, (request: Request) => Promise<Response> | Response>;
}

/** A recording `electron` module and the records a test reads. */
export interface ElectronDouble {
  /** What `require('electron')` answers. */
  module: Record<string, unknown>;
  app: AppDouble;
  windows: WindowDouble[];
  handlers: Map<string, IpcHandler>;
  session: SessionRecord;
  clipboard: ClipboardDouble;
  opened: string[];
  protocol: ProtocolRecord;
}

/**
 * A recording stand-in for the `electron` module: just the parts main/index.ts and the files it
 * loads use, each remembering how it was called, so a test can boot the built main bundle under
 * plain Node and look at what it did.
 */
export function createElectronDouble(userDataDir: string): ElectronDouble {
  const app = new AppDouble(userDataDir);
  const windows: WindowDouble[] = [];
  let nextContentsId = 1;
  class BrowserWindow extends WindowDouble {
    constructor(options: Record<string, unknown>) {
      super(options, new ContentsDouble(nextContentsId++));
      windows.push(this);
    }

    static getAllWindows(): WindowDouble[] {
      return windows;
    }
  }

  const handlers = new Map<string, IpcHandler>();
  const session: SessionRecord = {
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    headersHandler: null,
  };
  const clipboard = new ClipboardDouble();
  const opened: string[] = [];
  const protocol: ProtocolRecord = { privileged: [], handlers: new Map() };
  const module = {
    app,
    BrowserWindow,
    ipcMain: {
      handle(channel: string, handler: IpcHandler) {
        if (handlers.has(channel)) throw new Error(`${channel} registered twice`);
        handlers.set(channel, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: PermissionRequestHandler) =>
          (session.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: () => boolean) =>
          (session.permissionCheckHandler = handler),
        webRequest: {
          onHeadersReceived: (handler: HeadersHandler) => (session.headersHandler = handler),
        },
      },
    },
    // Chromium's stack in the app; Node's fetch here (the same Request/Response contract).
    net: { fetch: (input: string | URL, init?: RequestInit) => fetch(input, init) },
    shell: {
      openExternal: (url: string) => {
        opened.push(url);
        return Promise.resolve();
      },
    },
    clipboard,
    ClipboardItem: ClipboardItemDouble,
    protocol: {
      registerSchemesAsPrivileged: (
        schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>,
      ) => {
        for (const entry of schemes)
          protocol.privileged.push({ ...entry, beforeReady: !app.ready });
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
        if (!app.ready) throw new Error('protocol.handle before ready');
        protocol.handlers.set(scheme, handler);
      },
    },
  };
  return { module, app, windows, handlers, session, clipboard, opened, protocol };
}

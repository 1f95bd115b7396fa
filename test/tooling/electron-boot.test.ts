import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { INVOKE_CHANNELS } from '../../shared/ipc-channels';
import { SEEDED_ORGANIZATIONS } from '../../main/sandbox/seed';
import { bootBuiltMain, OUT } from './electron-boot/boot';
import {
  ContentsDouble,
  createElectronDouble,
  type ElectronDouble,
} from './electron-boot/electron-double';

let userDataDir: string;
let electron: ElectronDouble;

beforeAll(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'electron-boot-'));
  electron = createElectronDouble(userDataDir);
  await bootBuiltMain(electron);
});

afterAll(async () => {
  electron.app.emit('before-quit');
  await rm(userDataDir, { recursive: true, force: true });
});

function theWindow() {
  const [window] = electron.windows;
  if (!window) throw new Error('no window was created');
  return window;
}

/** Calls a channel the way Electron would, from the given contents and frame. */
async function invoke(
  channel: string,
  request: unknown,
  from: {
    contents?: { id: number; send: ContentsDouble['send']; isDestroyed(): boolean };
    url?: string;
    parent?: object | null;
  } = {},
): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`${channel} is not registered`);
  const sender = from.contents ?? theWindow().webContents;
  const event = {
    sender,
    senderFrame: {
      url: from.url ?? 'app://renderer/index.html',
      parent: from.parent ?? null,
    },
  };
  return (await handler(event, request)) as {
    ok: boolean;
    data?: unknown;
    error?: { code: string };
  };
}

describe('the built main bundle, booted against a recording electron double', () => {
  it('turns on the sandbox for every renderer and opens one hardened window', () => {
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.windows).toHaveLength(1);
    expect(theWindow().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('points the window at a preload in out/ and at the renderer page its own scheme serves from out/', async () => {
    const { preload } = theWindow().options.webPreferences as { preload: string };
    expect(preload).toBe(join(OUT, 'preload/preload.js'));
    expect(existsSync(preload)).toBe(true);
    expect(theWindow().loadedFile).toBeNull();
    expect(theWindow().loadedUrl).toBe('app://renderer/index.html');
    expect(electron.protocol.privileged).toEqual([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          corsEnabled: true,
          codeCache: true,
        },
        beforeReady: true,
      },
    ]);
    const serve = electron.protocol.handlers.get('app');
    const page = await serve?.(new Request('app://renderer/index.html'));
    expect(page?.status).toBe(200);
    expect(await page?.text()).toBe(readFileSync(join(OUT, 'renderer/index.html'), 'utf8'));
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(
      readFileSync(join(OUT, 'renderer/index.html'), 'utf8'),
    )?.[1];
    expect((await serve?.(new Request(`app://renderer/${script ?? 'missing'}`)))?.status).toBe(200);
    theWindow().emit('ready-to-show');
    expect(theWindow().shown).toBe(true);
  });

  it('registers every channel of the contract, and nothing else', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('answers a call from the app’s own frame through the real handlers', async () => {
    expect(await invoke('app:info', {})).toMatchObject({
      ok: true,
      data: { name: 'SCIM Setup Assistant', version: '0.0.0-boot-test', mode: 'real' },
    });
  });

  it('refuses calls from another webContents, another page, or a subframe', async () => {
    const untrusted = [
      { contents: new ContentsDouble(999) },
      { url: 'https://evil.example/index.html' },
      { url: 'app://renderer/other.html' },
      { url: pathToFileURL(join(OUT, 'renderer/index.html')).href },
      { parent: {} },
    ];
    for (const from of untrusted) {
      expect(await invoke('app:info', {}, from)).toMatchObject({
        ok: false,
        error: { code: 'IPC_UNTRUSTED_SENDER' },
      });
    }
  });

  it('installs the CSP, denies every permission, and keeps new windows and navigation out', () => {
    const granted: boolean[] = [];
    electron.session.permissionRequestHandler?.(null, 'media', (ok) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect(electron.session.permissionCheckHandler?.()).toBe(false);
    let headers: Record<string, string[]> = {};
    electron.session.headersHandler?.({ responseHeaders: {} }, (result) => {
      headers = result.responseHeaders;
    });
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/default-src 'none'/);

    const contents = new ContentsDouble(50);
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('clears a copied token and stops the sandbox when the app quits', async () => {
    expect(await invoke('sandbox:start', {})).toMatchObject({ ok: true });
    const created = await invoke('scim:createConnection', {
      organizationId: SEEDED_ORGANIZATIONS.acme,
      displayName: 'Entra (boot test)',
    });
    const connection = (created.data as { connection: { connectionId: string; tenantUrl: string } })
      .connection;
    expect(created.ok).toBe(true);
    const copied = await invoke('clipboard:copy', {
      kind: 'secret',
      handle: { kind: 'scim-token', connectionId: connection.connectionId },
    });
    expect(copied).toMatchObject({ ok: true });
    expect(electron.clipboard.text.length).toBeGreaterThan(20);
    const scimUrl = connection.tenantUrl;
    expect((await fetch(scimUrl)).status).toBe(401);

    // Leave the keychain as it was: the sandbox project's secret and the token go.
    const status = (await invoke('stytch:status', {})).data as { projectId: string };
    expect(await invoke('stytch:forgetProject', { projectId: status.projectId })).toMatchObject({
      ok: true,
      data: { removedSecrets: 2 },
    });

    electron.app.emit('before-quit');
    // Quitting starts both clean-ups without waiting for them; wait until they have landed.
    await vi.waitFor(async () => {
      expect(electron.clipboard.text).toBe('');
      await expect(fetch(scimUrl)).rejects.toThrow();
    });
    expect(electron.clipboard.cleared).toBe(1);
  });
});

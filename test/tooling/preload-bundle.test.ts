import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';

import { describe, expect, it } from 'vitest';

import type { AssistantApi } from '../../shared/ipc';

const PRELOAD = resolve(__dirname, '../../out/preload/preload.js');

/** Runs the BUILT preload the way a sandboxed renderer does: only `require('electron')` exists. */
function loadBuiltPreload() {
  if (!existsSync(PRELOAD))
    throw new Error('out/preload/preload.js is missing: run `npm run build` first.');
  const exposed = new Map<string, unknown>();
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoked: [] as Array<[string, unknown]>,
    invoke(channel: string, request: unknown) {
      this.invoked.push([channel, request]);
      return Promise.resolve({ ok: true, data: 'echo' });
    },
  });
  const required: string[] = [];
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer,
    };
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(PRELOAD, 'utf8'), {
    require: sandboxRequire,
    module,
    exports: module.exports,
  });
  return { exposed, ipcRenderer, required };
}

describe('the built preload (out/preload/preload.js)', () => {
  it('is one CommonJS file that requires nothing but electron and bundles no zod', () => {
    const source = readFileSync(PRELOAD, 'utf8');
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect([...source.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1])).toEqual([
      'electron',
    ]);
    expect(source).not.toMatch(/ZodError|\$ZodType|_zod\b|safeParse/);
    expect(loadBuiltPreload().required).toEqual(['electron']);
  });

  it('exposes exactly `assistant` with invoke and on', () => {
    const { exposed } = loadBuiltPreload();
    expect([...exposed.keys()]).toEqual(['assistant']);
    expect(Object.keys(exposed.get('assistant') as object).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards contract channels and refuses any other', async () => {
    const { exposed, ipcRenderer } = loadBuiltPreload();
    const assistant = exposed.get('assistant') as AssistantApi;
    await expect(assistant.invoke('app:info', {})).resolves.toEqual({ ok: true, data: 'echo' });
    await expect(assistant.invoke('fs:read' as 'app:info', {})).rejects.toThrow(/Unknown channel/);
    expect(ipcRenderer.invoked).toEqual([['app:info', {}]]);
  });

  it('delivers only the payload to listeners, and unsubscribe removes the same listener', () => {
    const { exposed, ipcRenderer } = loadBuiltPreload();
    const assistant = exposed.get('assistant') as AssistantApi;
    const seen: unknown[] = [];
    const off = assistant.on('app:notice', (payload) => seen.push(payload));
    expect(ipcRenderer.listenerCount('app:notice')).toBe(1);
    ipcRenderer.emit('app:notice', { sender: 'secret-object' }, { level: 'info', message: 'hi' });
    expect(seen).toEqual([{ level: 'info', message: 'hi' }]);
    off();
    expect(ipcRenderer.listenerCount('app:notice')).toBe(0);
    expect(() => assistant.on('fs:watch' as 'app:notice', () => undefined)).toThrow(
      /Unknown event/,
    );
  });
});

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

import type { AssistantApi, EventPayload, Req, Res, Result } from '../shared/ipc';
import {
  isEventChannel,
  isInvokeChannel,
  type EventChannel,
  type InvokeChannel,
} from '../shared/ipc-channels';

// Only channel names are imported at run time: this file is bundled on its own into one
// CommonJS file for the sandboxed renderer, and zod would bloat it for nothing (main parses).
const assistant: AssistantApi = {
  invoke: <C extends InvokeChannel>(channel: C, request: Req<C>): Promise<Result<Res<C>>> => {
    if (!isInvokeChannel(channel)) return Promise.reject(new Error('Unknown channel'));
    return ipcRenderer.invoke(channel, request) as Promise<Result<Res<C>>>;
  },
  on: <E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void) => {
    if (!isEventChannel(event)) throw new Error('Unknown event');
    // The Electron event object is never handed to the page (it exposes `sender`).
    const wrapped = (_event: IpcRendererEvent, payload: EventPayload<E>): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('assistant', assistant);

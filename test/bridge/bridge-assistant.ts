import { asInitScript } from './init-script';

/**
 * The test-only stand-in for main/preload.ts: installs `window.assistant` with the same two
 * functions, carried over HTTP to the bridge instead of Electron IPC. Playwright serialises this
 * function into the page, so it must not close over anything and uses only browser APIs.
 */
export function installBridgeAssistant(): void {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;

  const ensureEvents = (): void => {
    if (source !== null) return;
    source = new EventSource('/__bridge/events');
    source.onmessage = (message: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
      for (const listener of listeners.get(event) ?? []) listener(payload);
    };
  };

  const assistant = {
    invoke: async (channel: string, request: unknown): Promise<unknown> => {
      const response = await fetch(`/__bridge/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request ?? {}),
      });
      return response.json();
    },
    on: (event: string, listener: Listener): (() => void) => {
      ensureEvents();
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
    /** Test-only: how many listeners are attached (proves unsubscribe works end to end). */
    listenerCount: (event: string): number => listeners.get(event)?.size ?? 0,
  };
  Object.defineProperty(window, 'assistant', { value: Object.freeze(assistant), writable: false });
}

/** {@link installBridgeAssistant} as a page init script (see {@link asInitScript}). */
export function bridgeAssistantInitScript(): { content: string } {
  return asInitScript(installBridgeAssistant);
}

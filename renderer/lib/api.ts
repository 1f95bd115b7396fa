import type { AssistantApi } from '../../shared/ipc';

declare global {
  interface Window {
    /** The one object the preload exposes (see main/preload.ts). */
    assistant: AssistantApi;
  }
}

/**
 * The renderer's only way to reach main. Read lazily so component tests can install a fake
 * `window.assistant` before the first call.
 */
export const api: AssistantApi = {
  invoke: (channel, request) => window.assistant.invoke(channel, request),
  on: (event, listener) => window.assistant.on(event, listener),
};

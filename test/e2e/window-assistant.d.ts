import type { AssistantApi } from '../../shared/ipc';

declare global {
  interface Window {
    /** Installed by the bridge's stand-in for the preload (test/bridge/bridge-assistant.ts). */
    assistant: AssistantApi;
  }
}

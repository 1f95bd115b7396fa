import type { AppError, AssistantApi, InvokeChannel, Req, Res, Result } from '../../shared/ipc';

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

const BRIDGE_FAILURE: AppError = {
  code: 'INTERNAL_ERROR',
  message: 'The window could not reach the rest of the app.',
  hint: 'Try again. If it keeps happening, restart the app.',
  retryable: true,
};

/**
 * Calls main and always resolves to a Result: main answers errors as data, and a rejected
 * promise (the preload refusing, the process going away) becomes a typed error too, so no
 * screen ever has to handle an exception.
 */
export async function call<C extends InvokeChannel>(
  channel: C,
  request: Req<C>,
): Promise<Result<Res<C>>> {
  try {
    return await api.invoke(channel, request);
  } catch {
    return { ok: false, error: BRIDGE_FAILURE };
  }
}

import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

import type { FetchLike } from '../http/create-http-client';
import { withResponseLimit } from '../http/response-limit';

/**
 * MSAL's documented `system.networkClient` (INetworkModule) over the app's fetch: Electron's
 * net.fetch in the app (Chromium's stack: system proxy, PAC, the OS certificate store, as for
 * Stytch and Graph), Node's fetch in tests and the CLI. Without it MSAL Node sends through Node's
 * own http module, which sees none of that.
 *
 * Redirects are refused (`redirect: 'error'`, which net.fetch supports; it rejects `'manual'`):
 * the token and metadata endpoints never redirect, and one that did must not carry a code or a
 * refresh token elsewhere. Every call has a timeout and a body cap, like every other call in main.
 */

/** MSAL's own default is 10 s per call for its HTTP client; token calls can be slower on bad links. */
const TIMEOUT_MS = 30_000;
/** Token answers and OpenID metadata are a few kilobytes. */
const MAX_ANSWER_BYTES = 1024 * 1024;

export function fetchNetworkClient(fetch: FetchLike): INetworkModule {
  const limited = withResponseLimit(fetch, MAX_ANSWER_BYTES);
  const send = async <T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const response = await limited(url, {
      method,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      ...(options?.headers ? { headers: options.headers } : {}),
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // MSAL reads the status and reports a body that is not JSON as its own error.
      body = {};
    }
    // INetworkModule is generic in the body's type; MSAL checks the parsed body itself.
    return { headers, status: response.status, body: body as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

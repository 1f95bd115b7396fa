import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/**
 * MSAL's documented `system.networkClient` that sends `realOrigin`'s traffic to a loopback
 * stand-in at `standInBase` (an origin and any path before MSAL's) instead, so MSAL runs unpatched. Any other host is refused, so a
 * sandbox sign-in can never reach Microsoft.
 */
export function loopbackNetworkClient(realOrigin: string, standInBase: string): INetworkModule {
  const send = async <T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    if (!url.startsWith(`${realOrigin}/`))
      throw new Error(`The stand-in refuses ${new URL(url).host}.`);
    const response = await fetch(`${standInBase}${url.slice(realOrigin.length)}`, {
      method,
      ...(options?.headers ? { headers: options.headers } : {}),
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    // INetworkModule is generic in the body's type; MSAL checks the parsed body itself.
    return { headers, status: response.status, body: (await response.json()) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

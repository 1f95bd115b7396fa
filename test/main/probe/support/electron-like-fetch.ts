import type { FetchLike } from '../../../../main/http/create-http-client';

/**
 * Node's fetch made to behave as Electron's net.fetch does with `redirect: 'manual'`
 * (electron/electron#43715): a 3xx answer rejects with "Redirect was cancelled" instead of
 * coming back as a response, so neither its status nor its Location can be seen.
 */
export const electronLikeFetch: FetchLike = async (input, init) => {
  const response = await fetch(input, init);
  if (init?.redirect === 'manual' && response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new Error('Redirect was cancelled');
  }
  return response;
};

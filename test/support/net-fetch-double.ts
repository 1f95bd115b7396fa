/**
 * Node's fetch made to behave as Electron's `net.fetch` does on a redirect
 * (electron/electron#43715): with `redirect: 'manual'` it rejects with "Redirect was cancelled"
 * instead of handing back the 3xx, and with `redirect: 'error'` it rejects with its own message.
 * Everything else goes through unchanged.
 */
export const netFetchDouble: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const response = await fetch(request);
  const redirected = response.status >= 300 && response.status < 400;
  if (!redirected || request.redirect === 'follow') return response;
  await response.body?.cancel();
  throw new Error(
    request.redirect === 'manual'
      ? 'Redirect was cancelled'
      : "Attempted to redirect, but redirect policy was 'error'",
  );
};

/**
 * Entra's query flag for RFC-compliant SCIM PATCH requests (reference C.1). Stytch appends it to
 * the base_url of `microsoft-entra` connections; for other connections the admin must add it.
 */
export const AAD_OPT_FLAG = 'aadOptscim062020';

function decodeName(pair: string): string {
  const name = pair.split('=')[0] ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function hasFlag(query: string): boolean {
  return query.split('&').some((pair) => decodeName(pair) === AAD_OPT_FLAG);
}

/**
 * The Tenant URL to paste into Entra: `url` with `?aadOptscim062020` ensured. A URL that already
 * carries the flag comes back unchanged; otherwise the flag is added as the first query parameter
 * (`?`) or after the existing ones (`&`), before any `#fragment`. Pure string work, so the
 * renderer, the probe and main all get the same answer.
 */
export function ensureAadOptFlag(url: string): string {
  const trimmed = url.trim();
  const hashAt = trimmed.indexOf('#');
  const beforeHash = hashAt === -1 ? trimmed : trimmed.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : trimmed.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return `${beforeHash}?${AAD_OPT_FLAG}${hash}`;
  const query = beforeHash.slice(queryAt + 1);
  if (hasFlag(query)) return trimmed;
  const separator = query === '' || query.endsWith('&') ? '' : '&';
  return `${beforeHash}${separator}${AAD_OPT_FLAG}${hash}`;
}

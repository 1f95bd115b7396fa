import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';

import { registerSecret } from '../logging/redact';
import type { EncryptedCacheFile } from './encrypted-cache-file';

/**
 * MSAL's persistence hook (graph-provisioning.md §6): MSAL calls `beforeCacheAccess` before it
 * reads or changes its cache and `afterCacheAccess` after, so the encrypted file is always what
 * MSAL sees. Every token the cache holds is registered for redaction as it passes through, so
 * one that reaches a log line or an error by mistake is masked there.
 */
export function encryptedCachePlugin(file: EncryptedCacheFile): ICachePlugin {
  // MSAL runs afterCacheAccess in a `finally`, even when beforeCacheAccess threw; an access
  // whose read failed must not write whatever MSAL still holds in memory over the next file.
  const failedReads = new WeakSet<TokenCacheContext>();
  return {
    async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
      let content: string | null;
      try {
        content = await file.read();
      } catch (error) {
        failedReads.add(context);
        context.tokenCache.deserialize('{}');
        throw error;
      }
      registerCachedSecrets(content);
      // An absent file (first run, or moved aside as unreadable) means an empty cache, not
      // whatever MSAL still holds in memory from before.
      context.tokenCache.deserialize(content ?? '{}');
    },
    async afterCacheAccess(context: TokenCacheContext): Promise<void> {
      if (!context.cacheHasChanged || failedReads.has(context)) return;
      const content = context.tokenCache.serialize();
      registerCachedSecrets(content);
      await file.write(content);
    },
  };
}

/** The sections of MSAL's serialized cache that hold credentials, each a map of entries. */
const SECRET_SECTIONS = ['AccessToken', 'RefreshToken', 'IdToken'] as const;

/** Registers the `secret` of every credential in a serialized MSAL cache. */
export function registerCachedSecrets(content: string | null): void {
  if (content === null) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return;
  }
  if (typeof parsed !== 'object' || parsed === null) return;
  for (const section of SECRET_SECTIONS) {
    const entries: unknown = (parsed as Record<string, unknown>)[section];
    if (typeof entries !== 'object' || entries === null) continue;
    for (const entry of Object.values(entries)) {
      const secret: unknown =
        typeof entry === 'object' && entry !== null
          ? (entry as Record<string, unknown>)['secret']
          : undefined;
      if (typeof secret === 'string') registerSecret(secret, 'microsoft-sign-in');
    }
  }
}

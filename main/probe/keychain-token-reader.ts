import { appFailure } from '../../shared/errors';
import type { SecretStore } from '../secrets/secret-store';
import type { TokenReader } from './probe-handlers';

/**
 * Reads SCIM tokens straight from the app's keychain entries, for the command line (which has
 * no running app and so no vault). The store throws typed keychain failures; a missing token is
 * SECRET_NOT_FOUND here.
 */
export function keychainTokenReader(store: Pick<SecretStore, 'read'>): TokenReader {
  return {
    async readToken(handle) {
      const value = await store.read({ kind: handle.kind, connectionId: handle.connectionId });
      if (value === null) {
        throw appFailure(
          'SECRET_NOT_FOUND',
          `No SCIM token for connection “${handle.connectionId}” is stored in this computer’s keychain.`,
          'Check the connection id (the app shows it on the connection’s page), or pipe the token in with --token-stdin.',
        );
      }
      return value;
    },
  };
}

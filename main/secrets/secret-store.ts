/**
 * The keychain seen from the rest of main: a small interface over "the OS secret store", so the
 * lifecycle code is tested against an in-memory store and the keychain library can be swapped in
 * one file (see keytar-secret-store.ts).
 *
 * Convention: every method throws an `AppFailure` (codes SECRET_STORE_UNAVAILABLE,
 * SECRET_STORE_LOCKED, SECRET_STORE_DENIED) when the keychain itself fails. A missing item is not
 * a failure at this level: `read` answers null and `delete` answers false; callers that need the
 * value throw SECRET_NOT_FOUND themselves, with a hint that fits their situation.
 */

/** The app's id, used as the keychain "service" every secret is filed under. */
export const SECRET_SERVICE_NAME = 'com.scimsetupassistant.app';

/**
 * Which secret: the Stytch project secret, a SCIM connection's token, its next token while
 * rotating, or the key of the encrypted Microsoft token cache (the cache itself is too big for a
 * keychain entry; see main/microsoft-sign-in/encrypted-cache-file.ts). `name` tells caches apart.
 */
export type SecretRef =
  | { kind: 'stytch-project'; projectId: string }
  | { kind: 'scim-token'; connectionId: string }
  | { kind: 'scim-next-token'; connectionId: string }
  | { kind: 'microsoft-cache-key'; name: string };

/** The id part of a secret's account name (project id, connection id, cache name). */
export function secretId(ref: SecretRef): string {
  switch (ref.kind) {
    case 'stytch-project':
      return ref.projectId;
    case 'microsoft-cache-key':
      return ref.name;
    default:
      return ref.connectionId;
  }
}

/**
 * The keychain account name of a secret: `<kind>:<id>`. This is the only place account names
 * are built, so the layout can change here alone.
 */
export function secretAccount(ref: SecretRef): string {
  return `${ref.kind}:${secretId(ref)}`;
}

/**
 * The OS keychain, holding the app's secrets under one service name: keytar-secret-store.ts in
 * the app; an interface for the test seam (test/support/keychain.ts keeps secrets in a Map).
 */
export interface SecretStore {
  /** Stores `value` for `ref`, replacing any previous value. */
  save(ref: SecretRef, value: string): Promise<void>;
  /** The stored value, or null when there is none. */
  read(ref: SecretRef): Promise<string | null>;
  /** Removes the value; true when something was removed, false when there was nothing. */
  delete(ref: SecretRef): Promise<boolean>;
}

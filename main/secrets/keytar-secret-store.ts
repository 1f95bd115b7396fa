import { AppFailure } from '../../shared/errors';
import { keychainFailure, type KeychainOperation } from './keychain-errors';
import {
  secretAccount,
  SECRET_SERVICE_NAME,
  type SecretRef,
  type SecretStore,
} from './secret-store';

/**
 * The part of keytar this store uses. This file is the only one that imports keytar, so moving
 * to another keychain library (see house style H6) changes this file alone.
 */
export type KeytarApi = Pick<
  typeof import('keytar'),
  'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'
>;

/** Loads keytar lazily, so a broken native module is a typed error rather than a crash at start-up. */
export async function loadKeytar(): Promise<KeytarApi> {
  const loaded: KeytarApi & { default?: KeytarApi } = await import('keytar');
  // keytar is CommonJS: depending on the bundler its functions sit on the namespace or on `default`.
  return loaded.default ?? loaded;
}

/** How to build a {@link KeytarSecretStore}. */
export interface KeytarSecretStoreOptions {
  /** The keychain service name; tests use their own so they never touch the app's secrets. */
  service?: string;
  /** Replaces the keytar loader (tests use it to prove a load failure is reported). */
  load?: () => Promise<KeytarApi>;
}

/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, and on Linux the
 * Secret Service (GNOME Keyring, KWallet) via libsecret. Every native failure is mapped to
 * SECRET_STORE_UNAVAILABLE / _LOCKED / _DENIED by keychain-errors.ts.
 */
export class KeytarSecretStore implements SecretStore {
  protected readonly service: string;
  private readonly load: () => Promise<KeytarApi>;
  private keytar: Promise<KeytarApi> | null = null;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? SECRET_SERVICE_NAME;
    this.load = options.load ?? loadKeytar;
  }

  async save(ref: SecretRef, value: string): Promise<void> {
    if (value.length === 0) throw new Error('Refusing to store an empty secret.');
    await this.run('save', (api) => api.setPassword(this.service, secretAccount(ref), value));
  }

  async read(ref: SecretRef): Promise<string | null> {
    return this.run('read', (api) => api.getPassword(this.service, secretAccount(ref)));
  }

  async delete(ref: SecretRef): Promise<boolean> {
    return this.run('delete', (api) => api.deletePassword(this.service, secretAccount(ref)));
  }

  /** Runs one keytar call, mapping native failures to typed ones (tests list the keychain through it). */
  protected async run<T>(
    operation: KeychainOperation,
    call: (api: KeytarApi) => Promise<T>,
  ): Promise<T> {
    const api = await this.api();
    try {
      return await call(api);
    } catch (error) {
      throw keychainFailure(error, operation);
    }
  }

  private async api(): Promise<KeytarApi> {
    this.keytar ??= this.load();
    try {
      return await this.keytar;
    } catch (error) {
      // Forget the failed load so a later call (after the user fixes the install) tries again.
      this.keytar = null;
      throw error instanceof AppFailure ? error : keychainFailure(error, 'load');
    }
  }
}

import type { AppFailure } from '../../shared/errors';
import {
  parseSecretAccount,
  secretAccount,
  type SecretRef,
  type SecretStore,
} from './secret-store';

/**
 * A {@link SecretStore} in a Map, for unit tests of the modules built on the keychain (and for
 * the end-to-end test bridge). `breakWith` makes it fail the way a real keychain does.
 */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  private failure: AppFailure | null = null;

  /** Every later call throws `failure` (e.g. SECRET_STORE_LOCKED) until called again with null. */
  breakWith(failure: AppFailure | null): void {
    this.failure = failure;
  }

  /** The raw account → value map, so tests can see exactly what was stored. */
  snapshot(): ReadonlyMap<string, string> {
    return new Map(this.values);
  }

  save(ref: SecretRef, value: string): Promise<void> {
    return this.run(() => {
      if (value.length === 0) throw new Error('Refusing to store an empty secret.');
      this.values.set(secretAccount(ref), value);
    });
  }

  read(ref: SecretRef): Promise<string | null> {
    return this.run(() => this.values.get(secretAccount(ref)) ?? null);
  }

  delete(ref: SecretRef): Promise<boolean> {
    return this.run(() => this.values.delete(secretAccount(ref)));
  }

  list(): Promise<SecretRef[]> {
    return this.run(() =>
      [...this.values.keys()]
        .map((account) => parseSecretAccount(account))
        .filter((ref): ref is SecretRef => ref !== null),
    );
  }

  /** Runs `operation` as the keychain would: asynchronously, failing while broken. */
  private run<T>(operation: () => T): Promise<T> {
    return new Promise((resolve) => {
      if (this.failure) throw this.failure;
      resolve(operation());
    });
  }
}

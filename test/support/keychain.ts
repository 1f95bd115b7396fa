import { AppFailure } from '../../shared/errors';
import { KeytarSecretStore } from '../../main/secrets/keytar-secret-store';
import { secretAccount, type SecretRef, type SecretStore } from '../../main/secrets/secret-store';

/** The kinds of secret the app keeps. */
const SECRET_KINDS: readonly SecretRef['kind'][] = [
  'stytch-project',
  'scim-token',
  'scim-next-token',
  'microsoft-cache-key',
];

/** The reverse of `secretAccount`; null for an account the app did not write. */
export function parseSecretAccount(account: string): SecretRef | null {
  const colon = account.indexOf(':');
  if (colon <= 0 || colon === account.length - 1) return null;
  const kind = account.slice(0, colon);
  const id = account.slice(colon + 1);
  if (!(SECRET_KINDS as readonly string[]).includes(kind)) return null;
  if (kind === 'stytch-project') return { kind, projectId: id };
  if (kind === 'microsoft-cache-key') return { kind, name: id };
  return { kind: kind as 'scim-token' | 'scim-next-token', connectionId: id };
}

/** A keychain tests can list, to see exactly what the app stored and to clean up after. */
export interface ListableSecretStore extends SecretStore {
  /** Every secret stored under this service (accounts the app did not write are ignored). */
  list(): Promise<SecretRef[]>;
}

function refsOf(accounts: Iterable<string>): SecretRef[] {
  return [...accounts]
    .map((account) => parseSecretAccount(account))
    .filter((ref): ref is SecretRef => ref !== null);
}

/** The real OS keychain (through the app's own store), listable. */
export class ListableKeytarStore extends KeytarSecretStore implements ListableSecretStore {
  async list(): Promise<SecretRef[]> {
    const credentials = await this.run('list', (api) => api.findCredentials(this.service));
    return refsOf(credentials.map((credential) => credential.account));
  }
}

/**
 * The keychain in a Map, for tests of the modules built on it (and the end-to-end bridge's
 * default). `breakWith` makes it fail the way a real keychain does.
 */
export class MemorySecretStore implements ListableSecretStore {
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
    return this.run(() => refsOf(this.values.keys()));
  }

  /** Runs `operation` as the keychain would: asynchronously, failing while broken. */
  private run<T>(operation: () => T): Promise<T> {
    return new Promise((resolve) => {
      if (this.failure) throw this.failure;
      resolve(operation());
    });
  }
}

/** A unique keychain service name, so parallel tests never see each other's secrets. */
export function uniqueService(label: string): string {
  return `com.scimsetupassistant.test.${label}.${process.pid}.${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Fails (never skips) when no keychain answers, naming the fix. On Linux `npm test` runs the
 * suite inside scripts/with-keyring.sh, which provides a private Secret Service.
 */
export async function assertKeychainReachable(store: { list(): Promise<unknown> }): Promise<void> {
  try {
    await store.list();
  } catch (error) {
    const detail =
      error instanceof AppFailure
        ? `${error.appError.code}: ${error.appError.message}`
        : String(error);
    throw new Error(
      `No keychain is reachable (${detail}). On Linux run the keychain tests inside a private keyring: ` +
        'bash scripts/with-keyring.sh npx vitest run test/main/secrets',
      { cause: error },
    );
  }
}

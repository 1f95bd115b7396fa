import { createHash } from 'node:crypto';

import { AppFailure, type AppError } from '../../shared/errors';
import type { TokenStatus } from '../../shared/stytch/views';
import type { Logger } from '../logging/logger';
import { registerSecret } from '../logging/redact';
import { secretAccount, type SecretRef, type SecretStore } from './secret-store';

/** Where a secret just went, and what to tell the user when it was not the keychain. */
export interface KeptSecret {
  storage: 'keychain' | 'memory';
  /** Plain words for the user when the keychain refused: what happened and how to fix it. */
  keychainWarning: string | null;
}

/** The result of removing a secret: whether anything was removed, and what failed. */
export interface ForgetOutcome {
  removed: boolean;
  /** Set when the keychain could not be reached to remove its copy. */
  failure: AppError | null;
}

/** A secret's sha256, to recognise it later (on the clipboard, in memory) without keeping it. */
export function fingerprint(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The last four characters of a secret, which Stytch and Entra also show. */
export function lastFour(value: string): string {
  return value.slice(-4);
}

function keychainWarning(ref: SecretRef, error: AppError): string {
  const refused = `The system keychain did not accept the ${
    ref.kind === 'stytch-project' ? 'Stytch project secret' : 'SCIM token'
  } (${error.message.replace(/\.$/, '')}).`;
  const consequence =
    ref.kind === 'stytch-project'
      ? 'The app keeps it in memory until you quit, so you will need to enter it again next time.'
      : 'The app keeps it in memory until you quit: copy it into Entra now, because Stytch will not show it again.';
  return `${refused} ${consequence} To fix the keychain: ${error.hint}`;
}

/**
 * The keychain with a safety net. A secret the keychain refuses is held in this object's Map
 * for the rest of the run (never written to disk), so a token Stytch shows only once is not
 * lost. Every value that passes through is registered for log redaction.
 */
export class SecretKeeper {
  private readonly memoryOnly = new Map<string, string>();

  constructor(private readonly deps: { store: SecretStore; logger: Logger }) {}

  /** Stores a secret in the keychain, or in memory with a warning when the keychain refuses. */
  async keep(ref: SecretRef, value: string): Promise<KeptSecret> {
    registerSecret(value);
    const account = secretAccount(ref);
    try {
      await this.deps.store.save(ref, value);
      this.memoryOnly.delete(account);
      return { storage: 'keychain', keychainWarning: null };
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      this.memoryOnly.set(account, value);
      this.deps.logger.warn('secrets.keychain-save-refused', {
        kind: ref.kind,
        code: error.appError.code,
      });
      // An older value in the keychain would come back after a restart and look current.
      await this.deps.store.delete(ref).catch(() => false);
      return { storage: 'memory', keychainWarning: keychainWarning(ref, error.appError) };
    }
  }

  /** The secret's value, or null when neither memory nor the keychain has it. Throws keychain failures. */
  async read(ref: SecretRef): Promise<string | null> {
    const inMemory = this.memoryOnly.get(secretAccount(ref));
    if (inMemory !== undefined) return inMemory;
    const stored = await this.deps.store.read(ref);
    if (stored !== null) registerSecret(stored);
    return stored;
  }

  /** Where the secret lives and its last four characters; a keychain failure reads as 'none' (logged). */
  async status(ref: SecretRef): Promise<TokenStatus> {
    const inMemory = this.memoryOnly.get(secretAccount(ref));
    if (inMemory !== undefined) return { storage: 'memory', last4: lastFour(inMemory) };
    try {
      const stored = await this.read(ref);
      return stored === null
        ? { storage: 'none', last4: null }
        : { storage: 'keychain', last4: lastFour(stored) };
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      this.deps.logger.warn('secrets.keychain-status-failed', {
        kind: ref.kind,
        code: error.appError.code,
      });
      return { storage: 'none', last4: null };
    }
  }

  /** Removes the secret from memory and from the keychain. Never throws for keychain failures. */
  async forget(ref: SecretRef): Promise<ForgetOutcome> {
    const fromMemory = this.memoryOnly.delete(secretAccount(ref));
    try {
      const fromKeychain = await this.deps.store.delete(ref);
      return { removed: fromMemory || fromKeychain, failure: null };
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      this.deps.logger.warn('secrets.keychain-delete-failed', {
        kind: ref.kind,
        code: error.appError.code,
      });
      return { removed: fromMemory, failure: error.appError };
    }
  }
}

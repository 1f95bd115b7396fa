import { AppFailure, type AppError } from '../../shared/errors';
import type { KnownConnection, Settings } from '../../shared/settings/settings';
import type { SecretHandle, TokenStatus } from '../../shared/stytch/views';
import type { Logger } from '../logging/logger';
import { HeldSecrets } from '../logging/redact';
import type { SettingsStore } from '../settings/settings-store';
import {
  connectionsOf,
  withConnection,
  withoutConnection,
  withoutProject,
} from './known-connections';
import {
  alreadyRevealed,
  cleanupWarning,
  fingerprint,
  forgetProjectWarning,
  keychainRefusedWarning,
  lastFour,
  notRevealable,
  tokenNotFound,
} from './secret-messages';
import { secretAccount, type SecretRef, type SecretStore } from './secret-store';

/** Where a secret just went; `keychainWarning` says what to do when it is held in memory only. */
export interface KeptSecret {
  storage: 'keychain' | 'memory';
  keychainWarning: string | null;
}

/** Where a token just went, for the connection view and the create/rotate answers. */
export interface TokenSaved {
  token: TokenStatus;
  /** Set when the keychain refused the token and it is held in memory for this run only. */
  keychainWarning: string | null;
}

/** The outcome of dropping tokens (cancel, delete): what to tell the user if the keychain failed. */
export interface TokenDropped {
  keychainWarning: string | null;
}

/** What "forget this project" removed, and what to tell the user if the keychain failed. */
export interface ProjectForgotten {
  /** How many secrets were removed (the project secret and every token of its connections). */
  removedSecrets: number;
  keychainWarning: string | null;
}

interface Removed {
  removed: number;
  failures: AppError[];
}

/** What the secrets service is built from (by the composition root). */
export interface SecretsDeps {
  /** The OS keychain (keytar) in the app. */
  store: SecretStore;
  /** Where the project → connections index lives (see known-connections.ts). */
  settings: Pick<SettingsStore, 'get' | 'mutate'>;
  logger: Logger;
}

function tokenRef(connectionId: string, next = false): SecretRef {
  return { kind: next ? 'scim-next-token' : 'scim-token', connectionId };
}

function projectRef(projectId: string): SecretRef {
  return { kind: 'stytch-project', projectId };
}

/** The ID a secret is sent with as `id:secret` (HTTP Basic for Stytch), to mask that too. */
function pairedId(ref: SecretRef): string | undefined {
  return ref.kind === 'stytch-project' ? ref.projectId : undefined;
}

/**
 * Every secret the app keeps: the Stytch project secret and each SCIM connection's tokens, with
 * the life the Stytch flow gives them (create → {@link saveCreatedToken}, rotate start →
 * {@link saveNextToken}, complete → {@link completeRotation}, cancel → {@link cancelRotation},
 * delete → {@link deleteConnection}, forget project → {@link forgetProject}).
 *
 * The keychain with a safety net: a secret the keychain refuses is held in this object's Map for
 * the rest of the run (never written to disk), so a token Stytch shows only once is not lost. Each
 * save resolves only once the secret is kept, so the renderer never hears of a token that could
 * still be lost.
 *
 * Every value it keeps or reads back (so one Stytch accepted or returned) is held for redaction,
 * one per keychain account, until it is dropped here; nothing else is, so a secret that was
 * refused never enters the redaction set.
 */
export class Secrets {
  private readonly memoryOnly = new Map<string, string>();
  private readonly redaction = new HeldSecrets();
  /** Fingerprints of token values already revealed this run (never the values themselves). */
  private readonly revealed = new Set<string>();
  /**
   * The connection on screen, as main knows it: the one whose token Stytch showed last in this
   * run (create, or rotation's next token), with the fingerprints of the tokens it showed for it.
   * Reveal serves only these. Not the renderer's word: a compromised page could name any
   * connection (and read any with scim:getConnection), but cannot make Stytch show an existing
   * token again.
   */
  private onScreen: { connectionId: string; prints: Set<string> } | null = null;

  constructor(private readonly deps: SecretsDeps) {}

  /** Stores the project secret (in memory with a warning if the keychain refuses). */
  saveProjectSecret(projectId: string, secret: string): Promise<KeptSecret> {
    return this.keep(projectRef(projectId), secret);
  }

  /** The project secret, or null when none is stored. Throws keychain failures (locked, denied…). */
  readProjectSecret(projectId: string): Promise<string | null> {
    return this.read(projectRef(projectId));
  }

  /** Removes the project secret and every token of every connection recorded for the project. */
  async forgetProject(projectId: string): Promise<ProjectForgotten> {
    const secret = await this.forget(projectRef(projectId));
    const connectionIds = connectionsOf(await this.deps.settings.get(), projectId);
    const tokens: Removed = { removed: 0, failures: [] };
    for (const connectionId of connectionIds) {
      const outcome = await this.removeTokens(connectionId);
      tokens.removed += outcome.removed;
      tokens.failures.push(...outcome.failures);
    }
    await this.changeIndex('remove', (settings) => withoutProject(settings, projectId));
    return {
      removedSecrets: Number(secret.removed) + tokens.removed,
      keychainWarning: forgetProjectWarning(secret.failure ?? tokens.failures[0] ?? null),
    };
  }

  /** Create: stores the token Stytch just returned, before anything is shown. */
  saveCreatedToken(connection: KnownConnection, token: string): Promise<TokenSaved> {
    return this.saveToken(connection, token, false);
  }

  /** Rotate start: stores the next token; the current one stays valid until completion. */
  saveNextToken(connection: KnownConnection, nextToken: string): Promise<TokenSaved> {
    return this.saveToken(connection, nextToken, true);
  }

  /**
   * Rotate complete: the next token becomes the current one. When the next token is not on this
   * computer (kept in memory in an earlier run), the old current token is removed anyway since
   * Stytch no longer accepts it, and the status reads 'none'.
   */
  async completeRotation(connectionId: string): Promise<TokenSaved> {
    const next = await this.read(tokenRef(connectionId, true));
    if (next === null) {
      this.deps.logger.warn('secrets.rotation-completed-without-next-token', { connectionId });
      const removed = await this.forget(tokenRef(connectionId));
      return {
        token: { storage: 'none', last4: null },
        keychainWarning: cleanupWarning([removed.failure]),
      };
    }
    const kept = await this.keep(tokenRef(connectionId), next);
    await this.forget(tokenRef(connectionId, true));
    return {
      token: { storage: kept.storage, last4: lastFour(next) },
      keychainWarning: kept.keychainWarning,
    };
  }

  /** Rotate cancel: the next token is discarded; the current one stays. */
  async cancelRotation(connectionId: string): Promise<TokenDropped> {
    const removed = await this.forget(tokenRef(connectionId, true));
    return { keychainWarning: cleanupWarning([removed.failure]) };
  }

  /** Delete connection: both tokens and the index entry go. */
  async deleteConnection(connectionId: string): Promise<TokenDropped> {
    if (this.onScreen?.connectionId === connectionId) this.onScreen = null;
    const outcome = await this.removeTokens(connectionId);
    await this.changeIndex('remove', (settings) => withoutConnection(settings, connectionId));
    return { keychainWarning: cleanupWarning(outcome.failures) };
  }

  /** Where a secret lives and its last four characters; a keychain failure reads as 'none' (logged). */
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

  /** A token's value, for main-side use (clipboard, probe). Throws SECRET_NOT_FOUND or a keychain failure. */
  async readToken(handle: SecretHandle): Promise<string> {
    const value = await this.read(handle);
    if (value === null) throw tokenNotFound(handle);
    return value;
  }

  /**
   * Reveals a token's value, once per value per run, and only a token Stytch showed in this run
   * for the connection on screen (see `onScreen`): any other is refused before the keychain is
   * read. Later calls are refused too (use Copy instead, which stays in main).
   */
  async revealOnce(handle: SecretHandle): Promise<string> {
    const shown = this.onScreen;
    if (shown?.connectionId !== handle.connectionId) throw notRevealable();
    const value = await this.readToken(handle);
    const print = fingerprint(value);
    if (this.revealed.has(print)) throw alreadyRevealed();
    if (!shown.prints.has(print)) throw notRevealable();
    this.revealed.add(print);
    return value;
  }

  private async saveToken(
    connection: KnownConnection,
    value: string,
    next: boolean,
  ): Promise<TokenSaved> {
    const kept = await this.keep(tokenRef(connection.connectionId, next), value);
    const { connectionId } = connection;
    if (this.onScreen?.connectionId !== connectionId)
      this.onScreen = { connectionId, prints: new Set() };
    this.onScreen.prints.add(fingerprint(value));
    await this.changeIndex('add', (settings) => withConnection(settings, connection));
    return {
      token: { storage: kept.storage, last4: lastFour(value) },
      keychainWarning: kept.keychainWarning,
    };
  }

  /** Stores a secret in the keychain, or in memory with a warning when the keychain refuses. */
  private async keep(ref: SecretRef, value: string): Promise<KeptSecret> {
    const account = secretAccount(ref);
    this.redaction.hold(account, value, pairedId(ref));
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
      return { storage: 'memory', keychainWarning: keychainRefusedWarning(ref, error.appError) };
    }
  }

  /** The secret's value, or null when neither memory nor the keychain has it. Throws keychain failures. */
  private async read(ref: SecretRef): Promise<string | null> {
    const inMemory = this.memoryOnly.get(secretAccount(ref));
    if (inMemory !== undefined) return inMemory;
    const stored = await this.deps.store.read(ref);
    if (stored !== null) this.redaction.hold(secretAccount(ref), stored, pairedId(ref));
    return stored;
  }

  /**
   * Removes the secret from memory and from the keychain, and from the redaction set unless the
   * keychain failed to delete it (it is then still on this computer). Never throws for keychain
   * failures.
   */
  private async forget(ref: SecretRef): Promise<{ removed: boolean; failure: AppError | null }> {
    const account = secretAccount(ref);
    const fromMemory = this.memoryOnly.delete(account);
    try {
      const fromKeychain = await this.deps.store.delete(ref);
      this.redaction.release(account);
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

  private async removeTokens(connectionId: string): Promise<Removed> {
    const current = await this.forget(tokenRef(connectionId));
    const next = await this.forget(tokenRef(connectionId, true));
    return {
      removed: Number(current.removed) + Number(next.removed),
      failures: [current.failure, next.failure].filter((f): f is AppError => f !== null),
    };
  }

  /**
   * Changes the project → connections index. A failure there is logged, not thrown: the token
   * itself is safe, and only "forget this project" would miss it.
   */
  private async changeIndex(
    change: 'add' | 'remove',
    update: (settings: Settings) => Settings,
  ): Promise<void> {
    try {
      await this.deps.settings.mutate(update);
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      this.deps.logger.warn(`secrets.index-${change}-failed`, { code: error.appError.code });
    }
  }
}

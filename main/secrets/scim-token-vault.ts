import { AppFailure, appFailure, type AppError } from '../../shared/errors';
import type { SecretHandle, TokenStatus } from '../../shared/stytch/views';
import type { Logger } from '../logging/logger';
import type { ConnectionIndex, IndexedConnection } from './connection-index';
import { fingerprint, lastFour, type SecretKeeper } from './secret-keeper';
import type { SecretRef } from './secret-store';

/** Where a token just went, for the connection view and the create/rotate responses. */
export interface TokenSaveOutcome {
  token: TokenStatus;
  /** Set when the keychain refused the token and it is held in memory for this run only. */
  keychainWarning: string | null;
}

/** The result of a clean-up step (cancel, delete): what to tell the user if the keychain failed. */
export interface CleanupOutcome {
  keychainWarning: string | null;
}

function tokenRef(connectionId: string, next = false): SecretRef {
  return { kind: next ? 'scim-next-token' : 'scim-token', connectionId };
}

function handleRef(handle: SecretHandle): SecretRef {
  return { kind: handle.kind, connectionId: handle.connectionId };
}

function cleanupWarning(failures: (AppError | null)[]): string | null {
  const failure = failures.find((f) => f !== null);
  if (!failure) return null;
  const reason = failure.message.replace(/\.$/, '');
  return `A token that no longer works could not be removed from the keychain (${reason}). It does no harm there; to remove it later: ${failure.hint}`;
}

/**
 * The life of a SCIM bearer token on this computer, called by the Stytch layer at each step:
 * create → {@link saveCreatedToken}; rotate start → {@link saveNextToken}; rotate complete →
 * {@link completeRotation}; rotate cancel → {@link cancelRotation}; delete →
 * {@link deleteConnection}. Each save resolves only once the token is in the keychain (or, if
 * the keychain refused, in memory with a warning), so the renderer never hears of a token that
 * could still be lost.
 */
export class ScimTokenVault {
  /** Fingerprints of token values already revealed this run (never the values themselves). */
  private readonly revealed = new Set<string>();

  constructor(
    private readonly deps: { keeper: SecretKeeper; index: ConnectionIndex; logger: Logger },
  ) {}

  /** Create: stores the token Stytch just returned, before anything is shown. */
  async saveCreatedToken(connection: IndexedConnection, token: string): Promise<TokenSaveOutcome> {
    const kept = await this.deps.keeper.keep(tokenRef(connection.connectionId), token);
    await this.remember(connection);
    return {
      token: { storage: kept.storage, last4: lastFour(token) },
      keychainWarning: kept.keychainWarning,
    };
  }

  /** Rotate start: stores the next token; the current one stays valid until completion. */
  async saveNextToken(connection: IndexedConnection, nextToken: string): Promise<TokenSaveOutcome> {
    const kept = await this.deps.keeper.keep(tokenRef(connection.connectionId, true), nextToken);
    await this.remember(connection);
    return {
      token: { storage: kept.storage, last4: lastFour(nextToken) },
      keychainWarning: kept.keychainWarning,
    };
  }

  /**
   * Rotate complete: the next token becomes the current one. When the next token is not on this
   * computer (kept in memory in an earlier run), the old current token is removed anyway since
   * Stytch no longer accepts it, and the status reads 'none'.
   */
  async completeRotation(connectionId: string): Promise<TokenSaveOutcome> {
    const next = await this.deps.keeper.read(tokenRef(connectionId, true));
    if (next === null) {
      this.deps.logger.warn('secrets.rotation-completed-without-next-token', { connectionId });
      const removed = await this.deps.keeper.forget(tokenRef(connectionId));
      return {
        token: { storage: 'none', last4: null },
        keychainWarning: cleanupWarning([removed.failure]),
      };
    }
    const kept = await this.deps.keeper.keep(tokenRef(connectionId), next);
    await this.deps.keeper.forget(tokenRef(connectionId, true));
    return {
      token: { storage: kept.storage, last4: lastFour(next) },
      keychainWarning: kept.keychainWarning,
    };
  }

  /** Rotate cancel: the next token is discarded; the current one stays. */
  async cancelRotation(connectionId: string): Promise<CleanupOutcome> {
    const removed = await this.deps.keeper.forget(tokenRef(connectionId, true));
    return { keychainWarning: cleanupWarning([removed.failure]) };
  }

  /** Delete connection: both tokens and the index entry go. */
  async deleteConnection(connectionId: string): Promise<CleanupOutcome> {
    const outcome = await this.removeTokens(connectionId);
    await this.forgetIndexEntry(() => this.deps.index.remove(connectionId));
    return { keychainWarning: cleanupWarning(outcome.failures) };
  }

  /** Removes every token of every connection recorded for the project; answers how many were removed. */
  async forgetProjectTokens(projectId: string): Promise<{ removed: number; failures: AppError[] }> {
    const connectionIds = await this.deps.index.connectionsOf(projectId);
    let removed = 0;
    const failures: AppError[] = [];
    for (const connectionId of connectionIds) {
      const outcome = await this.removeTokens(connectionId);
      removed += outcome.removed;
      failures.push(...outcome.failures.filter((f): f is AppError => f !== null));
    }
    await this.forgetIndexEntry(() => this.deps.index.removeProject(projectId));
    return { removed, failures };
  }

  /** Where the token (or next token) lives and its last four characters. */
  async status(handle: SecretHandle): Promise<TokenStatus> {
    return this.deps.keeper.status(handleRef(handle));
  }

  /** The token's value, for main-side use (clipboard, probe). Throws SECRET_NOT_FOUND or a keychain failure. */
  async readToken(handle: SecretHandle): Promise<string> {
    const value = await this.deps.keeper.read(handleRef(handle));
    if (value === null) {
      throw appFailure(
        'SECRET_NOT_FOUND',
        handle.kind === 'scim-next-token'
          ? 'The new token of this rotation is not stored on this computer.'
          : "This connection's SCIM token is not stored on this computer.",
        'If your keychain is locked, unlock it and try again. Otherwise start a token rotation to get a new token (Stytch shows each token only once), then paste it into Entra.',
      );
    }
    return value;
  }

  /** Reveals a token's value, once per value per run; later calls are refused (use Copy instead). */
  async revealOnce(handle: SecretHandle): Promise<string> {
    const value = await this.readToken(handle);
    const print = fingerprint(value);
    if (this.revealed.has(print)) {
      throw appFailure(
        'SECRET_ALREADY_REVEALED',
        'This token has already been shown once.',
        'Use Copy to put it on the clipboard instead; the clipboard is cleared again after a short while.',
      );
    }
    this.revealed.add(print);
    return value;
  }

  private async removeTokens(
    connectionId: string,
  ): Promise<{ removed: number; failures: (AppError | null)[] }> {
    const current = await this.deps.keeper.forget(tokenRef(connectionId));
    const next = await this.deps.keeper.forget(tokenRef(connectionId, true));
    return {
      removed: Number(current.removed) + Number(next.removed),
      failures: [current.failure, next.failure],
    };
  }

  private async remember(connection: IndexedConnection): Promise<void> {
    try {
      await this.deps.index.add(connection);
    } catch (error) {
      // The token itself is safe; only "forget this project" would miss it, so log and go on.
      if (!(error instanceof AppFailure)) throw error;
      this.deps.logger.warn('secrets.index-add-failed', { code: error.appError.code });
    }
  }

  private async forgetIndexEntry(change: () => Promise<void>): Promise<void> {
    try {
      await change();
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      this.deps.logger.warn('secrets.index-remove-failed', { code: error.appError.code });
    }
  }
}

import type { TokenStatus } from '../../shared/stytch/views';
import type { KeptSecret, SecretKeeper } from './secret-keeper';
import type { ScimTokenVault } from './scim-token-vault';
import type { SecretRef } from './secret-store';

/** What "forget this project" removed, and what to tell the user if the keychain failed. */
export interface ForgetProjectOutcome {
  /** How many secrets were removed (the project secret and every token of its connections). */
  removedSecrets: number;
  keychainWarning: string | null;
}

function projectRef(projectId: string): SecretRef {
  return { kind: 'stytch-project', projectId };
}

/**
 * The Stytch project secret: stored on "Connect to Stytch", read by main for each API call,
 * and removed, together with every SCIM token of the project, by "forget this project".
 */
export class ProjectSecrets {
  constructor(private readonly deps: { keeper: SecretKeeper; tokens: ScimTokenVault }) {}

  /** Stores the project secret (in memory with a warning if the keychain refuses). */
  async saveProjectSecret(projectId: string, secret: string): Promise<KeptSecret> {
    return this.deps.keeper.keep(projectRef(projectId), secret);
  }

  /** The project secret, or null when none is stored. Throws keychain failures (locked, denied…). */
  async readProjectSecret(projectId: string): Promise<string | null> {
    return this.deps.keeper.read(projectRef(projectId));
  }

  /** Where the project secret lives (never the secret). */
  async projectSecretStatus(projectId: string): Promise<TokenStatus> {
    return this.deps.keeper.status(projectRef(projectId));
  }

  /** Removes the project secret and every token of the project's connections. */
  async forgetProject(projectId: string): Promise<ForgetProjectOutcome> {
    const secret = await this.deps.keeper.forget(projectRef(projectId));
    const tokens = await this.deps.tokens.forgetProjectTokens(projectId);
    const failure = secret.failure ?? tokens.failures[0] ?? null;
    return {
      removedSecrets: Number(secret.removed) + tokens.removed,
      keychainWarning: failure
        ? `Some of this project's secrets could not be removed from the keychain (${failure.message.replace(/\.$/, '')}). ${failure.hint}`
        : null,
    };
  }
}

import type { SecretHandle, StytchEnvironment, TokenStatus } from '../../shared/stytch/views';

/**
 * What the Stytch layer needs from the keychain side (main/secrets/), and nothing more. The
 * shapes match `ScimTokenVault` and `ProjectSecrets`, so the composition root passes those in
 * unchanged; tests use small in-memory versions.
 */

/** A connection the app keeps a token for (ids only). */
export interface TokenOwner {
  projectId: string;
  organizationId: string;
  connectionId: string;
}

/** Where a token just went; `keychainWarning` is set when it is held in memory only. */
export interface TokenSaved {
  token: TokenStatus;
  keychainWarning: string | null;
}

/** The outcome of dropping a token: what to tell the user if the keychain failed. */
export interface TokenDropped {
  keychainWarning: string | null;
}

/** The SCIM token lifecycle, one method per step of the Stytch flow. */
export interface TokenKeeper {
  /** Create: keeps the token Stytch just returned. Resolves only once it is kept. */
  saveCreatedToken(connection: TokenOwner, token: string): Promise<TokenSaved>;
  /** Rotate start: keeps the next token; the current one stays. */
  saveNextToken(connection: TokenOwner, nextToken: string): Promise<TokenSaved>;
  /** Rotate complete: the next token becomes the current one. */
  completeRotation(connectionId: string): Promise<TokenSaved>;
  /** Rotate cancel: the next token is dropped. */
  cancelRotation(connectionId: string): Promise<TokenDropped>;
  /** Delete: both tokens are dropped. */
  deleteConnection(connectionId: string): Promise<TokenDropped>;
  /** Where a token lives and its last four characters. */
  status(handle: SecretHandle): Promise<TokenStatus>;
}

/** The Stytch project secret. */
export interface ProjectSecretKeeper {
  saveProjectSecret(
    projectId: string,
    secret: string,
  ): Promise<{ storage: 'keychain' | 'memory'; keychainWarning: string | null }>;
  /** The stored secret, or null. May throw a keychain AppFailure (locked, denied). */
  readProjectSecret(projectId: string): Promise<string | null>;
  /** Removes the project secret and every token of the project's connections. */
  forgetProject(
    projectId: string,
  ): Promise<{ removedSecrets: number; keychainWarning: string | null }>;
}

/** Which (real) project the app was last connected to, so a restart reconnects without asking. */
export interface ProjectMemory {
  remember(projectId: string, environment: StytchEnvironment): Promise<void>;
  recall(): Promise<{ projectId: string; environment: StytchEnvironment } | null>;
  forget(projectId: string): Promise<void>;
}

import type { KnownConnection } from '../../shared/settings/settings';

/**
 * Which SCIM connections belong to which Stytch project. Token account names hold only the
 * connection id (`scim-token:<connection_id>`), so "forget this project" needs this non-secret
 * index to find the project's tokens. The app keeps it in the settings file (see
 * main/settings/settings-connection-index.ts): it must survive restarts, it is not secret, and
 * listing the keychain instead would read every secret (and prompt on macOS) without telling
 * which project a connection belongs to.
 */

/** One connection the app holds (or held) a token for: the settings file's entry. */
export type IndexedConnection = KnownConnection;

/** The project → connections index. */
export interface ConnectionIndex {
  /** Records a connection (idempotent: a second add of the same id replaces the first). */
  add(entry: IndexedConnection): Promise<void>;
  /** Drops one connection. */
  remove(connectionId: string): Promise<void>;
  /** The ids of every connection recorded for the project. */
  connectionsOf(projectId: string): Promise<string[]>;
  /** Drops every connection of the project. */
  removeProject(projectId: string): Promise<void>;
}

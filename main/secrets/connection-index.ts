/**
 * Which SCIM connections belong to which Stytch project. Token account names hold only the
 * connection id (`scim-token:<connection_id>`), so "forget this project" needs this non-secret
 * index to find the project's tokens. The app keeps it in the settings file (see
 * main/settings/settings-connection-index.ts): it must survive restarts, it is not secret, and
 * listing the keychain instead would read every secret (and prompt on macOS) without telling
 * which project a connection belongs to.
 */

/** One connection the app holds (or held) a token for. */
export interface IndexedConnection {
  projectId: string;
  organizationId: string;
  connectionId: string;
}

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

/** An index in memory, for unit tests and the end-to-end bridge. */
export class MemoryConnectionIndex implements ConnectionIndex {
  private entries: IndexedConnection[] = [];

  add(entry: IndexedConnection): Promise<void> {
    this.entries = [...this.entries.filter((e) => e.connectionId !== entry.connectionId), entry];
    return Promise.resolve();
  }

  remove(connectionId: string): Promise<void> {
    this.entries = this.entries.filter((e) => e.connectionId !== connectionId);
    return Promise.resolve();
  }

  connectionsOf(projectId: string): Promise<string[]> {
    return Promise.resolve(
      this.entries.filter((e) => e.projectId === projectId).map((e) => e.connectionId),
    );
  }

  removeProject(projectId: string): Promise<void> {
    this.entries = this.entries.filter((e) => e.projectId !== projectId);
    return Promise.resolve();
  }
}

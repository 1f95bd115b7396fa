import type { KnownConnection, Settings } from '../../shared/settings/settings';

/**
 * Which SCIM connections belong to which Stytch project, kept in the settings file
 * (`knownConnections`). Token account names hold only the connection id
 * (`scim-token:<connection_id>`), so "forget this project" needs this non-secret index to find the
 * project's tokens. It must survive restarts and it is not secret; listing the keychain instead
 * would read every secret (and prompt on macOS) without telling which project a connection
 * belongs to. These are the changes to the settings the secrets service makes.
 */

/** Records a connection; a second record of the same id replaces the first. */
export function withConnection(settings: Settings, entry: KnownConnection): Settings {
  return {
    ...settings,
    knownConnections: [
      ...settings.knownConnections.filter((known) => known.connectionId !== entry.connectionId),
      { ...entry },
    ],
  };
}

/** Drops one connection. */
export function withoutConnection(settings: Settings, connectionId: string): Settings {
  return {
    ...settings,
    knownConnections: settings.knownConnections.filter(
      (known) => known.connectionId !== connectionId,
    ),
  };
}

/** Drops every connection of the project. */
export function withoutProject(settings: Settings, projectId: string): Settings {
  return {
    ...settings,
    knownConnections: settings.knownConnections.filter((known) => known.projectId !== projectId),
  };
}

/** The ids of every connection recorded for the project. */
export function connectionsOf(settings: Settings, projectId: string): string[] {
  return settings.knownConnections
    .filter((known) => known.projectId === projectId)
    .map((known) => known.connectionId);
}

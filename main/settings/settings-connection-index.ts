import type { ConnectionIndex, IndexedConnection } from '../secrets/connection-index';
import type { SettingsStore } from './settings-store';

/**
 * The project → connections index kept in the settings file (`knownConnections`). See
 * main/secrets/connection-index.ts for why it lives there. Saved set-ups that name a connection
 * count too, so a connection recorded only there is still forgotten with its project.
 */
export class SettingsConnectionIndex implements ConnectionIndex {
  constructor(private readonly settings: SettingsStore) {}

  async add(entry: IndexedConnection): Promise<void> {
    await this.settings.mutate((current) => ({
      ...current,
      knownConnections: [
        ...current.knownConnections.filter((known) => known.connectionId !== entry.connectionId),
        { ...entry },
      ],
    }));
  }

  async remove(connectionId: string): Promise<void> {
    await this.settings.mutate((latest) => ({
      ...latest,
      knownConnections: latest.knownConnections.filter(
        (known) => known.connectionId !== connectionId,
      ),
    }));
  }

  async connectionsOf(projectId: string): Promise<string[]> {
    const current = await this.settings.get();
    const ids = [
      ...current.knownConnections
        .filter((known) => known.projectId === projectId)
        .map((known) => known.connectionId),
      ...current.setups
        .filter((setup) => setup.projectId === projectId)
        .flatMap((setup) => (setup.connectionId === null ? [] : [setup.connectionId])),
    ];
    return [...new Set(ids)];
  }

  async removeProject(projectId: string): Promise<void> {
    await this.settings.mutate((current) => ({
      ...current,
      knownConnections: current.knownConnections.filter((known) => known.projectId !== projectId),
    }));
  }
}

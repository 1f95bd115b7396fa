import type { StytchEnvironment } from '../../shared/stytch/views';
import type { SettingsStore } from '../settings/settings-store';
import type { ProjectMemory } from './stytch-session';

/**
 * Keeps the connected project's ID and environment in the settings file (never the secret, which
 * stays in the keychain), so the next start reconnects on its own.
 */
export class SettingsProjectMemory implements ProjectMemory {
  constructor(private readonly settings: Pick<SettingsStore, 'get' | 'mutate'>) {}

  async remember(projectId: string, environment: StytchEnvironment): Promise<void> {
    await this.settings.mutate((current) => ({ ...current, projectId, environment }));
  }

  async recall(): Promise<{ projectId: string; environment: StytchEnvironment } | null> {
    const { projectId, environment } = await this.settings.get();
    return projectId !== null && environment !== null ? { projectId, environment } : null;
  }

  async forget(projectId: string): Promise<void> {
    await this.settings.mutate((current) =>
      current.projectId === projectId
        ? { ...current, projectId: null, environment: null }
        : current,
    );
  }
}

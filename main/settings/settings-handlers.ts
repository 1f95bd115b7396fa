import type { FeatureHandlers } from '../ipc/dispatch';
import type { SettingsStore } from './settings-store';

/** What the settings:* handlers use (a slice of `Services`). */
export interface SettingsServices {
  settings: SettingsStore;
}

/** The settings:* channels. */
export const settingsHandlers = {
  /**
   * The current settings. If the file was found damaged at start-up, the caller also gets one
   * `app:notice` warning saying so and where the damaged file was kept.
   */
  'settings:get': async (_request, services, emit) => {
    const settings = await services.settings.get();
    const problem = services.settings.takeProblem();
    if (problem)
      emit('app:notice', { level: 'warning', message: `${problem.message} ${problem.hint}` });
    return settings;
  },

  /** Applies the renderer's patch and answers the saved settings. */
  'settings:update': (request, services) => services.settings.update(request),
} satisfies FeatureHandlers<SettingsServices>;

import type { Handler } from '../ipc/dispatch';
import type { Services } from '../services';

/**
 * `settings:get`: the current settings. If the file was found damaged at start-up, the caller
 * also gets one `app:notice` warning saying so and where the damaged file was kept.
 */
export const getSettings: Handler<'settings:get', Services> = async (_request, services, emit) => {
  const settings = await services.settings.get();
  const problem = services.settings.takeProblem();
  if (problem)
    emit('app:notice', { level: 'warning', message: `${problem.message} ${problem.hint}` });
  return settings;
};

/** `settings:update`: applies the renderer's patch and answers the saved settings. */
export const updateSettings: Handler<'settings:update', Services> = (request, services) =>
  services.settings.update(request);

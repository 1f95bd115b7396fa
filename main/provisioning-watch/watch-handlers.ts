import type { FeatureHandlers } from '../ipc/dispatch';
import type { ProvisioningWatch } from './provisioning-watch';

/** What the watch:* handlers use (a slice of `Services`). */
export interface WatchServices {
  watch: Pick<ProvisioningWatch, 'start' | 'refresh' | 'stop'>;
}

/** The watch:* channels: step 7 watching members arrive in Stytch. */
export const watchHandlers = {
  /**
   * Starts watching the connection's members (answers after the first look) and pushes
   * `watch:update` to the window that asked after every later look.
   */
  'watch:start': (request, services, emit) =>
    services.watch.start(
      { organizationId: request.organizationId, connectionId: request.connectionId },
      (snapshot) => emit('watch:update', snapshot),
    ),

  /** Looks now, as when the admin presses Refresh. */
  'watch:refresh': (_request, services) => services.watch.refresh(),

  /** Stops looking (the window is hidden or the step was left). */
  'watch:stop': (_request, services) => services.watch.stop(),
} satisfies FeatureHandlers<WatchServices>;

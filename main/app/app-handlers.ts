import type { AppMode } from '../../shared/ipc';
import type { FeatureHandlers } from '../ipc/dispatch';
import { openExternalSafely, type ExternalOpener } from '../security/open-external';

/** Facts about the running app, supplied by the host. */
export interface AppFacts {
  name: string;
  version: string;
  platform: string;
}

/** What the app:* handlers use (a slice of `Services`). */
export interface AppServices {
  app: AppFacts;
  openExternal: ExternalOpener;
  /** Whether the connected project is the local sandbox (`StytchSession` fits). */
  stytch: { project(): { mode: AppMode } | null };
}

const KNOWN_PLATFORMS = ['darwin', 'win32', 'linux'] as const;

/** The app:* channels. */
export const appHandlers = {
  /** Version, platform and whether this is the real app or the sandbox. */
  'app:info': (_request, services) => {
    const { platform } = services.app;
    return {
      name: services.app.name,
      version: services.app.version,
      platform: (KNOWN_PLATFORMS as readonly string[]).includes(platform)
        ? (platform as (typeof KNOWN_PLATFORMS)[number])
        : 'other',
      // The sandbox can start at any time, so the mode follows the connected project.
      mode: services.stytch.project()?.mode ?? 'real',
    };
  },

  /** Opens an allow-listed https link in the system browser. */
  'app:openExternal': async (request, services) => {
    await openExternalSafely(request.url, services.openExternal);
    return { opened: true };
  },
} satisfies FeatureHandlers<AppServices>;

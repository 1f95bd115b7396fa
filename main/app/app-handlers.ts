import type { Handler } from '../ipc/dispatch';
import type { Services } from '../services';
import { openExternalSafely } from '../security/open-external';

const KNOWN_PLATFORMS = ['darwin', 'win32', 'linux'] as const;

/** `app:info`: version, platform and whether this is the real app or the sandbox. */
export const getAppInfo: Handler<'app:info', Services> = (_request, services) => {
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
};

/** `app:openExternal`: opens an allow-listed https link in the system browser. */
export const openExternalLink: Handler<'app:openExternal', Services> = async (
  request,
  services,
) => {
  await openExternalSafely(request.url, services.openExternal);
  return { opened: true };
};

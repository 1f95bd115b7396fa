import { appFailure } from '../../shared/errors';
import type { InvokeChannel } from '../../shared/ipc-channels';
import { getAppInfo, openExternalLink } from '../app/app-handlers';
import { copyToClipboard } from '../clipboard/clipboard-handlers';
import { revealSecret } from '../secrets/secrets-handlers';
import type { Services } from '../services';
import { getSettings, updateSettings } from '../settings/settings-handlers';
import type { Handler, HandlerTable } from './dispatch';

// TEMPORARY while the domain modules land this session; every entry below is replaced by a real
// handler before the work is committed as done.
const pending =
  <C extends InvokeChannel>(): Handler<C, Services> =>
  () => {
    throw appFailure(
      'INTERNAL_ERROR',
      'Not built yet.',
      'This part of the app is still being built.',
    );
  };

/**
 * The handler table: one entry per channel of `shared/ipc.ts`. Electron's IPC and the test
 * bridge both register exactly this table, so end-to-end tests exercise the real handlers.
 */
export const HANDLERS: HandlerTable<Services> = {
  'app:info': getAppInfo,
  'app:openExternal': openExternalLink,
  'settings:get': getSettings,
  'settings:update': updateSettings,
  'sandbox:start': pending(),
  'stytch:status': pending(),
  'stytch:connect': pending(),
  'stytch:forgetProject': pending(),
  'stytch:searchOrganizations': pending(),
  'scim:getConnection': pending(),
  'scim:createConnection': pending(),
  'scim:rotateStart': pending(),
  'scim:rotateComplete': pending(),
  'scim:rotateCancel': pending(),
  'scim:deleteConnection': pending(),
  'secrets:reveal': revealSecret,
  'clipboard:copy': copyToClipboard,
  'probe:run': pending(),
};

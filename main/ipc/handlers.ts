import { getAppInfo, openExternalLink } from '../app/app-handlers';
import { copyToClipboard } from '../clipboard/clipboard-handlers';
import { runProbeHandler } from '../probe/probe-handler';
import { sandboxStart } from '../sandbox/sandbox-handlers';
import { revealSecret } from '../secrets/secrets-handlers';
import type { Services } from '../services';
import { getSettings, updateSettings } from '../settings/settings-handlers';
import {
  scimCreateConnection,
  scimDeleteConnection,
  scimGetConnection,
  scimRotateCancel,
  scimRotateComplete,
  scimRotateStart,
} from '../stytch/scim-handlers';
import {
  stytchConnect,
  stytchForgetProject,
  stytchSearchOrganizations,
  stytchStatus,
} from '../stytch/stytch-handlers';
import type { HandlerTable } from './dispatch';

/**
 * The handler table: one entry per channel of `shared/ipc.ts`. Electron's IPC and the test
 * bridge both register exactly this table, so end-to-end tests exercise the real handlers.
 */
export const HANDLERS: HandlerTable<Services> = {
  'app:info': getAppInfo,
  'app:openExternal': openExternalLink,
  'settings:get': getSettings,
  'settings:update': updateSettings,
  'sandbox:start': sandboxStart,
  'stytch:status': stytchStatus,
  'stytch:connect': stytchConnect,
  'stytch:forgetProject': stytchForgetProject,
  'stytch:searchOrganizations': stytchSearchOrganizations,
  'scim:getConnection': scimGetConnection,
  'scim:createConnection': scimCreateConnection,
  'scim:rotateStart': scimRotateStart,
  'scim:rotateComplete': scimRotateComplete,
  'scim:rotateCancel': scimRotateCancel,
  'scim:deleteConnection': scimDeleteConnection,
  'secrets:reveal': revealSecret,
  'clipboard:copy': copyToClipboard,
  'probe:run': runProbeHandler,
};

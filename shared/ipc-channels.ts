/**
 * Channel names only, with no imports: the sandboxed preload bundles this file, and it must stay
 * tiny (zod and the schemas live in ipc.ts, which only main and the renderer load).
 * `ipc.ts` checks at compile time that its contract covers exactly these names.
 */

/** Request/response channels, `domain:verb`. */
export const INVOKE_CHANNELS = [
  'app:info',
  'app:openExternal',
  'settings:get',
  'settings:update',
  'sandbox:start',
  'sandbox:createTestUser',
  'stytch:status',
  'stytch:connect',
  'stytch:forgetProject',
  'stytch:searchOrganizations',
  'scim:getConnection',
  'scim:createConnection',
  'scim:rotateStart',
  'scim:rotateComplete',
  'scim:rotateCancel',
  'scim:deleteConnection',
  'scim:getGroupRoles',
  'scim:setGroupRoles',
  'secrets:reveal',
  'clipboard:copy',
  'probe:run',
  'watch:start',
  'watch:refresh',
  'watch:stop',
  'rehearsal:get',
  'rehearsal:run',
  'microsoft:status',
  'microsoft:signIn',
  'microsoft:cancelSignIn',
  'microsoft:signOut',
  'entra:get',
  'entra:findApps',
  'entra:createApp',
  'entra:useApp',
  'entra:ensureJob',
  'entra:testConnection',
  'entra:saveCredentials',
  'entra:readMapping',
  'entra:fixMapping',
  'entra:searchDirectory',
  'entra:assign',
  'entra:unassign',
  'entra:readScope',
  'entra:setAssignedOnly',
  'entra:start',
  'entra:provisionOnDemand',
  'entra:health',
  'entra:restart',
  'fleet:overview',
  'fleet:refresh',
  'fleet:sweepStart',
  'fleet:sweepCancel',
  'fleet:sweepStatus',
  'fleet:saveReport',
  'rotation:get',
  'rotation:checkPending',
  'rotation:run',
  'rotation:planSelection',
  'rotation:runSelection',
  'rotation:stopSelection',
] as const;

/** Events main pushes to the renderer. */
export const EVENT_CHANNELS = [
  'app:notice',
  'probe:progress',
  'watch:update',
  'entra:onDemandWait',
  'fleet:progress',
  'rotation:progress',
] as const;

/** A request/response channel name. */
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

/** An event channel name. */
export type EventChannel = (typeof EVENT_CHANNELS)[number];

/** Narrows an unknown value to an invoke channel name. */
export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}

/** Narrows an unknown value to an event channel name. */
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}

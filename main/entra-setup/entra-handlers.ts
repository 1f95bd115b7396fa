import type { FeatureHandlers } from '../ipc/dispatch';
import type { EntraSetup } from './entra-setup';

/** What the entra:* handlers use (a slice of `Services`). */
export interface EntraServices {
  entra: EntraSetup;
}

/**
 * The entra:* channels: the Entra steps through Microsoft Graph. Requests name Stytch and Graph
 * objects by id; main finds the Tenant URL in Stytch and the token in the keychain.
 */
export const entraHandlers = {
  'entra:get': (request, services) => services.entra.get(request.organizationId),

  'entra:findApps': async (request, services) => ({
    apps: await services.entra.findApps(request.organizationId, request.displayName),
  }),

  'entra:createApp': (request, services) =>
    services.entra.createApp(request.organizationId, request.displayName),

  /** Links a SCIM app found by name; asks first (`confirm`) when its job provisions elsewhere. */
  'entra:useApp': (request, services) =>
    services.entra.useApp(request.organizationId, request.servicePrincipalId, request.confirmHost),

  'entra:ensureJob': (request, services) => services.entra.ensureJob(request.organizationId),

  /** A failing Test Connection is an answer (`lastTest.passed: false`), not an error. */
  'entra:testConnection': (request, services) =>
    services.entra.testConnection(request.organizationId, request.connectionId),

  'entra:saveCredentials': (request, services) =>
    services.entra.saveCredentials(request.organizationId, request.connectionId),

  'entra:readMapping': (request, services) => services.entra.readMapping(request.organizationId),

  'entra:fixMapping': (request, services) =>
    services.entra.fixMapping(request.organizationId, request.fingerprint),

  'entra:searchDirectory': async (request, services) => ({
    principals: await services.entra.searchDirectory(request.kind, request.text),
  }),

  'entra:assign': (request, services) =>
    services.entra.assign(request.organizationId, request.principals),

  /** Removes the user's or group's assignments; Entra deprovisions them at its next cycle. */
  'entra:unassign': (request, services) =>
    services.entra.unassign(request.organizationId, request.principalId),

  'entra:start': (request, services) => services.entra.start(request.organizationId),

  'entra:provisionOnDemand': (request, services) =>
    services.entra.provisionOnDemand(request.organizationId, request.userId),

  'entra:health': (request, services) => services.entra.health(request.organizationId),

  'entra:restart': (request, services) => services.entra.restart(request.organizationId),
} satisfies FeatureHandlers<EntraServices>;

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

  'entra:readScope': (request, services) => services.entra.readScope(request.organizationId),

  /** SyncAll false ("Sync only assigned users and groups"), the job's other settings kept. */
  'entra:setAssignedOnly': (request, services) =>
    services.entra.setAssignedOnly(request.organizationId, request.connectionId),

  /** Refused (ENTRA_CONFIRMATION_REQUIRED) for an all/unknown scope the request did not confirm. */
  'entra:start': (request, services) =>
    services.entra.start(request.organizationId, request.confirmScope),

  /** Announces each wait for an assignment to replicate as `entra:onDemandWait`. */
  'entra:provisionOnDemand': (request, services, emit) => {
    const { organizationId, userId } = request;
    return services.entra.provisionOnDemand(organizationId, userId, (notice) =>
      emit('entra:onDemandWait', {
        organizationId,
        userId,
        attempts: notice.attempts,
        nextAttemptAt: new Date(notice.nextAttemptAt).toISOString(),
        giveUpAt: new Date(notice.giveUpAt).toISOString(),
      }),
    );
  },

  'entra:health': (request, services) => services.entra.health(request.organizationId),

  'entra:restart': (request, services) => services.entra.restart(request.organizationId),
} satisfies FeatureHandlers<EntraServices>;

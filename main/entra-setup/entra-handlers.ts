import type { FeatureHandlers } from '../ipc/dispatch';
import { createApp, ensureJob, findApps, getSetup, useApp } from './app-steps';
import {
  fixMapping,
  readMapping,
  saveCredentials,
  testConnection,
} from './credentials-mapping-steps';
import { changingMembers, type EntraStepDeps } from './entra-context';
import {
  assign,
  health,
  provisionOnDemand,
  restart,
  searchDirectory,
  start,
  unassign,
} from './provisioning-steps';
import { readScope, setAssignedOnly } from './scope-steps';

/** What the entra:* handlers use (a slice of `Services`): what every Entra step works with. */
export interface EntraServices {
  entra: EntraStepDeps;
}

/**
 * The entra:* channels: the Entra steps through Microsoft Graph, each the step function of its
 * step's file, in the order the admin walks them: app-steps.ts (the app and its job),
 * credentials-mapping-steps.ts (the job's credentials and externalId mapping), scope-steps.ts
 * (who the job provisions), provisioning-steps.ts (assignments, provisioning and the job's
 * health). The app and job are remembered per organization and tenant (settings `entraApps`);
 * what each step saw is this run's evidence. A step asked before the one it needs answers
 * ENTRA_STEP_MISSING. Requests name Stytch and Graph objects by id; main finds the Tenant URL in
 * Stytch and the token in the keychain.
 */
export const entraHandlers = {
  'entra:get': (request, { entra }) => getSetup(entra, request.organizationId),

  'entra:findApps': async (request, { entra }) => ({
    apps: await findApps(entra, request.organizationId, request.displayName),
  }),

  'entra:createApp': (request, { entra }) =>
    createApp(entra, request.organizationId, request.displayName),

  /** Links a SCIM app found by name; asks first (`confirm`) when its job provisions elsewhere. */
  'entra:useApp': (request, { entra }) =>
    useApp(entra, request.organizationId, request.servicePrincipalId, request.confirmHost),

  'entra:ensureJob': (request, { entra }) => ensureJob(entra, request.organizationId),

  /** A failing Test Connection is an answer (`lastTest.passed: false`), not an error. */
  'entra:testConnection': (request, { entra }) =>
    testConnection(entra, request.organizationId, request.connectionId),

  'entra:saveCredentials': (request, { entra }) =>
    saveCredentials(entra, request.organizationId, request.connectionId),

  'entra:readMapping': (request, { entra }) => readMapping(entra, request.organizationId),

  'entra:fixMapping': (request, { entra }) =>
    fixMapping(entra, request.organizationId, request.fingerprint),

  'entra:searchDirectory': async (request, { entra }) => ({
    principals: await searchDirectory(entra, request.kind, request.text),
  }),

  'entra:assign': (request, { entra }) => assign(entra, request.organizationId, request.principals),

  /** Removes the user's or group's assignments; Entra deprovisions them at its next cycle. */
  'entra:unassign': (request, { entra }) =>
    changingMembers(entra, request.organizationId, () =>
      unassign(entra, request.organizationId, request.principalId),
    ),

  'entra:readScope': (request, { entra }) => readScope(entra, request.organizationId),

  /** SyncAll false ("Sync only assigned users and groups"), the job's other settings kept. */
  'entra:setAssignedOnly': (request, { entra }) =>
    setAssignedOnly(entra, request.organizationId, request.connectionId),

  /** Refused (ENTRA_CONFIRMATION_REQUIRED) for an all/unknown scope the request did not confirm. */
  'entra:start': (request, { entra }) =>
    changingMembers(entra, request.organizationId, () =>
      start(entra, request.organizationId, request.confirmScope),
    ),

  /** Announces each wait for an assignment to replicate as `entra:onDemandWait`. */
  'entra:provisionOnDemand': (request, { entra }, emit) => {
    const { organizationId, userId } = request;
    return changingMembers(entra, organizationId, () =>
      provisionOnDemand(entra, organizationId, userId, (notice) =>
        emit('entra:onDemandWait', {
          organizationId,
          userId,
          attempts: notice.attempts,
          nextAttemptAt: new Date(notice.nextAttemptAt).toISOString(),
          giveUpAt: new Date(notice.giveUpAt).toISOString(),
        }),
      ),
    );
  },

  'entra:health': (request, { entra }) => health(entra, request.organizationId),

  'entra:restart': (request, { entra }) =>
    changingMembers(entra, request.organizationId, () => restart(entra, request.organizationId)),
} satisfies FeatureHandlers<EntraServices>;

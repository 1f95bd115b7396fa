import { appFailure, type AppFailure } from '../../shared/errors';

/**
 * The Entra steps' own refusals: a step asked before the one it builds on, or a change whose
 * ground moved. Graph's errors come worded from main/graph/graph-errors.ts.
 */

/**
 * A Graph write for an app that another account created or chose (or one linked before apps
 * were tied to who confirmed them): the admin at the keyboard confirms it again first.
 */
export function accountChanged(
  confirmedBy: { username: string } | null,
  signedInAs: string,
): AppFailure {
  return appFailure(
    'ENTRA_ACCOUNT_CHANGED',
    confirmedBy === null
      ? `The Entra app for this organization was chosen before the assistant kept who chose it, so nothing was changed in Entra (signed in as ${signedInAs}).`
      : `The Entra app for this organization was chosen by ${confirmedBy.username}, but ${signedInAs} is signed in now, so nothing was changed in Entra.`,
    confirmedBy === null
      ? 'In the "Enterprise app" step, find the app and choose "Use this app" again to confirm it.'
      : `Sign in as ${confirmedBy.username}, or find the app in the "Enterprise app" step and choose "Use this app" to confirm it as ${signedInAs}.`,
  );
}

/** No enterprise app is linked to this organization (in this tenant) yet. */
export function noEntraApp(): AppFailure {
  return appFailure(
    'ENTRA_STEP_MISSING',
    'No Entra app yet for this organization in the signed-in tenant.',
    'First find the enterprise app made for Stytch, or create one, in the "Enterprise app" step.',
  );
}

/** The app has no provisioning job the assistant knows of. */
export function noProvisioningJob(): AppFailure {
  return appFailure(
    'ENTRA_STEP_MISSING',
    'The Entra app has no provisioning job yet.',
    'Run the "Provisioning job" step first: it creates the SCIM job if the app has none.',
  );
}

/** Unassign asked for a user or group that holds no role on the app (ours to refuse: Graph has no such call). */
export function notAssigned(principalId: string): AppFailure {
  return appFailure(
    'ENTRA_NOT_ASSIGNED',
    `This user or group (object ID ${principalId}) is not assigned to the Entra app, so there is nothing to unassign.`,
    'Someone may have unassigned them already, here or in the Entra admin center (Enterprise applications → the app → Users and groups).',
  );
}

/** The schema changed between reading the mapping and fixing it. */
export function schemaChanged(): AppFailure {
  return appFailure(
    'GRAPH_CONFLICT',
    'The provisioning job’s attribute mappings changed since they were read, so the fix was not applied.',
    'Someone (or Entra) edited the mappings meanwhile. Read the mapping again, check the change shown, then apply it.',
  );
}

/** The job's schema has no mapping of Entra users to SCIM users to check. */
export function noUserMapping(): AppFailure {
  return appFailure(
    'GRAPH_UNEXPECTED_RESPONSE',
    'The provisioning job’s schema has no mapping of Microsoft Entra ID users to SCIM users.',
    'Open the app in Entra ID → Provisioning → Mappings and check that "Provision Microsoft Entra ID Users" exists and is enabled, then read the mapping again.',
  );
}

import type { GraphActionName } from '../../../shared/entra/graph-permissions';
import type { EntraOp } from '../../state/entra-store';

/**
 * The Graph action (its delegated scopes) each operation needs, so "Sign in to Microsoft" after a
 * MICROSOFT_NOT_SIGNED_IN or MICROSOFT_CONSENT_REQUIRED asks exactly for what the panel runs.
 */
export const OP_ACTION: Readonly<Record<EntraOp, GraphActionName>> = {
  choice: 'read-apps',
  load: 'read-apps',
  find: 'read-apps',
  create: 'create-app',
  // Use reads the app's jobs and their settings (Graph beta `…/secrets`, this row's scope) to
  // check where the job provisions before linking it (main/entra-setup/app-guard.ts).
  use: 'configure-provisioning',
  job: 'configure-provisioning',
  test: 'configure-provisioning',
  save: 'configure-provisioning',
  'read-mapping': 'read-provisioning',
  'fix-mapping': 'configure-provisioning',
  assign: 'assign-users',
  unassign: 'assign-users',
  // The beta secrets read asks for the configure row (graph-operations.ts, secrets.list); the
  // user count's own row is asked by its call.
  scope: 'configure-provisioning',
  'assigned-only': 'configure-provisioning',
  start: 'configure-provisioning',
  'on-demand': 'configure-provisioning',
  health: 'read-provisioning',
  restart: 'configure-provisioning',
};

import { z } from 'zod';

import { ProvisioningLogRowSchema } from './log-row';

/**
 * Sandbox rehearsal (step 7, sandbox mode only): main plays Entra's provisioning service for a
 * built-in demo directory against the connection's sandbox SCIM endpoint. What it did is shown
 * as the simulator's provisioning log, shaped after Entra's (Graph's provisioningObjectSummary).
 */
export const RehearsalActionSchema = z.enum(['provision-on-demand', 'cycle', 'unassign']);

/** The simulator's own error (a failed opening check, nobody left to pick): a value, not a throw. */
const RehearsalErrorSchema = z.object({ code: z.string(), message: z.string(), hint: z.string() });

/** What one rehearsal action did. */
export const RehearsalRunSchema = z.object({
  at: z.string(),
  action: RehearsalActionSchema,
  /** What the simulated Entra ran; null when the action found nothing to do and sent nothing. */
  ran: z.enum(['on-demand', 'initial', 'incremental']).nullable(),
  /** The user the action picked (provision on demand, unassign), by display name. */
  user: z.string().nullable(),
  /** False when the run stopped early (its opening check failed, or the job was quarantined). */
  completed: z.boolean(),
  entries: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  error: RehearsalErrorSchema.nullable(),
});

/** The rehearsal of one connection: the demo directory, the simulated job and its log. */
export const RehearsalViewSchema = z.object({
  organizationId: z.string(),
  connectionId: z.string(),
  users: z.array(
    z.object({
      objectId: z.string(),
      userPrincipalName: z.string(),
      displayName: z.string(),
      /** In the app's scope: assigned directly or through an assigned group. */
      assigned: z.boolean(),
      /** Created or matched by the simulated job, which still manages it. */
      provisioned: z.boolean(),
    }),
  ),
  groups: z.array(
    z.object({
      objectId: z.string(),
      displayName: z.string(),
      assigned: z.boolean(),
      /** Display names of its members. */
      members: z.array(z.string()),
    }),
  ),
  /** Whom each action would pick now (display names); null when it has nobody to pick. */
  next: z.object({ onDemand: z.string().nullable(), unassign: z.string().nullable() }),
  job: z.object({
    state: z.enum(['running', 'quarantined']),
    quarantine: z
      .object({ reason: z.string(), code: z.string(), message: z.string(), since: z.string() })
      .nullable(),
  }),
  /** Newest first. */
  runs: z.array(RehearsalRunSchema),
  /** Newest first, at most the latest {@link MAX_REHEARSAL_LOG} entries. */
  log: z.array(ProvisioningLogRowSchema),
});

/** How many log entries a rehearsal view carries (a session's rehearsal writes a few dozen). */
export const MAX_REHEARSAL_LOG = 200;

export type RehearsalAction = z.infer<typeof RehearsalActionSchema>;
export type RehearsalRun = z.infer<typeof RehearsalRunSchema>;
export type RehearsalView = z.infer<typeof RehearsalViewSchema>;

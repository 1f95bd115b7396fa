import { z } from 'zod';

const LogStatusSchema = z.enum(['Success', 'Failure', 'Skipped']);

/**
 * One object a provisioning run touched, as Entra's provisioning log lists it and opens it (its
 * Steps, Modified Properties and error): Graph's provisioningObjectSummary, trimmed to what the
 * wizard shows. The sandbox rehearsal's simulated log and Entra's own log (read through Graph)
 * both arrive in this shape.
 */
export const ProvisioningLogRowSchema = z.object({
  changeId: z.string(),
  cycleId: z.string(),
  /** What ran it; null when the log does not say (Graph's provisioning log does not). */
  trigger: z.enum(['cycle', 'onDemand']).nullable(),
  activityDateTime: z.string(),
  identityType: z.enum(['User', 'Group']),
  sourceIdentity: z.object({ id: z.string(), displayName: z.string() }),
  /** The SCIM server's id, '' while there is none. */
  targetIdentity: z.object({ id: z.string() }),
  action: z.enum(['Create', 'Update', 'Disable', 'Delete', 'Other']),
  status: LogStatusSchema,
  steps: z.array(
    z.object({
      name: z.enum(['Import', 'Scope', 'Match', 'Action']),
      status: LogStatusSchema,
      description: z.string(),
      details: z.record(z.string(), z.string()),
    }),
  ),
  modifiedProperties: z.array(
    z.object({
      displayName: z.string(),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable(),
    }),
  ),
  /** The error code and Entra's reason text (the server's answer quoted, secrets masked). */
  error: z.object({ errorCode: z.string(), reason: z.string() }).nullable(),
});
export type ProvisioningLogRow = z.infer<typeof ProvisioningLogRowSchema>;

import { userAppRoleId } from '../graph/graph-queries';
import type { ServicePrincipal, SynchronizationSchemaDocument } from '../graph/graph-schemas';
import type { AppContext, EntraContext, JobContext } from './entra-context';
import { noUserMapping } from './entra-errors';
import { userRule } from './external-id-mapping';

/**
 * The ids this run keeps for later steps (`Known` in entra-context.ts): kept when a step reads
 * the object they come from, found again here, read from Graph when not kept for that object.
 */

/** Assignment to an app with no roles uses "default access" (reference §3, not re-checked). */
export const DEFAULT_ACCESS_ROLE_ID = '00000000-0000-0000-0000-000000000000';

/** The role assignments use: "User", else any role open to users, else default access. */
export function assignmentRoleId(sp: ServicePrincipal): string {
  const open = sp.appRoles?.find((role) => role.allowedMemberTypes.includes('User'));
  return userAppRoleId(sp) ?? open?.id ?? DEFAULT_ACCESS_ROLE_ID;
}

/** The assignment role when `sp` came with its roles; null when Graph left them out. */
function knownRoleId(sp: ServicePrincipal): string | null {
  return sp.appRoles === undefined ? null : assignmentRoleId(sp);
}

/** Keeps the assignment role of a service principal just read, for assign. */
export function rememberRole(context: EntraContext, sp: ServicePrincipal) {
  const roleId = knownRoleId(sp);
  if (roleId !== null) context.known.assignmentRole = { spId: sp.id, roleId };
}

/** The assignment role: as read earlier in this run, else from the service principal now. */
export async function assignmentRole(context: AppContext): Promise<string> {
  const known = context.known.assignmentRole;
  if (known?.spId === context.spId) return known.roleId;
  const sp = await context.graph.getServicePrincipal(context.spId);
  rememberRole(context, sp);
  return assignmentRoleId(sp);
}

/** Keeps the user rule's id of a schema just read, for provisionOnDemand. */
export function rememberUserRule(context: JobContext, schema: SynchronizationSchemaDocument) {
  const rule = userRule(schema);
  context.known.userRule = rule === null ? null : { jobId: context.jobId, ruleId: rule.id };
}

/** The user rule's id: from this run's schema read of the job, else read now. */
export async function userRuleId(context: JobContext): Promise<string> {
  const known = context.known.userRule;
  if (known?.jobId === context.jobId) return known.ruleId;
  const rule = userRule(await context.graph.getSchema(context.spId, context.jobId));
  if (rule === null) throw noUserMapping();
  context.known.userRule = { jobId: context.jobId, ruleId: rule.id };
  return rule.id;
}

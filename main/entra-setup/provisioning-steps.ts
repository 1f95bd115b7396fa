import { AppFailure } from '../../shared/errors';
import type {
  DirectoryPrincipal,
  EntraHealth,
  EntraSetupView,
} from '../../shared/entra/entra-views';
import { ASSIGN_CONCURRENCY, mergedAssignments, unassignPrincipal } from './assignments';
import { mapBounded } from './bounded';
import type { AppRoleAssignment } from '../graph/graph-schemas';
import { SYSTEM_CLOCK, type RetryClock } from '../http/retry';
import type { AppContext, EntraStepDeps, JobContext } from './entra-context';
import { notAssigned } from './entra-errors';
import { assignmentView, groupPrincipal, jobView, userPrincipal } from './graph-views';
import { assignmentRole, userRuleId } from './known-ids';
import { healthLog } from './log-rows';
import { onDemandView } from './on-demand-view';
import { provisionWhenAssigned, type AssignmentWaitNotice } from './on-demand-wait';
import { checkStartScope } from './scope-steps';

/** The last steps: who is in scope (assignments), then provisioning them and watching the job. */

/** Log entries read for a health view: enough to find the failures among the latest. */
const HEALTH_LOG_READ = 200;

/** Users or groups for the pickers, from the signed-in tenant. */
export async function searchDirectory(
  { contexts }: EntraStepDeps,
  kind: 'user' | 'group',
  text: string,
): Promise<DirectoryPrincipal[]> {
  const graph = await contexts.graph('pick-users-and-groups');
  return kind === 'user'
    ? (await graph.directory.searchUsers(text)).map(userPrincipal)
    : (await graph.directory.searchGroups(text)).map(groupPrincipal);
}

/** Assigns users and groups to the app's role; one already assigned is not an error. */
export async function assign(
  { contexts, options }: EntraStepDeps,
  organizationId: string,
  principals: readonly { id: string }[],
): Promise<{
  view: EntraSetupView;
  outcomes: { principalId: string; alreadyAssigned: boolean }[];
}> {
  const context = await contexts.withApp(organizationId, 'assign-users');
  const { graph, spId } = context;
  const roleId = await assignmentRole(context);
  // Still read: the answers alone would miss assignments made by hand in the portal or before
  // this run, and an "already exists" answer has no name or type to show. Read alongside the
  // POSTs (it needs none of them), with the assignments they made merged in.
  const [posted, listed] = await Promise.allSettled([
    // Independent POSTs, a few at a time; outcomes stay in the order the principals came.
    mapBounded(principals, ASSIGN_CONCURRENCY, (principal) =>
      graph.directory.assign(spId, principal.id, roleId),
    ),
    graph.directory.listAssignments(spId),
  ]);
  // A failed POST is the news; a failed list read only matters when every POST went through.
  if (posted.status === 'rejected') throw posted.reason;
  if (listed.status === 'rejected') throw listed.reason;
  const answers = posted.value;
  const made = answers.flatMap((answer) => (answer.alreadyAssigned ? [] : [answer.assignment]));
  rememberAssigned(context, made, clockOf(options).now());
  const assignments = mergedAssignments(listed.value, made);
  context.evidence.assignments = assignments.map(assignmentView);
  const outcomes = principals.map((principal, index) => ({
    principalId: principal.id,
    alreadyAssigned: answers[index]?.alreadyAssigned ?? false,
  }));
  return { view: contexts.view(context), outcomes };
}

/**
 * Removes every role the user or group holds on the app. Entra's next cycle then finds them out
 * of scope and deprovisions them (a user is deactivated: how-provisioning-works.md,
 * "Deprovisioning", as main/sandbox/entra-simulator plays it). ENTRA_NOT_ASSIGNED when they hold none;
 * the view's list is refreshed from the read either way.
 */
export async function unassign(
  { contexts }: EntraStepDeps,
  organizationId: string,
  principalId: string,
): Promise<EntraSetupView> {
  const context = await contexts.withApp(organizationId, 'assign-users');
  const outcome = await unassignPrincipal(context.graph.directory, context.spId, principalId);
  context.evidence.assignments = outcome.remaining.map(assignmentView);
  if (outcome.removed === 0) throw notAssigned(principalId);
  return contexts.view(context);
}

/**
 * Starts provisioning cycles, once the job's scope allows it: assigned-only, or "all" / unknown
 * with `confirmScope` naming it (checkStartScope reads it again here, in main).
 */
export async function start(
  deps: EntraStepDeps,
  organizationId: string,
  confirmScope?: 'all' | 'unknown',
): Promise<EntraSetupView> {
  const { contexts } = deps;
  const context = await contexts.withJob(organizationId, 'configure-provisioning');
  await checkStartScope(deps, context, confirmScope);
  await context.graph.startJob(context.spId, context.jobId);
  // Read back: start answers 204 with no body, and the view shows Graph's own status, schedule
  // and quarantine after it (a quarantined or unconfigured job need not become Active).
  await refreshJob(context);
  return contexts.view(context);
}

/**
 * Provisions one user now, with Entra's steps (the user rule's id from the job's schema). Right
 * after this run assigned them, Entra may not honour the assignment yet: the run is repeated
 * with backoff for a few minutes, each wait announced through `onWait` (on-demand-wait.ts).
 */
export async function provisionOnDemand(
  { contexts, options }: EntraStepDeps,
  organizationId: string,
  userId: string,
  onWait: (notice: AssignmentWaitNotice) => void = () => undefined,
): Promise<EntraSetupView> {
  const context = await contexts.withJob(organizationId, 'configure-provisioning');
  const { graph, spId, jobId, evidence } = context;
  const ruleId = await userRuleId(context);
  const run = async () =>
    onDemandView(
      userId,
      await graph.provisionOnDemand(spId, jobId, ruleId, {
        objectId: userId,
        objectTypeName: 'User',
      }),
    );
  const clock = clockOf(options);
  const view = await provisionWhenAssigned(run, assignedAtFor(context, userId), clock, onWait);
  const assigned = evidence.assignments?.find((a) => a.principalId === userId)?.displayName;
  evidence.lastOnDemand = { ...view, userDisplayName: view.userDisplayName ?? assigned ?? null };
  return contexts.view(context);
}

/** The job's status and recent log; a log that cannot be read is `logError`, not a failure. */
export async function health(
  { contexts, options }: EntraStepDeps,
  organizationId: string,
): Promise<EntraHealth> {
  const context = await contexts.withJob(organizationId, 'read-provisioning', 'read');
  const job = await refreshJob(context);
  try {
    const { entries, unreadable } = await context.graph.listProvisioningLogs(context.jobId, {
      maxRows: HEALTH_LOG_READ,
    });
    return { job, log: healthLog(entries), logError: null, unreadable };
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    options.logger.warn('entra.health-log-failed', { code: error.appError.code });
    return { job, log: [], logError: error.appError, unreadable: 0 };
  }
}

/** "Restart provisioning" (clears quarantine and watermark), then the health view. */
export async function restart(deps: EntraStepDeps, organizationId: string): Promise<EntraHealth> {
  const context = await deps.contexts.withJob(organizationId, 'configure-provisioning');
  await context.graph.restartJob(context.spId, context.jobId);
  return health(deps, organizationId);
}

/** The clock on-demand waits and assignment times use: the app's, real time unless a test's. */
function clockOf(options: EntraStepDeps['options']): RetryClock {
  return options.clock ?? SYSTEM_CLOCK;
}

/** Notes when this run assigned users and groups to the app (on-demand-wait.ts). */
function rememberAssigned(context: AppContext, made: readonly AppRoleAssignment[], at: number) {
  const known = context.known.assignedAt?.spId === context.spId ? context.known.assignedAt : null;
  const times = known?.at ?? new Map<string, { at: number; group: boolean }>();
  for (const assignment of made)
    times.set(assignment.principalId, { at, group: assignment.principalType === 'Group' });
  context.known.assignedAt = { spId: context.spId, at: times };
}

/**
 * When this run made the assignment that may put the user in scope: their own, else the latest
 * group assignment (they may be one of its members; Entra's scoping step says whether they are).
 * Null when this run assigned neither.
 */
function assignedAtFor(context: AppContext, userId: string): number | null {
  const known = context.known.assignedAt;
  if (known?.spId !== context.spId) return null;
  const own = known.at.get(userId);
  if (own !== undefined) return own.at;
  const groups = [...known.at.values()].filter((entry) => entry.group).map((entry) => entry.at);
  return groups.length === 0 ? null : Math.max(...groups);
}

async function refreshJob(context: JobContext) {
  const job = jobView(await context.graph.getJob(context.spId, context.jobId));
  context.evidence.job = job;
  return job;
}

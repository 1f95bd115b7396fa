import { AppFailure } from '../../shared/errors';
import type {
  DirectoryPrincipal,
  EntraApp,
  EntraHealth,
  EntraSetupView,
  EntraTestResult,
} from '../../shared/entra/entra-views';
import type { SecretHandle } from '../../shared/stytch/views';
import { userAppRoleId, type ScimCredentials } from '../graph/graph-queries';
import type {
  ServicePrincipal,
  SynchronizationJob,
  SynchronizationSchemaDocument,
} from '../graph/graph-schemas';
import { redactAndCut } from '../logging/redact';
import { connectionTenantUrl, type ConnectionLookup } from '../stytch/connection-tenant-url';
import { ASSIGN_CONCURRENCY, mergedAssignments, unassignPrincipal } from './assignments';
import { mapBounded } from './bounded';
import {
  EntraContexts,
  type AppContext,
  type EntraContext,
  type EntraContextOptions,
  type JobContext,
} from './entra-context';
import { notAssigned, noUserMapping, schemaChanged } from './entra-errors';
import {
  readExternalIdMapping,
  schemaFingerprint,
  userRule,
  withObjectIdExternalId,
} from './external-id-mapping';
import {
  assignmentView,
  entraAppView,
  groupPrincipal,
  jobView,
  userPrincipal,
} from './graph-views';
import { healthLog } from './log-rows';
import { onDemandView } from './on-demand-view';

/** Assignment to an app with no roles uses "default access" (reference §3, not re-checked). */
export const DEFAULT_ACCESS_ROLE_ID = '00000000-0000-0000-0000-000000000000';

/** Log entries read for a health view: enough to find the failures among the latest. */
const HEALTH_LOG_READ = 200;

export { ASSIGN_CONCURRENCY } from './assignments';

/** What {@link EntraSetup} is built from (by the composition root). */
export interface EntraSetupOptions extends EntraContextOptions {
  /** Where a connection's SCIM endpoint is, from Stytch (never from the renderer). */
  stytch: ConnectionLookup;
  /** The SCIM token, read in main by its handle. */
  secrets: { readToken(handle: SecretHandle): Promise<string> };
  now?: () => Date;
}

/** The role assignments use: "User", else any role open to users, else default access. */
export function assignmentRoleId(sp: ServicePrincipal): string {
  const open = sp.appRoles?.find((role) => role.allowedMemberTypes.includes('User'));
  return userAppRoleId(sp) ?? open?.id ?? DEFAULT_ACCESS_ROLE_ID;
}

/** The assignment role when `sp` came with its roles; null when Graph left them out. */
function knownRoleId(sp: ServicePrincipal): string | null {
  return sp.appRoles === undefined ? null : assignmentRoleId(sp);
}

/** The job to work on: the `scim` one (reference §2), else the first. */
function pickJob(jobs: readonly SynchronizationJob[]): SynchronizationJob | null {
  return (
    jobs.find((job) => job.templateId === 'scim' || job.id.startsWith('scim.')) ?? jobs[0] ?? null
  );
}

/**
 * The Entra steps through Microsoft Graph, one method per `entra:*` channel, each usable on its
 * own. The app and job are remembered per organization and tenant (settings `entraApps`); what
 * each step saw is this run's evidence, returned as an {@link EntraSetupView}. A step asked
 * before the one it needs answers ENTRA_STEP_MISSING.
 */
export class EntraSetup {
  private readonly contexts: EntraContexts;
  private readonly now: () => Date;

  constructor(private readonly options: EntraSetupOptions) {
    this.contexts = new EntraContexts(options);
    this.now = options.now ?? (() => new Date());
  }

  /** What is known; refreshes the app and job from Graph when one is linked. */
  async get(organizationId: string): Promise<EntraSetupView> {
    let context: EntraContext;
    try {
      context = await this.contexts.context(organizationId);
    } catch (error) {
      if (error instanceof AppFailure && error.appError.code === 'MICROSOFT_NOT_SIGNED_IN')
        return this.contexts.emptyView(organizationId);
      throw error;
    }
    const link = await this.contexts.links.find(context.key);
    if (link !== null) {
      const sp = await context.graph.getServicePrincipal(link.servicePrincipalId);
      context.evidence.app = entraAppView(sp);
      this.rememberRole(context, sp);
      context.evidence.job =
        link.jobId === null
          ? null
          : jobView(await context.graph.getJob(link.servicePrincipalId, link.jobId));
    }
    return this.contexts.view(context);
  }

  /** Enterprise apps with this name, the non-gallery ones first. */
  async findApps(organizationId: string, displayName: string): Promise<EntraApp[]> {
    const { graph } = await this.contexts.context(organizationId);
    return (await graph.findServicePrincipals(displayName)).map(entraAppView);
  }

  /**
   * Creates the non-gallery app and links it. The instantiate answer already carries the service
   * principal (id, appId, name, template, roles), so it is not read again here: the calls that
   * follow on it wait out replication themselves (operations marked `replicates`, `markCreated`).
   */
  async createApp(organizationId: string, displayName: string): Promise<EntraSetupView> {
    const context = await this.contexts.context(organizationId);
    const created = await context.graph.instantiateNonGalleryApp(displayName);
    return this.linkApp(context, created.servicePrincipal, null);
  }

  /** Links an existing app, and its SCIM job if it has one. */
  async useApp(organizationId: string, servicePrincipalId: string): Promise<EntraSetupView> {
    const context = await this.contexts.context(organizationId);
    const sp = await context.graph.getServicePrincipal(servicePrincipalId);
    const job = pickJob(await context.graph.listJobs(sp.id));
    const view = await this.linkApp(context, sp, job?.id ?? null);
    context.evidence.job = job === null ? null : jobView(job);
    return { ...view, job: context.evidence.job };
  }

  /** The app's provisioning job, created from the `scim` template when it has none. */
  async ensureJob(organizationId: string): Promise<EntraSetupView> {
    const context = await this.contexts.withApp(organizationId);
    const { graph, spId } = context;
    const job = pickJob(await graph.listJobs(spId)) ?? (await graph.createJob(spId));
    if (context.link.jobId !== job.id)
      await this.contexts.links.save({ ...context.link, jobId: job.id });
    context.evidence.job = jobView(job);
    return this.contexts.view(context);
  }

  /**
   * Entra's own Test Connection against the connection's endpoint. A refusal is evidence (its
   * SCIM code and Entra's words, masked), not a failed call; Graph's own failures still throw.
   */
  async testConnection(organizationId: string, connectionId: string): Promise<EntraSetupView> {
    const context = await this.contexts.withJob(organizationId);
    const credentials = await this.credentials(organizationId, connectionId, 'test');
    const check = await context.graph.validateCredentials(context.spId, context.jobId, credentials);
    const testedAt = this.now().toISOString();
    const mask = [credentials.secretToken];
    let result: EntraTestResult;
    if (check.ok) result = { connectionId, testedAt, passed: true, scimCode: null, error: null };
    else {
      const said = check.graphMessage === null ? '' : ` Entra said: ${check.graphMessage}`;
      const error = {
        ...check.error,
        message: redactAndCut(`${check.error.message}${said}`, 1_000, mask),
        hint: redactAndCut(check.error.hint, 1_000, mask),
      };
      result = { connectionId, testedAt, passed: false, scimCode: check.scimCode, error };
    }
    context.evidence.lastTest = result;
    return this.contexts.view(context);
  }

  /** Saves Tenant URL and Secret Token into the job (PUT secrets replaces the set: both sent). */
  async saveCredentials(organizationId: string, connectionId: string): Promise<EntraSetupView> {
    const context = await this.contexts.withApp(organizationId);
    const credentials = await this.credentials(organizationId, connectionId, 'save');
    await context.graph.saveSecrets(context.spId, credentials);
    context.evidence.credentialsSaved = { connectionId, at: this.now().toISOString() };
    return this.contexts.view(context);
  }

  /** Reads what the user mapping sends as externalId. */
  async readMapping(organizationId: string): Promise<EntraSetupView> {
    const context = await this.contexts.withJob(organizationId);
    const schema = await context.graph.getSchema(context.spId, context.jobId);
    this.rememberUserRule(context, schema);
    context.evidence.mapping = readExternalIdMapping(schema);
    return this.contexts.view(context);
  }

  /** Applies the change shown, only to the schema it was read from (GRAPH_CONFLICT otherwise). */
  async fixMapping(organizationId: string, fingerprint: string): Promise<EntraSetupView> {
    const context = await this.contexts.withJob(organizationId);
    const { graph, spId, jobId } = context;
    // Read again before writing: the safety check that the change applied is exactly the one shown.
    const schema = await graph.getSchema(spId, jobId);
    if (schemaFingerprint(schema) !== fingerprint) throw schemaChanged();
    this.rememberUserRule(context, schema);
    let mapping = readExternalIdMapping(schema);
    if (!mapping.correct) {
      const fixed = withObjectIdExternalId(schema);
      await graph.putSchema(spId, jobId, fixed);
      // Not read back: PUT replaced the whole document with the one sent, so that is the mapping.
      mapping = readExternalIdMapping(fixed);
    }
    context.evidence.mapping = mapping;
    return this.contexts.view(context);
  }

  /** Users or groups for the pickers, from the signed-in tenant. */
  async searchDirectory(kind: 'user' | 'group', text: string): Promise<DirectoryPrincipal[]> {
    const graph = await this.contexts.graph();
    return kind === 'user'
      ? (await graph.directory.searchUsers(text)).map(userPrincipal)
      : (await graph.directory.searchGroups(text)).map(groupPrincipal);
  }

  /** Assigns users and groups to the app's role; one already assigned is not an error. */
  async assign(
    organizationId: string,
    principals: readonly { id: string }[],
  ): Promise<{
    view: EntraSetupView;
    outcomes: { principalId: string; alreadyAssigned: boolean }[];
  }> {
    const context = await this.contexts.withApp(organizationId);
    const { graph, spId } = context;
    const roleId = await this.assignmentRole(context);
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
    const assignments = mergedAssignments(listed.value, made);
    context.evidence.assignments = assignments.map(assignmentView);
    const outcomes = principals.map((principal, index) => ({
      principalId: principal.id,
      alreadyAssigned: answers[index]?.alreadyAssigned ?? false,
    }));
    return { view: this.contexts.view(context), outcomes };
  }

  /**
   * Removes every role the user or group holds on the app. Entra's next cycle then finds them out
   * of scope and deprovisions them (a user is deactivated: how-provisioning-works.md,
   * "Deprovisioning", as main/entra-simulator plays it). ENTRA_NOT_ASSIGNED when they hold none;
   * the view's list is refreshed from the read either way.
   */
  async unassign(organizationId: string, principalId: string): Promise<EntraSetupView> {
    const context = await this.contexts.withApp(organizationId);
    const outcome = await unassignPrincipal(context.graph.directory, context.spId, principalId);
    context.evidence.assignments = outcome.remaining.map(assignmentView);
    if (outcome.removed === 0) throw notAssigned(principalId);
    return this.contexts.view(context);
  }

  /** Starts provisioning cycles. */
  async start(organizationId: string): Promise<EntraSetupView> {
    const context = await this.contexts.withJob(organizationId);
    await context.graph.startJob(context.spId, context.jobId);
    // Read back: start answers 204 with no body, and the view shows Graph's own status, schedule
    // and quarantine after it (a quarantined or unconfigured job need not become Active).
    await this.refreshJob(context);
    return this.contexts.view(context);
  }

  /** Provisions one user now, with Entra's steps (the user rule's id from the job's schema). */
  async provisionOnDemand(organizationId: string, userId: string): Promise<EntraSetupView> {
    const context = await this.contexts.withJob(organizationId);
    const { graph, spId, jobId, evidence } = context;
    const ruleId = await this.userRuleId(context);
    const outcome = await graph.provisionOnDemand(spId, jobId, ruleId, {
      objectId: userId,
      objectTypeName: 'User',
    });
    const view = onDemandView(userId, outcome);
    const assigned = evidence.assignments?.find((a) => a.principalId === userId)?.displayName;
    evidence.lastOnDemand = { ...view, userDisplayName: view.userDisplayName ?? assigned ?? null };
    return this.contexts.view(context);
  }

  /** The job's status and recent log; a log that cannot be read is `logError`, not a failure. */
  async health(organizationId: string): Promise<EntraHealth> {
    const context = await this.contexts.withJob(organizationId);
    const job = await this.refreshJob(context);
    try {
      const entries = await context.graph.listProvisioningLogs(context.jobId, {
        maxRows: HEALTH_LOG_READ,
      });
      return { job, log: healthLog(entries), logError: null };
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      this.options.logger.warn('entra.health-log-failed', { code: error.appError.code });
      return { job, log: [], logError: error.appError };
    }
  }

  /** "Restart provisioning" (clears quarantine and watermark), then the health view. */
  async restart(organizationId: string): Promise<EntraHealth> {
    const context = await this.contexts.withJob(organizationId);
    await context.graph.restartJob(context.spId, context.jobId);
    return this.health(organizationId);
  }

  private async linkApp(context: EntraContext, sp: ServicePrincipal, jobId: string | null) {
    const app = entraAppView(sp);
    const { organizationId, sandbox, tenantId } = context.key;
    const link = { organizationId, sandbox, tenantId, servicePrincipalId: sp.id, jobId };
    await this.contexts.link(context, link, app);
    this.rememberRole(context, sp);
    return this.contexts.view(context);
  }

  /** Keeps the assignment role of a service principal just read, for assign. */
  private rememberRole(context: EntraContext, sp: ServicePrincipal) {
    const roleId = knownRoleId(sp);
    if (roleId !== null) context.known.assignmentRole = { spId: sp.id, roleId };
  }

  /** The assignment role: as read earlier in this run, else from the service principal now. */
  private async assignmentRole(context: AppContext): Promise<string> {
    const known = context.known.assignmentRole;
    if (known?.spId === context.spId) return known.roleId;
    const sp = await context.graph.getServicePrincipal(context.spId);
    this.rememberRole(context, sp);
    return assignmentRoleId(sp);
  }

  /** Keeps the user rule's id of a schema just read, for provisionOnDemand. */
  private rememberUserRule(context: JobContext, schema: SynchronizationSchemaDocument) {
    const rule = userRule(schema);
    context.known.userRule = rule === null ? null : { jobId: context.jobId, ruleId: rule.id };
  }

  /** The user rule's id: from this run's schema read of the job, else read now. */
  private async userRuleId(context: JobContext): Promise<string> {
    const known = context.known.userRule;
    if (known?.jobId === context.jobId) return known.ruleId;
    const rule = userRule(await context.graph.getSchema(context.spId, context.jobId));
    if (rule === null) throw noUserMapping();
    context.known.userRule = { jobId: context.jobId, ruleId: rule.id };
    return rule.id;
  }

  private async refreshJob(context: JobContext) {
    const job = jobView(await context.graph.getJob(context.spId, context.jobId));
    context.evidence.job = job;
    return job;
  }

  /** Tenant URL from Stytch and the token from the keychain, both read here in main. */
  private async credentials(
    organizationId: string,
    connectionId: string,
    purpose: string,
  ): Promise<ScimCredentials> {
    const { stytch, secrets } = this.options;
    const baseAddress = await connectionTenantUrl(stytch, organizationId, connectionId, purpose);
    const secretToken = await secrets.readToken({ kind: 'scim-token', connectionId });
    return { baseAddress, secretToken };
  }
}

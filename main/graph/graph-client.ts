import type { AppError } from '../../shared/errors';
import { registerSecret } from '../logging/redact';
import type { RetryClock } from '../http/retry';
import { GraphCallError, scimCodeIn } from './graph-errors';
import { GraphCaller } from './graph-caller';
import { GraphDirectoryClient } from './graph-directory-client';
import {
  DEFAULT_RESET_SCOPE,
  NON_GALLERY_TEMPLATE_ID,
  odataString,
  provisioningLogFilter,
  rankServicePrincipals,
  SCIM_JOB_TEMPLATE_ID,
  readOnDemandAnswer,
  secretPairs,
  SP_SELECT,
  type KeptSetting,
  type OnDemandOutcome,
  type ScimCredentials,
} from './graph-queries';
import {
  collectionOf,
  InstantiateResponseSchema,
  NoContentSchema,
  OnDemandResponseSchema,
  ProvisioningObjectSummarySchema,
  SecretSettingsSchema,
  ServicePrincipalSchema,
  SynchronizationJobSchema,
  SynchronizationSchemaSchema,
  SynchronizationTemplateSchema,
  type ProvisioningObjectSummary,
  type SecretSetting,
  type ServicePrincipal,
  type SynchronizationJob,
  type SynchronizationSchemaDocument,
  type SynchronizationTemplate,
} from './graph-schemas';
import type { GraphTransport } from './graph-transport';
import { SlidingWindowLimiter } from './rate-limiter';

export type { KeptSetting, OnDemandOutcome, ScimCredentials } from './graph-queries';
export type { SecretSetting } from './graph-schemas';

/** Display names are not unique, but a few pages of look-alikes is already more than anyone picks from. */
const SP_PAGE_LIMITS = { maxPages: 5, maxItems: 500 };
/** Log rows read by default, and the most pages a log read may take. */
const DEFAULT_LOG_ROWS = 200;
const LOG_MAX_PAGES = 5;

/** Test Connection's outcome: a refusal is an answer, not an exception. */
export type CredentialCheck =
  | { ok: true }
  | { ok: false; error: AppError; scimCode: string | null; graphMessage: string | null };

/** One subject of provisionOnDemand (reference §2, [G-jobparams]). */
export interface OnDemandSubject {
  objectId: string;
  objectTypeName: 'User' | 'Group';
  links?: { members: { objectId: string; objectTypeName: 'User' }[] };
}

/**
 * The Microsoft Graph calls that set up and watch Entra provisioning to a SCIM endpoint, one
 * method per call (endpoints in graph-operations.ts, bodies per reference §1–§5).
 */
export class GraphClient {
  /** Assignments and pickers, sharing this client's knowledge of what it just created. */
  readonly directory: GraphDirectoryClient;
  private readonly caller: GraphCaller;
  private readonly onDemand: SlidingWindowLimiter;

  constructor(transport: GraphTransport, clock: Pick<RetryClock, 'now' | 'sleep'>) {
    this.caller = new GraphCaller(transport, clock);
    this.directory = new GraphDirectoryClient(this.caller);
    this.onDemand = new SlidingWindowLimiter(clock);
  }

  /** Service principals named `displayName`, most likely ours first (reference §1), all pages. */
  async findServicePrincipals(displayName: string): Promise<ServicePrincipal[]> {
    const found = await this.caller.collect(
      'servicePrincipals.list',
      {},
      ServicePrincipalSchema,
      { $filter: `displayName eq ${odataString(displayName)}`, $select: SP_SELECT },
      SP_PAGE_LIMITS,
    );
    return rankServicePrincipals(found.items);
  }

  /**
   * Polls the app until Graph can read it, as Microsoft suggests after creating one (reference
   * §1, [G-saml]); for an app created before this client existed (e.g. before a restart).
   */
  waitForServicePrincipal(spId: string): Promise<ServicePrincipal> {
    this.caller.markCreated(spId);
    return this.getServicePrincipal(spId);
  }

  /** `GET /servicePrincipals/{id}`; waits out replication right after instantiate. */
  getServicePrincipal(spId: string): Promise<ServicePrincipal> {
    return this.caller.call('servicePrincipals.get', { spId }, ServicePrincipalSchema, {
      query: { $select: SP_SELECT },
    });
  }

  /** Creates the non-gallery enterprise app (reference §1): sent once, never retried blind. */
  async instantiateNonGalleryApp(displayName: string, templateId = NON_GALLERY_TEMPLATE_ID) {
    const created = await this.caller.call(
      'applicationTemplates.instantiate',
      { templateId },
      InstantiateResponseSchema,
      { body: { displayName } },
    );
    this.caller.markCreated(created.servicePrincipal.id);
    return created;
  }

  listJobs(spId: string): Promise<SynchronizationJob[]> {
    const schema = collectionOf(SynchronizationJobSchema);
    return this.caller.call('jobs.list', { spId }, schema).then((page) => page.value);
  }

  /**
   * `GET …/synchronization/templates` ([G-templates]): the provisioning templates the app offers,
   * a row Graph sends in an unknown shape left out (and logged).
   */
  async listTemplates(spId: string): Promise<SynchronizationTemplate[]> {
    const schema = collectionOf(SynchronizationTemplateSchema);
    return (await this.caller.call('templates.list', { spId }, schema)).value;
  }

  /** `POST …/jobs {"templateId":"scim"}` → 201 synchronizationJob (reference §2). */
  createJob(spId: string, templateId = SCIM_JOB_TEMPLATE_ID): Promise<SynchronizationJob> {
    return this.caller.call('jobs.create', { spId }, SynchronizationJobSchema, {
      body: { templateId },
    });
  }

  getJob(spId: string, jobId: string): Promise<SynchronizationJob> {
    return this.caller.call('jobs.get', { spId, jobId }, SynchronizationJobSchema);
  }

  /**
   * Test Connection (reference §2): 204 is success; any other answer is a failure whose message
   * may name the SCIM error (`SystemForCrossDomainIdentityManagement…`). 401/403/404/429/5xx
   * stay exceptions: they are about Graph, not the SCIM endpoint.
   */
  async validateCredentials(
    spId: string,
    jobId: string,
    credentials: ScimCredentials,
  ): Promise<CredentialCheck> {
    registerSecret(credentials.secretToken, 'graph');
    const body = { useSavedCredentials: false, credentials: secretPairs(credentials) };
    try {
      await this.caller.call('jobs.validateCredentials', { spId, jobId }, NoContentSchema, {
        body,
      });
      return { ok: true };
    } catch (error) {
      if (!(error instanceof GraphCallError)) throw error;
      const { status, graphMessage } = error.facts;
      const scimCode = scimCodeIn(graphMessage);
      if (status !== 400 && scimCode === null) throw error;
      return {
        ok: false,
        scimCode,
        graphMessage: graphMessage ?? null,
        error: {
          code: 'GRAPH_CREDENTIALS_REJECTED',
          message: `Entra could not use the Tenant URL and Secret Token${scimCode ? ` (${scimCode})` : ''} (client request ID ${error.facts.clientRequestId}).`,
          hint: 'Check that the Tenant URL is the SCIM base URL and the Secret Token is current, and that the SCIM server answers GET /Users?filter=… with a ListResponse.',
          requestId: error.facts.clientRequestId,
        },
      };
    }
  }

  /**
   * `GET …/secrets` on Graph beta, the only version that has it (reference §2, Secrets): the
   * provisioning settings the job holds, values possibly null or masked (SecretSettingSchema).
   * The answer is never logged; its values are the caller's to keep out of views and errors.
   */
  async listSecrets(spId: string): Promise<SecretSetting[]> {
    const answer = await this.caller.call('secrets.list', { spId }, SecretSettingsSchema);
    return answer.value;
  }

  /**
   * `PUT …/secrets`: replace-all (reference §2, Secrets), so BaseAddress and SecretToken are
   * re-sent with every settings change, and `kept` (the job's other settings, in order) with them.
   */
  async saveSecrets(
    spId: string,
    credentials: ScimCredentials,
    kept: readonly KeptSetting[] = [],
  ): Promise<void> {
    registerSecret(credentials.secretToken, 'graph');
    const others = kept.map(({ key, value }) => ({ key, value }));
    const body = { value: [...secretPairs(credentials), ...others] };
    await this.caller.call('secrets.put', { spId }, NoContentSchema, { body });
  }

  async startJob(spId: string, jobId: string): Promise<void> {
    await this.caller.call('jobs.start', { spId, jobId }, NoContentSchema);
  }

  async restartJob(spId: string, jobId: string, resetScope = DEFAULT_RESET_SCOPE): Promise<void> {
    const body = { criteria: { resetScope } };
    await this.caller.call('jobs.restart', { spId, jobId }, NoContentSchema, { body });
  }

  getSchema(spId: string, jobId: string): Promise<SynchronizationSchemaDocument> {
    return this.caller.call('jobs.schema.get', { spId, jobId }, SynchronizationSchemaSchema);
  }

  /** PUT replaces the whole schema: pass back what getSchema gave, modified (reference §2). */
  async putSchema(spId: string, jobId: string, schema: SynchronizationSchemaDocument) {
    await this.caller.call('jobs.schema.put', { spId, jobId }, NoContentSchema, { body: schema });
  }

  /** provisionOnDemand, at most 5 per 10 s from this client (reference §2, [G-pod]). */
  async provisionOnDemand(
    spId: string,
    jobId: string,
    ruleId: string,
    subject: OnDemandSubject,
  ): Promise<OnDemandOutcome> {
    await this.onDemand.acquire();
    const body = { parameters: [{ ruleId, subjects: [subject] }] };
    const answer = await this.caller.call(
      'jobs.provisionOnDemand',
      { spId, jobId },
      OnDemandResponseSchema,
      {
        body,
      },
    );
    return readOnDemandAnswer(answer);
  }

  /**
   * The job's log entries, newest first (reference §4), across pages until `maxRows` arrived:
   * a busy job logs thousands of entries a day, and a health view shows the latest few. An entry
   * that could not be read is left out and counted in `unreadable`.
   */
  async listProvisioningLogs(
    jobId: string,
    options: { since?: string; top?: number; maxRows?: number } = {},
  ): Promise<{ entries: ProvisioningObjectSummary[]; unreadable: number }> {
    const query = {
      $filter: provisioningLogFilter(jobId, options.since),
      $orderby: 'activityDateTime desc',
      $top: options.top ?? 100,
    };
    const limits = { maxPages: LOG_MAX_PAGES, maxItems: options.maxRows ?? DEFAULT_LOG_ROWS };
    const read = await this.caller.collect(
      'auditLogs.provisioning',
      {},
      ProvisioningObjectSummarySchema,
      query,
      limits,
    );
    return { entries: read.items, unreadable: read.unreadable };
  }
}

import type {
  AssignmentView,
  EntraApp,
  EntraSetupView,
  EntraTestResult,
  ExternalIdMapping,
  JobScope,
  OnDemandView,
  ProvisioningJobView,
} from '../../shared/entra/entra-views';
import type { GraphActionName } from '../../shared/entra/graph-permissions';
import { AppFailure } from '../../shared/errors';
import type { EntraAppLink } from '../../shared/settings/settings';
import type { SecretHandle } from '../../shared/stytch/views';
import { createGraphClient } from '../graph/create-graph-client';
import type { GraphClient } from '../graph/graph-client';
import type { FetchLike } from '../http/create-http-client';
import type { Logger } from '../logging/logger';
import type { MicrosoftTarget } from '../microsoft-sign-in/microsoft-session';
import { notSignedIn } from '../microsoft-sign-in/sign-in-errors';
import type { SettingsStore } from '../settings/settings-store';
import type { ConnectionLookup } from '../stytch/connection-tenant-url';
import type { RetryClock } from '../http/retry';
import { accountChanged, noEntraApp, noProvisioningJob } from './entra-errors';
import { EntraLinks, type LinkKey } from './entra-links';

/**
 * Who is signed in to Microsoft and a token for Graph: MicrosoftSession in the app; an interface
 * for the test seam (tests hand in the Graph stand-in's token and base URL).
 */
export interface MicrosoftAccess {
  target(): Promise<MicrosoftTarget | null>;
  accessToken(action: GraphActionName): Promise<string>;
}

/** What this run saw of one organization's Entra side: the wizard's evidence. Memory only. */
export interface Evidence {
  app: EntraApp | null;
  job: ProvisioningJobView | null;
  lastTest: EntraTestResult | null;
  /** `keptSettings`: names of the job's other settings re-sent unchanged (never their values). */
  credentialsSaved: EntraSetupView['credentialsSaved'];
  mapping: ExternalIdMapping | null;
  assignments: AssignmentView[] | null;
  lastOnDemand: OnDemandView | null;
  scope: JobScope | null;
}

const noEvidence = (): Evidence => ({
  app: null,
  job: null,
  lastTest: null,
  credentialsSaved: null,
  mapping: null,
  assignments: null,
  lastOnDemand: null,
  scope: null,
});

/**
 * Ids this run read from Graph that later steps reuse instead of asking again, each with the
 * object it was read from, so it never applies to another app or job. Memory only, not shown.
 */
export interface Known {
  /** The role assignments use, from the service principal read at createApp, useApp or get. */
  assignmentRole: { spId: string; roleId: string } | null;
  /** The user rule's id, from this run's latest read of the job's schema. */
  userRule: { jobId: string; ruleId: string } | null;
  /**
   * When this run assigned users and groups to the app (ms, main's clock, by principal id): an
   * assignment takes a few minutes to reach provision on demand (on-demand-wait.ts).
   */
  assignedAt: { spId: string; at: Map<string, { at: number; group: boolean }> } | null;
  /**
   * The app this run has just created (ms, main's clock), until its job is made: a new app has no
   * job, so ensureJob creates one without listing first (app-steps.ts).
   */
  jobless: { spId: string; at: number } | null;
}

const nothingKnown = (): Known => ({
  assignmentRole: null,
  userRule: null,
  assignedAt: null,
  jobless: null,
});

/** Whether an operation only reads Entra, or changes it (see {@link EntraContexts.withApp}). */
export type Access = 'read' | 'write';

/** One operation's footing: the organization in the signed-in tenant, its Graph and evidence. */
export interface EntraContext {
  key: LinkKey;
  /** Who is signed in, where, read for this operation. */
  target: MicrosoftTarget;
  graph: GraphClient;
  evidence: Evidence;
  known: Known;
}

/** …with the app linked. */
export interface AppContext extends EntraContext {
  link: EntraAppLink;
  spId: string;
}

/** …and its provisioning job. */
export interface JobContext extends AppContext {
  jobId: string;
}

/** What {@link EntraContexts} is built from. */
export interface EntraContextOptions {
  microsoft: MicrosoftAccess;
  settings: Pick<SettingsStore, 'get' | 'mutate'>;
  fetch: FetchLike;
  logger: Logger;
  clock?: RetryClock;
}

/**
 * Finds each operation's footing: who is signed in (their tenant decides which link applies),
 * the Graph client for where they signed in (one per Graph, so replication waits and the
 * on-demand limiter span calls), the remembered link and this run's evidence.
 */
export class EntraContexts {
  readonly links: EntraLinks;
  private readonly clients = new Map<string, GraphClient>();
  private readonly runs = new Map<string, { evidence: Evidence; known: Known }>();

  constructor(private readonly options: EntraContextOptions) {
    this.links = new EntraLinks(options.settings);
  }

  /**
   * Graph for the signed-in tenant, for calls about no organization (the pickers).
   * MICROSOFT_NOT_SIGNED_IN, naming `signIn`, when nobody is signed in.
   */
  async graph(signIn: GraphActionName): Promise<GraphClient> {
    const target = await this.signedIn(signIn);
    return this.graphFor(target.graphBaseUrl);
  }

  /**
   * The organization in the signed-in tenant; MICROSOFT_NOT_SIGNED_IN when nobody is, naming
   * `signIn`: the Graph action the step runs, which "Sign in to Microsoft" then asks for.
   */
  async context(organizationId: string, signIn: GraphActionName): Promise<EntraContext> {
    const target = await this.signedIn(signIn);
    const key = { organizationId, sandbox: target.sandbox, tenantId: target.tenantId };
    return { key, target, graph: this.graphFor(target.graphBaseUrl), ...this.runOf(key) };
  }

  /**
   * …with its app; ENTRA_STEP_MISSING when none is linked. For a `write` (anything that changes
   * Entra or hands it the SCIM token), only while the account that created or chose the app is
   * signed in (ENTRA_ACCOUNT_CHANGED otherwise): the tenant is already the link's key, and this
   * keeps a sign-in by someone else from redirecting the admin's writes.
   */
  async withApp(
    organizationId: string,
    signIn: GraphActionName,
    access: Access = 'write',
  ): Promise<AppContext> {
    const context = await this.context(organizationId, signIn);
    const link = await this.links.find(context.key);
    if (link === null) throw noEntraApp();
    if (access === 'write' && link.confirmedBy?.homeAccountId !== context.target.homeAccountId) {
      throw accountChanged(link.confirmedBy, context.target.username);
    }
    return { ...context, link, spId: link.servicePrincipalId };
  }

  /** …with its job; ENTRA_STEP_MISSING when the app has none yet. */
  async withJob(
    organizationId: string,
    signIn: GraphActionName,
    access: Access = 'write',
  ): Promise<JobContext> {
    const context = await this.withApp(organizationId, signIn, access);
    if (context.link.jobId === null) throw noProvisioningJob();
    return { ...context, jobId: context.link.jobId };
  }

  /** Links another app: the evidence about the previous one no longer applies. */
  async link(context: EntraContext, link: EntraAppLink, app: EntraApp): Promise<void> {
    await this.links.save(link);
    Object.assign(context.evidence, noEvidence(), { app });
    Object.assign(context.known, nothingKnown());
  }

  /** The view of what the context knows. */
  view(context: EntraContext): EntraSetupView {
    return { organizationId: context.key.organizationId, ...context.evidence };
  }

  /** The view for someone not signed in: nothing known. */
  emptyView(organizationId: string): EntraSetupView {
    return { organizationId, ...noEvidence() };
  }

  /**
   * Who is signed in. A sign-in error on the way (nobody signed in, the token cache unreadable)
   * names `signIn`, the step's Graph action, unless it already names one.
   */
  private async signedIn(signIn: GraphActionName): Promise<MicrosoftTarget> {
    let target: MicrosoftTarget | null;
    try {
      target = await this.options.microsoft.target();
    } catch (error) {
      if (error instanceof AppFailure && error.appError.action === undefined)
        throw new AppFailure({ ...error.appError, action: signIn });
      throw error;
    }
    if (target === null) throw notSignedIn(undefined, signIn);
    return target;
  }

  private graphFor(baseUrl: string): GraphClient {
    let client = this.clients.get(baseUrl);
    if (client === undefined) {
      const { microsoft, fetch, logger, clock } = this.options;
      client = createGraphClient({
        fetch,
        logger,
        baseUrl,
        accessToken: (action) => microsoft.accessToken(action),
        ...(clock ? { clock } : {}),
      });
      this.clients.set(baseUrl, client);
    }
    return client;
  }

  private runOf(key: LinkKey): { evidence: Evidence; known: Known } {
    const id = JSON.stringify([key.sandbox, key.tenantId, key.organizationId]);
    let run = this.runs.get(id);
    if (run === undefined) {
      run = { evidence: noEvidence(), known: nothingKnown() };
      this.runs.set(id, run);
    }
    return run;
  }
}

/** What the Entra steps' {@link EntraStepDeps} are built from (by the composition root). */
export interface EntraSetupOptions extends EntraContextOptions {
  /** Where a connection's SCIM endpoint is, from Stytch (never from the renderer). */
  stytch: ConnectionLookup;
  /** The SCIM token, read in main by its handle. */
  secrets: { readToken(handle: SecretHandle): Promise<string> };
  /**
   * Runs a step that changes an organization's members in Stytch (on demand, unassign, start,
   * restart): the composition root hands in step 7's watch (`ProvisioningWatch.around`), which
   * then looks sooner. Unset in tests that do not watch.
   */
  aroundMemberChange?: <T>(organizationId: string, step: () => Promise<T>) => Promise<T>;
  now?: () => Date;
}

/** Runs a step that changes the organization's members, through {@link EntraSetupOptions.aroundMemberChange}. */
export function changingMembers<T>(
  deps: EntraStepDeps,
  organizationId: string,
  step: () => Promise<T>,
): Promise<T> {
  const around = deps.options.aroundMemberChange;
  return around ? around(organizationId, step) : step();
}

/**
 * What every step works with: the operations' footing, what the steps were built from, a clock.
 * Built once by the composition root ({@link entraStepDeps}); the entra:* handlers pass it to the
 * step functions.
 */
export interface EntraStepDeps {
  contexts: EntraContexts;
  options: EntraSetupOptions;
  now: () => Date;
}

/** The Entra steps' deps: one set of contexts (links, Graph clients, this run's evidence) per app. */
export function entraStepDeps(options: EntraSetupOptions): EntraStepDeps {
  return {
    contexts: new EntraContexts(options),
    options,
    now: options.now ?? (() => new Date()),
  };
}

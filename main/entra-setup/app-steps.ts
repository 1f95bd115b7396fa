import { AppFailure } from '../../shared/errors';
import type { EntraApp, EntraSetupView } from '../../shared/entra/entra-views';
import type { ServicePrincipal, SynchronizationJob } from '../graph/graph-schemas';
import { checkedJobId, isScimApp, notScimApp, otherEndpointHost } from './app-guard';
import type { EntraContext, EntraStepDeps } from './entra-context';
import { entraAppView, jobView } from './graph-views';
import { rememberRole } from './known-ids';

/** The first steps: the enterprise app (found, created or picked) and its provisioning job. */

/** The job to work on: the `scim` one (reference §2), else the first. */
function pickJob(jobs: readonly SynchronizationJob[]): SynchronizationJob | null {
  return (
    jobs.find((job) => job.templateId === 'scim' || job.id.startsWith('scim.')) ?? jobs[0] ?? null
  );
}

/** What is known; refreshes the app and job from Graph when one is linked. */
export async function getSetup(
  { contexts }: EntraStepDeps,
  organizationId: string,
): Promise<EntraSetupView> {
  let context: EntraContext;
  try {
    context = await contexts.context(organizationId, 'read-apps');
  } catch (error) {
    if (error instanceof AppFailure && error.appError.code === 'MICROSOFT_NOT_SIGNED_IN')
      return contexts.emptyView(organizationId);
    throw error;
  }
  const link = await contexts.links.find(context.key);
  if (link !== null) {
    const sp = await context.graph.getServicePrincipal(link.servicePrincipalId);
    context.evidence.app = entraAppView(sp);
    rememberRole(context, sp);
    context.evidence.job =
      link.jobId === null
        ? null
        : jobView(await context.graph.getJob(link.servicePrincipalId, link.jobId));
  }
  return contexts.view(context);
}

/** Enterprise apps with this name, the non-gallery ones first. */
export async function findApps(
  { contexts }: EntraStepDeps,
  organizationId: string,
  displayName: string,
): Promise<EntraApp[]> {
  const { graph } = await contexts.context(organizationId, 'read-apps');
  return (await graph.findServicePrincipals(displayName)).map(entraAppView);
}

/**
 * Creates the non-gallery app and links it. The instantiate answer already carries the service
 * principal (id, appId, name, template, roles), so it is not read again here: the calls that
 * follow on it wait out replication themselves (operations marked `replicates`, `markCreated`).
 */
export async function createApp(
  deps: EntraStepDeps,
  organizationId: string,
  displayName: string,
): Promise<EntraSetupView> {
  const context = await deps.contexts.context(organizationId, 'create-app');
  const created = await context.graph.instantiateNonGalleryApp(displayName);
  const view = await linkApp(deps, context, created.servicePrincipal, null);
  const spId = created.servicePrincipal.id;
  context.known.jobless = { spId, at: deps.now().getTime() };
  return view;
}

/** What "Use this app" answers: the app linked, or the question to ask the admin first. */
export type UseAppAnswer =
  { outcome: 'linked'; view: EntraSetupView } | { outcome: 'confirm'; app: EntraApp; host: string };

/**
 * Links an existing app, and its SCIM job if it has one: the only step that takes a service
 * principal id from the renderer, so it takes only a SCIM app (app-guard.ts), and one whose job
 * provisions to another endpoint only with `confirmHost` equal to the host read now.
 */
export async function useApp(
  deps: EntraStepDeps,
  organizationId: string,
  servicePrincipalId: string,
  confirmHost?: string,
): Promise<UseAppAnswer> {
  // Sign-in asks for the configure row: this step reads the job's settings (Graph beta
  // `…/secrets`, that row's scope) to see where it provisions before linking it (app-guard.ts).
  const context = await deps.contexts.context(organizationId, 'configure-provisioning');
  const sp = await context.graph.getServicePrincipal(servicePrincipalId);
  const jobs = await context.graph.listJobs(sp.id);
  if (!isScimApp(sp, jobs)) throw notScimApp(sp);
  const job = pickJob(jobs);
  const jobId = job === null ? null : checkedJobId(job);
  const host = await otherEndpointHost(deps, context, sp.id);
  if (host !== null && host !== confirmHost) {
    deps.options.logger.info('entra.use-app-needs-confirmation', { spId: sp.id, host });
    return { outcome: 'confirm', app: entraAppView(sp), host };
  }
  const view = await linkApp(deps, context, sp, jobId);
  context.evidence.job = job === null ? null : jobView(job);
  return { outcome: 'linked', view: { ...view, job: context.evidence.job } };
}

/**
 * How long after creating an app this run takes it to be still without a job: the admin would
 * have to find the new app in the Entra admin center and set up provisioning there meanwhile
 * (ours; the wizard's next click is "Set up the provisioning job").
 */
const JOBLESS_WINDOW_MS = 10 * 60_000;

/**
 * The app's provisioning job, created from the `scim` template when it has none. On the app this
 * run created a moment ago and has made no job for, the jobs are not listed first: there are none.
 */
export async function ensureJob(
  { contexts, now }: EntraStepDeps,
  organizationId: string,
): Promise<EntraSetupView> {
  const context = await contexts.withApp(organizationId, 'configure-provisioning');
  const { graph, spId, known } = context;
  const jobless =
    known.jobless?.spId === spId && now().getTime() - known.jobless.at < JOBLESS_WINDOW_MS;
  const job = jobless
    ? await graph.createJob(spId)
    : (pickJob(await graph.listJobs(spId)) ?? (await graph.createJob(spId)));
  known.jobless = null;
  const jobId = checkedJobId(job);
  if (context.link.jobId !== jobId) await contexts.links.save({ ...context.link, jobId });
  context.evidence.job = jobView(job);
  return contexts.view(context);
}

async function linkApp(
  { contexts }: EntraStepDeps,
  context: EntraContext,
  sp: ServicePrincipal,
  jobId: string | null,
) {
  const app = entraAppView(sp);
  const { organizationId, sandbox, tenantId } = context.key;
  const { homeAccountId, username, tenant } = context.target;
  const link = {
    organizationId,
    sandbox,
    tenantId,
    tenantName: tenant,
    servicePrincipalId: sp.id,
    jobId,
    confirmedBy: { homeAccountId, username },
  };
  await contexts.link(context, link, app);
  rememberRole(context, sp);
  return contexts.view(context);
}

import { AppFailure } from '../../shared/errors';
import type { EntraApp, EntraSetupView } from '../../shared/entra/entra-views';
import type { ServicePrincipal, SynchronizationJob } from '../graph/graph-schemas';
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
    context = await contexts.context(organizationId);
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
  const { graph } = await contexts.context(organizationId);
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
  const context = await deps.contexts.context(organizationId);
  const created = await context.graph.instantiateNonGalleryApp(displayName);
  return linkApp(deps, context, created.servicePrincipal, null);
}

/** Links an existing app, and its SCIM job if it has one. */
export async function useApp(
  deps: EntraStepDeps,
  organizationId: string,
  servicePrincipalId: string,
): Promise<EntraSetupView> {
  const context = await deps.contexts.context(organizationId);
  const sp = await context.graph.getServicePrincipal(servicePrincipalId);
  const job = pickJob(await context.graph.listJobs(sp.id));
  const view = await linkApp(deps, context, sp, job?.id ?? null);
  context.evidence.job = job === null ? null : jobView(job);
  return { ...view, job: context.evidence.job };
}

/** The app's provisioning job, created from the `scim` template when it has none. */
export async function ensureJob(
  { contexts }: EntraStepDeps,
  organizationId: string,
): Promise<EntraSetupView> {
  const context = await contexts.withApp(organizationId);
  const { graph, spId } = context;
  const job = pickJob(await graph.listJobs(spId)) ?? (await graph.createJob(spId));
  if (context.link.jobId !== job.id) await contexts.links.save({ ...context.link, jobId: job.id });
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
  const link = { organizationId, sandbox, tenantId, servicePrincipalId: sp.id, jobId };
  await contexts.link(context, link, app);
  rememberRole(context, sp);
  return contexts.view(context);
}

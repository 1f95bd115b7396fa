import { appFailure, type AppFailure } from '../../shared/errors';
import { GraphJobIdSchema } from '../../shared/entra/entra-views';
import {
  isWithheldValue,
  NON_GALLERY_TEMPLATE_ID,
  SCIM_JOB_TEMPLATE_ID,
} from '../graph/graph-queries';
import type { ServicePrincipal, SynchronizationJob } from '../graph/graph-schemas';
import type { EntraContext, EntraStepDeps } from './entra-context';
import { readJobSettings } from './job-settings';

/**
 * What "Use this app" checks before an app found in the tenant becomes this organization's, since
 * every later write (credentials, assignments, start, restart) goes to the app linked here. The
 * request names the service principal, so a compromised renderer could name any app: Salesforce's
 * production app included. Only a SCIM app is taken; one whose job already sends users elsewhere
 * only once the admin confirmed that host.
 */

/**
 * A SCIM app: made from the non-gallery template (what the app and Stytch's guide create), or
 * with a job from the `scim` template (reference §2: every new SCIM provisioning job). A gallery
 * app's own job (Salesforce's, ServiceNow's) is neither.
 */
export function isScimApp(sp: ServicePrincipal, jobs: readonly SynchronizationJob[]): boolean {
  return (
    sp.applicationTemplateId === NON_GALLERY_TEMPLATE_ID ||
    jobs.some((job) => job.templateId === SCIM_JOB_TEMPLATE_ID)
  );
}

/** "Use this app" on another vendor's app. */
export function notScimApp(sp: ServicePrincipal): AppFailure {
  return appFailure(
    'ENTRA_APP_NOT_SCIM',
    `“${sp.displayName}” is not an app for SCIM provisioning: it was not made with “Create your own application” and has no SCIM provisioning job, so the assistant will not set it up for Stytch.`,
    'Choose the app made for Stytch (it shows “Non-gallery”), or create one with “Create the app”.',
  );
}

/** A job id Graph gave, checked against its documented form before it is remembered. */
export function checkedJobId(job: SynchronizationJob): string {
  if (GraphJobIdSchema.safeParse(job.id).success) return job.id;
  throw appFailure(
    'GRAPH_UNEXPECTED_RESPONSE',
    'Microsoft Graph gave a provisioning job id the assistant does not recognise, so it did not use that job.',
    'Check the app’s Provisioning page in the Entra admin center; if the job looks right there, report this to the assistant’s makers.',
  );
}

/** The host named when a BaseAddress is not a web address at all. */
export const NOT_A_URL_HOST = 'not-a-web-address';

/** Where an address points, ignoring its query (Stytch's `?aadOptscim062020`) and trailing slash. */
function endpointOf(address: string): string | null {
  try {
    const url = new URL(address.trim());
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

function hostOf(address: string): string {
  try {
    return new URL(address.trim()).host || NOT_A_URL_HOST;
  } catch {
    return NOT_A_URL_HOST;
  }
}

/**
 * The host the app's job already provisions to, when that is not this organization's SCIM
 * connection (Stytch's base_url, read here): saving credentials would replace it. Null when the
 * job holds no BaseAddress, holds this connection's, or Graph does not say (the read is refused
 * or the value withheld: there is then nothing to name, and the app was already checked to be a
 * SCIM app). With no connection yet, any BaseAddress is someone else's.
 *
 * The whole endpoint is compared, not only the host: every Stytch connection of a project shares
 * one host (`test.stytch.com`), and another organization's app must be asked about too.
 */
export async function otherEndpointHost(
  { options }: EntraStepDeps,
  context: EntraContext,
  spId: string,
): Promise<string | null> {
  const settings = await readJobSettings(options.logger, context.graph, spId);
  const base = settings?.find((setting) => setting.key.toLowerCase() === 'baseaddress')?.value;
  if (base === undefined || base === null || isWithheldValue(base)) return null;
  const connection = await (
    await options.stytch.client()
  ).getConnection(context.key.organizationId);
  const ours = connection === null ? null : endpointOf(connection.base_url);
  const theirs = endpointOf(base);
  if (ours !== null && theirs === ours) return null;
  return hostOf(base);
}

import type { EntraSetupView, JobScope, SyncScope } from '../../shared/entra/entra-views';
import { AppFailure, appFailure } from '../../shared/errors';
import { saveCredentials } from './credentials-mapping-steps';
import type { AppContext, EntraStepDeps } from './entra-context';
import { ASSIGNED_ONLY_VALUE, readJobSettings, scopeOf, SYNC_ALL_KEY } from './job-settings';

/**
 * The job's scope before Start: who Entra will send to Stytch. "Sync all users and groups" sends
 * every user in the tenant, so Start waits for the admin's yes (checked again in main, here).
 */

/**
 * The scope as Graph holds it now, with the tenant's user count when it is not assigned-only
 * (the count is what the admin is asked to accept). Kept as this run's evidence.
 */
async function freshScope(deps: EntraStepDeps, context: AppContext): Promise<JobScope> {
  const settings = await readJobSettings(deps.options.logger, context.graph, context.spId);
  const read = scopeOf(settings, deps.now().toISOString());
  const scope =
    read.scope === 'assigned' ? read : { ...read, userCount: await userCount(deps, context) };
  context.evidence.scope = scope;
  return scope;
}

/**
 * `GET /users/$count`, or null when Graph will not say (e.g. User.ReadBasic.All not consented,
 * or an Azure AD B2C tenant, where "$count … [is] currently not available": user-list.md). The
 * question is then asked without a number, never skipped.
 */
async function userCount({ options }: EntraStepDeps, context: AppContext): Promise<number | null> {
  try {
    return await context.graph.directory.countUsers();
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    options.logger.warn('entra.user-count-failed', { code: error.appError.code });
    return null;
  }
}

/** Reads the job's scope (SyncAll) and, unless it is assigned-only, how many users there are. */
export async function readScope(deps: EntraStepDeps, organizationId: string): Promise<JobScope> {
  // The beta secrets read asks for the configure row (graph-operations.ts, secrets.list); the
  // user count's own row is named by its call's error.
  return freshScope(deps, await deps.contexts.withApp(organizationId, 'configure-provisioning'));
}

/**
 * Sets the scope to "Sync only assigned users and groups": SyncAll false, through the same
 * keep-the-other-settings PUT as saving credentials (which it re-sends: the PUT replaces the
 * whole set), then reads the scope back to show what Graph now holds.
 */
export async function setAssignedOnly(
  deps: EntraStepDeps,
  organizationId: string,
  connectionId: string,
): Promise<EntraSetupView> {
  await saveCredentials(deps, organizationId, connectionId, [
    { key: SYNC_ALL_KEY, value: ASSIGNED_ONLY_VALUE },
  ]);
  const context = await deps.contexts.withApp(organizationId, 'configure-provisioning');
  await freshScope(deps, context);
  return deps.contexts.view(context);
}

/** How the scope is named in Entra's Scope setting. */
const SCOPE_WORDS: Record<Exclude<SyncScope, 'unknown'>, string> = {
  assigned: 'Sync only assigned users and groups',
  all: 'Sync all users and groups',
};

/**
 * Lets Start go ahead: at once when the scope read now is assigned-only; when it is "all" or
 * unknown, only with `confirmed` naming that same scope (what the admin was shown and said yes
 * to). Read here, in main, whatever the renderer last showed: a scope changed in the admin
 * center meanwhile, or a renderer that skips the question, meets ENTRA_CONFIRMATION_REQUIRED.
 * An unknown scope needs the yes too: it may be "all", and Entra's default when SyncAll is
 * absent is not documented.
 */
export async function checkStartScope(
  deps: EntraStepDeps,
  context: AppContext,
  confirmed: 'all' | 'unknown' | undefined,
): Promise<void> {
  const settings = await readJobSettings(deps.options.logger, context.graph, context.spId);
  const read = scopeOf(settings, deps.now().toISOString());
  if (read.scope === 'assigned') {
    context.evidence.scope = read;
    return;
  }
  if (read.scope === confirmed) {
    // Not counted again: the admin said yes to the count shown, kept when it was this scope's.
    const shown = context.evidence.scope;
    context.evidence.scope = {
      ...read,
      userCount: shown?.scope === read.scope ? shown.userCount : null,
    };
    return;
  }
  const scope = { ...read, userCount: await userCount(deps, context) };
  context.evidence.scope = scope;
  throw startNeedsConfirmation(scope, confirmed);
}

function startNeedsConfirmation(scope: JobScope, confirmed: 'all' | 'unknown' | undefined) {
  const users = scope.userCount === null ? 'every user' : `all ${scope.userCount} users`;
  const now =
    scope.scope === 'all'
      ? `the job’s scope is “${SCOPE_WORDS.all}”, so Entra would send ${users} in the tenant to Stytch, not only those assigned to the app`
      : `the assistant could not read the job’s scope (SyncAll), so it may be “${SCOPE_WORDS.all}”, which would send ${users} in the tenant to Stytch`;
  const was = confirmed === 'all' ? `“${SCOPE_WORDS.all}”` : 'unknown';
  const changed =
    confirmed === undefined
      ? ''
      : ` The scope was ${was} when you confirmed; it has changed since.`;
  return appFailure(
    'ENTRA_CONFIRMATION_REQUIRED',
    `Provisioning was not started: ${now}.${changed}`,
    `Switch the scope to “${SCOPE_WORDS.assigned}”, or confirm that Entra should sync everyone, then start again.`,
  );
}

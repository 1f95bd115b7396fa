import type {
  AssignmentView,
  DirectoryPrincipal,
  EntraApp,
  ProvisioningJobView,
} from '../../shared/entra/entra-views';
import { NON_GALLERY_TEMPLATE_ID } from '../graph/graph-queries';
import {
  documentedSpelling,
  GRAPH_ENUMS,
  type AppRoleAssignment,
  type GraphGroup,
  type GraphUser,
  type ServicePrincipal,
  type SynchronizationJob,
} from '../graph/graph-schemas';

/** Graph's parsed answers as the wizard shows them: ids, names and states, nothing else. */

/** "Never" in Graph's timestamps (reference §2, Job status): shown as no time at all. */
const NEVER = '0001-01-01T00:00:00Z';
const time = (value: string | undefined) =>
  value === undefined || value === '' || value === NEVER || value.startsWith('0001-')
    ? null
    : value;

const errorView = (error: { code?: string | null; message?: string | null } | null | undefined) =>
  error?.code == null && error?.message == null
    ? null
    : { code: error.code ?? '', message: error.message ?? '' };

export function entraAppView(sp: ServicePrincipal): EntraApp {
  return {
    servicePrincipalId: sp.id,
    appId: sp.appId ?? null,
    displayName: sp.displayName ?? '(no name)',
    nonGallery: sp.applicationTemplateId === NON_GALLERY_TEMPLATE_ID,
  };
}

export function jobView(job: SynchronizationJob): ProvisioningJobView {
  const last = job.status?.lastExecution ?? null;
  const quarantine = job.status?.quarantine ?? null;
  return {
    jobId: job.id,
    // A documented value in its documented spelling, so the wizard's checks (`'Active'`) hold
    // whatever the case Graph used; any other value as sent.
    status: documentedSpelling(job.status?.code || 'Unknown', GRAPH_ENUMS.jobStatusCode),
    scheduleState: job.schedule?.state
      ? documentedSpelling(job.schedule.state, GRAPH_ENUMS.scheduleState)
      : null,
    interval: job.schedule?.interval ?? null,
    lastCycle:
      last === null
        ? null
        : {
            state: last.state ?? null,
            began: time(last.timeBegan),
            ended: time(last.timeEnded),
            countExported: last.countExported ?? null,
            error: errorView(last.error),
          },
    quarantine:
      quarantine === null
        ? null
        : {
            // Graph's own example sends "" (synchronizationjob-get.md): shown as not given.
            reason: quarantine.reason || null,
            since: time(quarantine.currentBegan),
            nextAttempt: time(quarantine.nextAttempt),
            error: errorView(quarantine.error),
          },
  };
}

export function userPrincipal(user: GraphUser): DirectoryPrincipal {
  return {
    id: user.id,
    kind: 'user',
    displayName: user.displayName ?? user.userPrincipalName ?? user.id,
    detail: user.userPrincipalName ?? user.mail ?? null,
  };
}

export function groupPrincipal(group: GraphGroup): DirectoryPrincipal {
  return {
    id: group.id,
    kind: 'group',
    displayName: group.displayName ?? group.id,
    detail: group.description ?? null,
  };
}

export function assignmentView(assignment: AppRoleAssignment): AssignmentView {
  const type = assignment.principalType;
  return {
    principalId: assignment.principalId,
    kind: type === 'User' ? 'user' : type === 'Group' ? 'group' : 'other',
    displayName: assignment.principalDisplayName ?? null,
  };
}

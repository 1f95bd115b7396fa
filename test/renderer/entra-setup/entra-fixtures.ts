import type {
  EntraApp,
  EntraHealth,
  EntraSetupView,
  ExternalIdMapping,
  JobScope,
  MicrosoftStatus,
  ProvisioningJobView,
} from '../../../shared/entra/entra-views';
import type { ProvisioningLogRow } from '../../../shared/provisioning/log-row';
import { okFor, type FakeHandlers } from '../fake-assistant';

/** Who is signed in: nobody, real mode, no client ID yet (the first run). */
export function microsoftStatus(overrides: Partial<MicrosoftStatus> = {}): MicrosoftStatus {
  return { sandbox: false, clientIdConfigured: false, account: null, ...overrides };
}

/** Signed in to the sandbox's stand-in tenant. */
export const SIGNED_IN: MicrosoftStatus = microsoftStatus({
  clientIdConfigured: true,
  account: {
    username: 'admin@contoso.test',
    name: 'Ada Admin',
    tenantId: 'tenant-test-1',
    tenant: 'contoso.onmicrosoft.com',
  },
});

/** An enterprise app made from the non-gallery template. */
export function entraApp(overrides: Partial<EntraApp> = {}): EntraApp {
  return {
    servicePrincipalId: '5e000000-0000-4000-8000-000000000001',
    appId: 'app-test-1',
    displayName: 'Stytch SCIM – Org 1',
    nonGallery: true,
    ...overrides,
  };
}

/** A provisioning job that has not run yet. */
export function jobView(overrides: Partial<ProvisioningJobView> = {}): ProvisioningJobView {
  return {
    jobId: 'scim.job-test-1',
    status: 'NotRun',
    scheduleState: 'Disabled',
    interval: 'PT40M',
    lastCycle: null,
    quarantine: null,
    ...overrides,
  };
}

/** What the assistant knows of an organization's Entra side; nothing by default. */
export function entraView(overrides: Partial<EntraSetupView> = {}): EntraSetupView {
  return {
    organizationId: 'organization-test-1',
    app: null,
    job: null,
    lastTest: null,
    credentialsSaved: null,
    mapping: null,
    assignments: null,
    lastOnDemand: null,
    scope: null,
    ...overrides,
  };
}

/** The job's scope as the assistant reads it: assigned-only ("false") unless told otherwise. */
export function jobScope(overrides: Partial<JobScope> = {}): JobScope {
  return {
    scope: 'assigned',
    syncAll: 'false',
    unknownBecause: null,
    userCount: null,
    readAt: '2026-12-01T12:00:00.000Z',
    ...overrides,
  };
}

/** A provisioning log row as Entra lists it. */
export function logRow(overrides: Partial<ProvisioningLogRow> = {}): ProvisioningLogRow {
  return {
    changeId: 'change-1',
    cycleId: 'cycle-1',
    trigger: null,
    activityDateTime: '2026-12-01T12:00:00.000Z',
    identityType: 'User',
    sourceIdentity: { id: 'object-alice', displayName: 'Alice' },
    targetIdentity: { id: '' },
    action: 'Create',
    status: 'Failure',
    steps: [],
    modifiedProperties: [],
    error: {
      errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
      reason: 'HTTP 500',
    },
    ...overrides,
  };
}

/** The job's health: fine, with an empty log. */
export function entraHealth(overrides: Partial<EntraHealth> = {}): EntraHealth {
  return { job: jobView(), log: [], logError: null, unreadable: 0, ...overrides };
}

/** Entra's Test Connection passed for `connectionId`. */
export function passedTest(connectionId: string): NonNullable<EntraSetupView['lastTest']> {
  return {
    connectionId,
    testedAt: '2026-12-01T12:00:00.000Z',
    passed: true,
    scimCode: null,
    error: null,
  };
}

/** The credentials of `connectionId` saved in Entra, the job's two other settings kept. */
export function savedCredentials(
  connectionId: string,
): NonNullable<EntraSetupView['credentialsSaved']> {
  return {
    connectionId,
    at: '2026-12-01T12:00:00.000Z',
    keptSettings: ['SyncNotificationSettings', 'SyncAll'],
  };
}

/** externalId mapped from objectId, as Stytch expects: a user mapping nothing needs to fix. */
export function correctMapping(): ExternalIdMapping {
  return {
    ruleId: 'rule-1',
    objectMappingName: 'Provision Microsoft Entra ID Users',
    currentSource: '[objectId]',
    proposedSource: '[objectId]',
    correct: true,
    fingerprint: 'fingerprint-1',
  };
}

/**
 * Default answers for the microsoft and entra channels, so a screen that reads them works
 * without every test faking them: nobody signed in, nothing found, every change succeeding.
 */
export function entraDefaults(): FakeHandlers {
  const withApp = (organizationId: string) => entraView({ organizationId, app: entraApp() });
  const withJob = (organizationId: string) => ({ ...withApp(organizationId), job: jobView() });
  return {
    'microsoft:status': () => okFor('microsoft:status', microsoftStatus()),
    'microsoft:signIn': () => okFor('microsoft:signIn', SIGNED_IN),
    'microsoft:cancelSignIn': () => okFor('microsoft:cancelSignIn', { cancelled: true }),
    'microsoft:signOut': () =>
      okFor('microsoft:signOut', microsoftStatus({ clientIdConfigured: true })),
    'entra:get': ({ organizationId }) => okFor('entra:get', entraView({ organizationId })),
    'entra:findApps': () => okFor('entra:findApps', { apps: [] }),
    'entra:createApp': ({ organizationId, displayName }) =>
      okFor('entra:createApp', entraView({ organizationId, app: entraApp({ displayName }) })),
    'entra:useApp': ({ organizationId }) =>
      okFor('entra:useApp', { outcome: 'linked', view: withApp(organizationId) }),
    'entra:ensureJob': ({ organizationId }) => okFor('entra:ensureJob', withJob(organizationId)),
    'entra:testConnection': ({ organizationId, connectionId }) =>
      okFor('entra:testConnection', {
        ...withJob(organizationId),
        lastTest: passedTest(connectionId),
      }),
    'entra:saveCredentials': ({ organizationId, connectionId }) =>
      okFor('entra:saveCredentials', {
        ...withJob(organizationId),
        credentialsSaved: savedCredentials(connectionId),
      }),
    'entra:readMapping': ({ organizationId }) =>
      okFor('entra:readMapping', {
        ...withJob(organizationId),
        mapping: correctMapping(),
      }),
    'entra:searchDirectory': () => okFor('entra:searchDirectory', { principals: [] }),
    'entra:unassign': ({ organizationId }) =>
      okFor('entra:unassign', { ...withJob(organizationId), assignments: [] }),
    'entra:readScope': () => okFor('entra:readScope', jobScope()),
    'entra:health': () => okFor('entra:health', entraHealth()),
    'entra:restart': () => okFor('entra:restart', entraHealth()),
  };
}

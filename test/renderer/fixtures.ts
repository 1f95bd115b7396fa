import type { AppError } from '../../shared/ipc';
import type { ProbeCheck, ProbeReport } from '../../shared/probe/report';
import type { Settings, WizardProgress } from '../../shared/settings/settings';
import type { OrganizationSummary, ScimConnectionView } from '../../shared/stytch/views';
import { probeReport as reportOf } from '../support/probe-fixtures';

/** First-run settings, optionally with saved progress. */
export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    version: 1,
    projectId: null,
    environment: null,
    organizationId: null,
    organizationName: null,
    wizard: { currentStep: 'connect-stytch', completedSteps: [], checklist: {} },
    clipboardClearMs: 60_000,
    knownConnections: [],
    microsoftClientId: null,
    microsoftTenant: null,
    entraSteps: null,
    entraApps: [],
    rotationChecks: [],
    ...overrides,
  };
}

/** Progress saved at `currentStep` with every earlier step complete. */
export function progressAt(
  currentStep: WizardProgress['currentStep'],
  done: WizardProgress['completedSteps'],
  checklist: Record<string, boolean> = {},
): WizardProgress {
  return { currentStep, completedSteps: done, checklist };
}

/** An organization as the picker lists it. */
export function organization(
  n: number,
  overrides: Partial<OrganizationSummary> = {},
): OrganizationSummary {
  return {
    organizationId: `organization-test-${n}`,
    name: `Org ${n}`,
    slug: `org-${n}`,
    scimActiveConnectionId: null,
    ...overrides,
  };
}

/** A connection view, token in the keychain, not rotating. */
export function connectionView(overrides: Partial<ScimConnectionView> = {}): ScimConnectionView {
  return {
    organizationId: 'organization-test-1',
    connectionId: 'scim-connection-test-1',
    status: 'active',
    displayName: 'Microsoft Entra ID',
    identityProvider: 'microsoft-entra',
    baseUrl: 'https://test.stytch.com/v1/b2b/scim/scim-connection-test-1?aadOptscim062020',
    tenantUrl: 'https://test.stytch.com/v1/b2b/scim/scim-connection-test-1?aadOptscim062020',
    bearerTokenExpiresAt: null,
    rotating: false,
    nextBearerTokenExpiresAt: null,
    token: { storage: 'keychain', last4: 'k9Zq' },
    nextToken: null,
    ...overrides,
  };
}

/** An expiry `days` from the real clock, as Stytch writes one (the renderer reads the real clock). */
export function expiresInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export { probeCheck } from '../support/probe-fixtures';

/** A report made of the given checks, for the connection the fixtures show. */
export function probeReport(
  checks: ProbeCheck[],
  baseUrl = connectionView().tenantUrl,
): ProbeReport {
  return reportOf(checks, baseUrl);
}

/** A user-facing error from main. */
export function appError(overrides: Partial<AppError> = {}): AppError {
  return {
    code: 'NET_TIMEOUT',
    message: 'Stytch did not answer in time.',
    hint: 'Check your network connection, then try again.',
    retryable: true,
    ...overrides,
  };
}

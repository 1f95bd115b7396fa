import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { okFor } from '../fake-assistant';
import { appError } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { seriousViolations } from '../a11y/serious-violations';
import { SIGNED_IN, entraApp, entraHealth, entraView, jobView, logRow } from './entra-fixtures';
import { installEntraAt } from './install';

cleanUpAfterEach();

const full = entraView({
  app: entraApp(),
  job: jobView({
    status: 'Quarantine',
    quarantine: { reason: 'Failures', since: null, nextAttempt: null, error: null },
  }),
  assignments: [
    { principalId: 'a11ce000-0000-4000-8000-000000000001', kind: 'user', displayName: 'Alice' },
  ],
  mapping: {
    ruleId: 'rule-1',
    objectMappingName: 'Users',
    currentSource: null,
    proposedSource: '[objectId]',
    correct: false,
    fingerprint: 'f',
  },
  lastTest: {
    connectionId: 'scim-connection-test-1',
    testedAt: '2026-12-01T12:00:00.000Z',
    passed: false,
    scimCode: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
    error: appError(),
  },
  lastOnDemand: {
    userId: 'a11ce000-0000-4000-8000-000000000001',
    userDisplayName: 'Alice',
    result: 'Failure',
    errorCode: 'E',
    errorMessage: 'Failed.',
    targetId: null,
    steps: [
      { name: 'Import', type: 'Import', status: 'Success', description: null, details: { a: 'b' } },
    ],
  },
});

describe('Accessibility of the assistant’s Entra panels', () => {
  it('has none on step 3 while a client ID is needed', async () => {
    installEntraAt('create-entra-app');
    await renderApp();
    await screen.findByLabelText('Application (client) ID');
    expect(await seriousViolations()).toEqual([]);
  });

  it.each([
    'create-entra-app',
    'enable-provisioning',
    'configure-credentials',
    'provision-users',
  ] as const)('has none on %s with everything on screen', async (step) => {
    installEntraAt(step, {
      'microsoft:status': () => okFor('microsoft:status', SIGNED_IN),
      'entra:get': () => okFor('entra:get', full),
      'entra:findApps': () => okFor('entra:findApps', { apps: [entraApp()] }),
      'entra:health': () => okFor('entra:health', entraHealth({ job: full.job!, log: [logRow()] })),
    });
    await renderApp();
    await screen.findAllByText(
      /Done by the assistant|Job status|Entra: failed|The provisioning job/,
    );
    expect(await seriousViolations()).toEqual([]);
  });
});

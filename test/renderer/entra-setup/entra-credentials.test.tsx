import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ExternalIdMapping } from '../../../shared/entra/entra-views';
import { checklistKey } from '../../../shared/wizard/content';
import { useWizardStore } from '../../../renderer/state/wizard-store';
import { okFor } from '../fake-assistant';
import { appError, connectionView } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { SIGNED_IN, entraApp, entraView, jobView } from './entra-fixtures';
import { installEntraAt } from './install';

cleanUpAfterEach();

const ORG = 'organization-test-1';
const CONNECTION_ID = connectionView().connectionId;
const withJob = entraView({ app: entraApp(), job: jobView() });
const ticked = (step: Parameters<typeof checklistKey>[0], id: string) =>
  Boolean(useWizardStore.getState().checklist[checklistKey(step, id)]);

describe('Step 4: the provisioning job', () => {
  it('offers sign-in for the job’s permissions when Microsoft wants it, then sets the job up', async () => {
    let signedIn = false;
    const fake = installEntraAt('enable-provisioning', {
      'entra:get': () => okFor('entra:get', entraView({ app: entraApp() })),
      'microsoft:signIn': () => {
        signedIn = true;
        return okFor('microsoft:signIn', SIGNED_IN);
      },
      'entra:ensureJob': () =>
        signedIn
          ? okFor('entra:ensureJob', withJob)
          : {
              ok: false,
              error: appError({
                code: 'MICROSOFT_NOT_SIGNED_IN',
                message: 'Sign in to Microsoft first.',
                hint: 'Sign in.',
                // Main names the step's Graph action (main/entra-setup/entra-context.ts).
                action: 'configure-provisioning',
              }),
            },
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Set up the provisioning job' }));
    expect(await screen.findByText('Sign in to Microsoft first.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sign in to Microsoft' }));
    expect(fake.callsTo('microsoft:signIn')).toEqual([{ action: 'configure-provisioning' }]);
    expect(
      await screen.findByText(
        /Done by the assistant: the app has provisioning job scim.job-test-1/,
      ),
    ).toBeTruthy();
    expect(fake.callsTo('entra:ensureJob')).toHaveLength(2);
    await waitFor(() => expect(ticked('enable-provisioning', 'credential-fields')).toBe(true));
  });
});

describe('Step 4: a sign-in Microsoft no longer renews', () => {
  it('reads the Microsoft sign-in again, so the context bar says it expired', async () => {
    let refused = false;
    const fake = installEntraAt('enable-provisioning', {
      'entra:get': () => okFor('entra:get', entraView({ app: entraApp() })),
      'microsoft:status': () =>
        okFor('microsoft:status', {
          ...SIGNED_IN,
          account: SIGNED_IN.account && {
            ...SIGNED_IN.account,
            ...(refused ? { renewalLost: true as const } : {}),
          },
        }),
      'entra:ensureJob': () => {
        refused = true;
        return {
          ok: false,
          error: appError({
            code: 'MICROSOFT_NOT_SIGNED_IN',
            message: 'Your Microsoft sign-in has to be renewed: AADSTS700082.',
            hint: 'Sign in to Microsoft again.',
            action: 'configure-provisioning',
          }),
        };
      },
    });
    const { user } = await renderApp();
    const reads = fake.callsTo('microsoft:status').length;
    await user.click(await screen.findByRole('button', { name: 'Set up the provisioning job' }));
    expect(await screen.findByText(/has to be renewed/)).toBeTruthy();
    await waitFor(() => expect(fake.callsTo('microsoft:status').length).toBe(reads + 1));
    const bar = screen.getByRole('region', { name: 'Where you are' });
    await waitFor(() => expect(bar.textContent).toContain('sign-in expired: sign in again'));
  });
});

describe('Step 6: Entra’s own Test Connection', () => {
  it('shows Entra’s SCIM code and message beside the assistant’s connection check', async () => {
    const fake = installEntraAt('configure-credentials', {
      'entra:get': () => okFor('entra:get', withJob),
      'entra:testConnection': () =>
        okFor('entra:testConnection', {
          ...withJob,
          lastTest: {
            connectionId: CONNECTION_ID,
            testedAt: '2026-12-01T12:00:00.000Z',
            passed: false,
            scimCode: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
            error: appError({
              code: 'GRAPH_CREDENTIALS_REJECTED',
              message: 'The endpoint answered 401.',
              hint: 'Check the token.',
            }),
          },
        }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Run Entra’s Test Connection' }));
    expect(fake.callsTo('entra:testConnection')).toEqual([
      { organizationId: ORG, connectionId: CONNECTION_ID },
    ]);
    expect(
      await screen.findByText(
        'Entra: failed — SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
      ),
    ).toBeTruthy();
    expect(screen.getByText('The endpoint answered 401.')).toBeTruthy();
    // Entra's failure runs the assistant's check once, read-only: its explanation is beside it.
    expect(
      await screen.findByText(
        /The assistant’s connection check: 1 of 1 checks failed\. Its report explains why/,
      ),
    ).toBeTruthy();
    expect(fake.callsTo('probe:run')).toEqual([
      expect.objectContaining({
        organizationId: ORG,
        token: { kind: 'scim-token', connectionId: CONNECTION_ID },
        writeCycle: false,
      }),
    ]);
    // Its report is in the step's third part, which the link opens.
    await user.click(screen.getByRole('button', { name: 'Read the assistant’s report' }));
    expect(await screen.findByText('Part 3 of 3: Check the connection in depth (optional)')).toBe(
      document.activeElement,
    );
    expect(screen.getByRole('heading', { name: 'The assistant’s connection check' })).toBeTruthy();
    expect(ticked('configure-credentials', 'entra-test')).toBe(false);
  });

  it('ticks entra-test once Entra passed and the credentials are saved', async () => {
    const passed = {
      connectionId: CONNECTION_ID,
      testedAt: '2026-12-01T12:00:00.000Z',
      passed: true,
      scimCode: null,
      error: null,
    };
    installEntraAt('configure-credentials', {
      'entra:get': () => okFor('entra:get', withJob),
      'entra:testConnection': () => okFor('entra:testConnection', { ...withJob, lastTest: passed }),
      'entra:saveCredentials': () =>
        okFor('entra:saveCredentials', {
          ...withJob,
          lastTest: passed,
          credentialsSaved: {
            connectionId: CONNECTION_ID,
            at: '2026-12-01T12:01:00.000Z',
            keptSettings: ['SyncNotificationSettings', 'SyncAll'],
          },
        }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Run Entra’s Test Connection' }));
    expect(await screen.findByText('Entra: passed')).toBeTruthy();
    expect(ticked('configure-credentials', 'entra-test')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Save credentials in Entra' }));
    const saved = await screen.findByText(/Saved the Tenant URL and Secret Token in Entra/);
    expect(saved.textContent).toContain(
      'Your other provisioning settings were kept: notification email, Scope.',
    );
    expect(saved.className).toContain('notice-success');
    expect(screen.queryByText(/could not be read/)).toBeNull();
    await waitFor(() => expect(ticked('configure-credentials', 'entra-test')).toBe(true));
  });

  it('warns when the job’s other settings could not be read and only the two credentials were sent', async () => {
    installEntraAt('configure-credentials', {
      'entra:get': () => okFor('entra:get', withJob),
      'entra:saveCredentials': () =>
        okFor('entra:saveCredentials', {
          ...withJob,
          credentialsSaved: {
            connectionId: CONNECTION_ID,
            at: '2026-12-01T12:01:00.000Z',
            keptSettings: null,
          },
        }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Save credentials in Entra' }));
    const saved = await screen.findByText(/Saved the Tenant URL and Secret Token in Entra/);
    expect(saved.textContent).not.toContain('were kept');
    const warning = screen.getByText(/other provisioning settings could not be read/);
    expect(warning.textContent).toBe(
      'The job’s other provisioning settings could not be read, so only the Tenant URL and Secret Token were sent; check Settings on the Provisioning page in Entra.',
    );
    expect(warning.className).toContain('notice-warning');
  });

  it('shows a Graph failure with its client request ID and Retry', async () => {
    installEntraAt('configure-credentials', {
      'entra:get': () => okFor('entra:get', withJob),
      'entra:saveCredentials': () => ({
        ok: false,
        error: appError({
          code: 'GRAPH_PERMISSION_DENIED',
          message: 'Graph refused.',
          hint: 'Ask for the role.',
          requestId: 'crid-123',
        }),
      }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Save credentials in Entra' }));
    expect(await screen.findByText('Client request ID: crid-123')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});

describe('Step 6: the mapping', () => {
  const wrong: ExternalIdMapping = {
    ruleId: 'rule-1',
    objectMappingName: 'Provision Microsoft Entra ID Users',
    currentSource: '[mailNickname]',
    proposedSource: '[objectId]',
    correct: false,
    fingerprint: 'fingerprint-abc',
  };

  it('shows the change as before/after and applies it only after confirmation', async () => {
    const fake = installEntraAt('configure-credentials', {
      'entra:get': () => okFor('entra:get', withJob),
      'entra:readMapping': () => okFor('entra:readMapping', { ...withJob, mapping: wrong }),
      'entra:fixMapping': () =>
        okFor('entra:fixMapping', {
          ...withJob,
          mapping: { ...wrong, currentSource: '[objectId]', correct: true },
        }),
    });
    const { user } = await renderApp();
    await user.click(
      await screen.findByRole('button', { name: 'Continue to part 2: Check the user mapping' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Check the mapping' }));
    expect(await screen.findByText('externalId ← [mailNickname]')).toBeTruthy();
    expect(screen.getByText('externalId ← [objectId]')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Apply this change…' }));
    expect(fake.callsTo('entra:fixMapping')).toEqual([]);
    expect(screen.getByRole('group', { name: 'Change the user mapping in Entra?' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Yes, apply this change' }));
    expect(fake.callsTo('entra:fixMapping')).toEqual([
      { organizationId: ORG, fingerprint: 'fingerprint-abc' },
    ]);
    expect(await screen.findByText('objectId → externalId ✓')).toBeTruthy();
    await waitFor(() => expect(ticked('configure-credentials', 'mapping')).toBe(true));
  });
});

describe('Mixed paths', () => {
  it('offers the assistant on step 6 after choosing by hand', async () => {
    const fake = installEntraAt(
      'configure-credentials',
      { 'entra:get': () => okFor('entra:get', withJob) },
      'by-hand',
    );
    const { user } = await renderApp();
    await user.click(
      await screen.findByRole('button', {
        name: 'Let the assistant do this through Microsoft Graph',
      }),
    );
    expect(fake.settings.entraSteps).toBe('assistant');
    expect(
      await screen.findByRole('heading', { name: 'Entra’s own Test Connection' }),
    ).toBeTruthy();
  });
});

import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { WIZARD_STEP_IDS, type WizardStepId } from '../../../shared/wizard/steps';
import { useStepViewStore } from '../../../renderer/state/step-view-store';
import {
  entraApp,
  entraView,
  jobScope,
  jobView,
  passedTest,
  savedCredentials,
} from '../entra-setup/entra-fixtures';
import { installEntraAt } from '../entra-setup/install';
import { installConnectedAt, okFor } from '../fake-assistant';
import { connectionView, probeCheck, probeReport } from '../fixtures';
import { visibleText } from '../visible-text';
import { internalWordsIn } from '../../support/internal-words';
import { cleanUpAfterEach, renderApp } from '../render-app';

cleanUpAfterEach();

/** What the page shows and names: its text, and the labels assistive technology reads. */
const failingReport = probeReport([
  probeCheck({ id: 'url', title: 'Tenant URL and token', message: 'Well-formed.' }),
  probeCheck({
    status: 'fail',
    title: 'Test Connection (as Entra sends it)',
    message: 'The server answered 404.',
    fix: 'Return an empty list.',
    entraWouldSay: 'You appear to have entered invalid credentials.',
    request: { method: 'GET', url: 'https://test.stytch.com/v1/b2b/scim/c1/Users', headers: {} },
    response: { status: 404, contentType: null, bodyExcerpt: '{"status":"404"}' },
  }),
  probeCheck({ id: 'groups', title: 'Groups query', status: 'skip', message: 'Skipped.' }),
]);

describe('Visible text uses the admin’s words', () => {
  it.each(WIZARD_STEP_IDS)('has none on screen at %s, done by hand', async (step: WizardStepId) => {
    installConnectedAt(step, {
      'scim:getConnection': () => okFor('scim:getConnection', { connection: connectionView() }),
      'stytch:searchOrganizations': () =>
        okFor('stytch:searchOrganizations', { organizations: [], nextCursor: null, total: 0 }),
    }).settings.entraSteps = 'by-hand';
    await renderApp();
    await screen.findByRole('heading', { level: 2 });
    expect(internalWordsIn(visibleText())).toEqual([]);
  });

  it.each(['create-entra-app', 'enable-provisioning', 'configure-credentials'] as const)(
    'has none on screen at %s, done by the assistant',
    async (step) => {
      installEntraAt(step);
      await renderApp();
      await screen.findByRole('heading', { level: 2 });
      expect(internalWordsIn(visibleText())).toEqual([]);
    },
  );

  it.each([
    ['enable-provisioning', 'NotConfigured', ''],
    ['configure-credentials', 'NotRun', ''],
    // Step 7's part with the job's status and the assistant's word on the scope.
    ['provision-users', 'Quarantine', 'start'],
  ] as const)(
    'has none at %s done by the assistant, with a job whose status is %s',
    async (step, status, part) => {
      // The part of a step in parts to open ('' for the first, or for a step in one piece).
      useStepViewStore.getState().showPart(step, part);
      const connectionId = connectionView().connectionId;
      installEntraAt(step, {
        'entra:get': () =>
          okFor(
            'entra:get',
            entraView({
              app: entraApp(),
              job: jobView({ status }),
              lastTest: passedTest(connectionId),
              // Kept: Graph's settings' keys, which the screen says in words.
              credentialsSaved: savedCredentials(connectionId),
              scope: jobScope(),
            }),
          ),
      });
      await renderApp();
      await screen.findAllByText(/Done by the assistant/);
      expect(internalWordsIn(visibleText())).toEqual([]);
    },
  );

  it('has none in a failing connection check report', async () => {
    installConnectedAt('configure-credentials', {
      'scim:getConnection': () => okFor('scim:getConnection', { connection: connectionView() }),
      'probe:run': () => okFor('probe:run', failingReport),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Check the connection' }));
    await screen.findByText('1 of 3 checks failed.');
    expect(internalWordsIn(visibleText())).toEqual([]);
  });

  it('has none on the first screen nor beside an existing connection', async () => {
    installConnectedAt('create-scim-connection', {
      'scim:getConnection': () => okFor('scim:getConnection', { connection: connectionView() }),
    });
    await renderApp();
    await screen.findByRole('region', { name: 'Danger zone' });
    expect(internalWordsIn(visibleText())).toEqual([]);
  });
});

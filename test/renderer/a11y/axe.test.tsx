import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { WizardStepId } from '../../../shared/wizard/steps';
import { WIZARD_STEP_IDS } from '../../../shared/wizard/steps';
import { installFakeAssistant, okFor } from '../fake-assistant';
import {
  connectionView,
  organization,
  probeCheck,
  probeReport,
  progressAt,
  settings,
} from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { seriousViolations } from './serious-violations';

cleanUpAfterEach();

function installAt(step: WizardStepId) {
  const done = WIZARD_STEP_IDS.slice(0, WIZARD_STEP_IDS.indexOf(step));
  return installFakeAssistant(
    {
      'stytch:status': () =>
        okFor('stytch:status', {
          connected: true,
          projectId: 'project-test-1',
          environment: 'test',
          mode: 'sandbox',
        }),
      'stytch:searchOrganizations': () =>
        okFor('stytch:searchOrganizations', {
          organizations: [
            organization(1),
            organization(2, { scimActiveConnectionId: 'scim-connection-2' }),
          ],
          nextCursor: 'more',
          total: 9,
        }),
      'scim:getConnection': () => okFor('scim:getConnection', { connection: connectionView() }),
      'probe:run': () =>
        okFor(
          'probe:run',
          probeReport([
            probeCheck(),
            probeCheck({
              id: 'groups',
              title: 'Groups',
              status: 'fail',
              fix: 'Fix it.',
              entraWouldSay: 'Error.',
            }),
          ]),
        ),
    },
    settings({ organizationId: 'organization-test-1', wizard: progressAt(step, done) }),
  );
}

describe('Accessibility', () => {
  it.each(WIZARD_STEP_IDS)('has no serious or critical axe violations on %s', async (step) => {
    installAt(step);
    await renderApp();
    expect(await seriousViolations()).toEqual([]);
  });

  it('has none with a connection check report on screen', async () => {
    installAt('configure-credentials');
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Check the connection' }));
    await screen.findByText('1 of 2 checks failed.');
    expect(await seriousViolations()).toEqual([]);
  });

  it('has none with the danger zone’s confirmation open', async () => {
    installAt('create-scim-connection');
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Delete this connection…' }));
    expect(await seriousViolations()).toEqual([]);
  });
});

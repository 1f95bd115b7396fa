import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { okFor } from '../fake-assistant';
import { appError } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { entraApp, entraHealth, entraView, jobScope, jobView } from './entra-fixtures';
import { installEntraAt, openProvisionPart } from './install';

cleanUpAfterEach();

const running = jobView({ status: 'Active', scheduleState: 'Active' });
const withJob = (job: EntraSetupView['job']): EntraSetupView =>
  entraView({ app: entraApp(), job, assignments: [], scope: jobScope() });

/** The labels of the step's primary (blue) buttons, in the order on screen. */
function primaries(): string[] {
  const step = screen.getByRole('region', { name: 'Provision users' });
  return [...step.querySelectorAll('.button-primary')].map((button) => button.textContent);
}

describe('Step 7: the one primary action is the admin’s next step', () => {
  it('makes going on the one primary action once someone is assigned and nobody is chosen', async () => {
    installEntraAt('provision-users', {
      'entra:get': () =>
        okFor('entra:get', {
          ...withJob(jobView()),
          assignments: [{ principalId: 'alice', kind: 'user', displayName: 'Alice' }],
        }),
    });
    await renderApp();
    await screen.findByRole('button', { name: 'Assign' });
    await waitFor(() =>
      expect(primaries()).toEqual(['Continue to part 2: Provision one user now']),
    );
  });

  it('makes Start the one primary action while the job has not started', async () => {
    openProvisionPart('start');
    installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', withJob(jobView())),
    });
    await renderApp();
    await screen.findByRole('button', { name: 'Start provisioning' });
    expect(primaries()).toEqual(['Start provisioning']);
  });

  it('makes going on to the watch the one primary action once the job runs', async () => {
    openProvisionPart('start');
    installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', withJob(running)),
    });
    await renderApp();
    await screen.findByRole('button', { name: 'Start provisioning' });
    await waitFor(() => expect(primaries()).toEqual(['Continue to part 4: Watch members arrive']));
  });

  it('keeps Start plain once the job runs, even when the scope would sync everyone', async () => {
    openProvisionPart('start');
    installEntraAt('provision-users', {
      'entra:get': () =>
        okFor('entra:get', { ...withJob(running), scope: jobScope({ scope: 'all' }) }),
      'entra:readScope': () => okFor('entra:readScope', jobScope({ scope: 'all' })),
    });
    await renderApp();
    const start = await screen.findByRole('button', { name: 'Start provisioning…' });
    expect(start.className).not.toContain('button-primary');
  });

  it('offers no re-check as the next step while the job is active and healthy', async () => {
    openProvisionPart('watch');
    installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', withJob(running)),
      'entra:health': () => okFor('entra:health', entraHealth({ job: running })),
    });
    await renderApp();
    const panel = await screen.findByRole('region', { name: 'Provisioning job health' });
    await within(panel).findByText('Active');
    expect(panel.querySelectorAll('.button-primary')).toHaveLength(0);
  });

  it('makes Restart the one primary action of the health panel while the job is in quarantine', async () => {
    openProvisionPart('watch');
    const quarantined = jobView({
      status: 'Quarantine',
      quarantine: { reason: 'Unknown', since: null, nextAttempt: null, error: null },
    });
    installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', withJob(quarantined)),
      'entra:health': () => okFor('entra:health', entraHealth({ job: quarantined })),
    });
    await renderApp();
    const panel = await screen.findByRole('region', { name: 'Provisioning job health' });
    await within(panel).findByText('The provisioning job is in quarantine');
    const labels = [...panel.querySelectorAll('.button-primary')].map((b) => b.textContent);
    expect(labels).toEqual(['Restart provisioning…']);
  });

  it('makes Check job health the primary action when the health could not be read', async () => {
    openProvisionPart('watch');
    installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', withJob(running)),
      'entra:health': () => ({
        ok: false,
        error: appError({ code: 'NET_TIMEOUT', message: 'Graph did not answer.' }),
      }),
    });
    await renderApp();
    const panel = await screen.findByRole('region', { name: 'Provisioning job health' });
    await within(panel).findByText('Graph did not answer.');
    const labels = [...panel.querySelectorAll('.button-primary')].map((b) => b.textContent);
    expect(labels).toEqual(['Check job health']);
  });
});

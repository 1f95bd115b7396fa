import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { REAL_HEALTH_REFRESH_MS } from '../../../renderer/features/entra-setup/use-health-refresh';
import { useWizardStore } from '../../../renderer/state/wizard-store';
import { okFor } from '../fake-assistant';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { entraApp, entraHealth, entraView, jobView, microsoftStatus } from './entra-fixtures';
import { installEntraAt, openProvisionPart } from './install';

cleanUpAfterEach();

afterEach(() => {
  vi.useRealTimers();
});

const active = jobView({ status: 'Active', scheduleState: 'Active', interval: 'PT40M' });
const view = entraView({ app: entraApp(), job: active });

/** Only the interval timers are fake: React and testing-library keep their real timeouts. */
function fakeIntervals(): void {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date(2026, 11, 1, 12, 0, 0));
}

/** Step 7 in a real tenant, whose job health answers `job` (Active unless a test says). */
function installReal(job = () => active) {
  openProvisionPart('watch');
  return installEntraAt('provision-users', {
    'microsoft:status': () => okFor('microsoft:status', microsoftStatus({ sandbox: false })),
    'entra:get': () => okFor('entra:get', view),
    'entra:health': () => okFor('entra:health', entraHealth({ job: job() })),
  });
}

describe('Step 7: job health stays current while the job is Active', () => {
  it('refreshes itself at Entra’s pace in a real tenant, with the time it was updated', async () => {
    fakeIntervals();
    const fake = installReal();
    await renderApp();
    expect(await screen.findByText(/^Updated .*12:00:00/)).toBeTruthy();
    expect(fake.callsTo('entra:health')).toHaveLength(1);
    // A minute later nothing yet: Entra's cycles are 40 minutes apart.
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(fake.callsTo('entra:health')).toHaveLength(1);
    act(() => {
      vi.advanceTimersByTime(REAL_HEALTH_REFRESH_MS - 60_000);
    });
    await waitFor(() => expect(fake.callsTo('entra:health')).toHaveLength(2));
    expect(await screen.findByText(/^Updated .*12:05:00/)).toBeTruthy();
  });

  it('refreshes at the sandbox job’s pace in the sandbox, and when the window gets focus', async () => {
    fakeIntervals();
    const quick = jobView({ status: 'Active', scheduleState: 'Active', interval: 'PT20S' });
    openProvisionPart('watch');
    const fake = installEntraAt('provision-users', {
      'microsoft:status': () => okFor('microsoft:status', microsoftStatus({ sandbox: true })),
      'entra:get': () => okFor('entra:get', entraView({ app: entraApp(), job: quick })),
      'entra:health': () => okFor('entra:health', entraHealth({ job: quick })),
    });
    await renderApp();
    expect(await screen.findByText(/Updates itself every 20 seconds/)).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(20_000);
    });
    await waitFor(() => expect(fake.callsTo('entra:health')).toHaveLength(2));
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(fake.callsTo('entra:health')).toHaveLength(3));
  });

  it('stops when the job is no longer Active', async () => {
    fakeIntervals();
    let reads = 0;
    const fake = installReal(() => (++reads < 2 ? active : { ...active, status: 'Disabled' }));
    await renderApp();
    await screen.findByText(/^Updated .*12:00:00/);
    act(() => {
      vi.advanceTimersByTime(REAL_HEALTH_REFRESH_MS);
    });
    await waitFor(() => expect(fake.callsTo('entra:health')).toHaveLength(2));
    await waitFor(() => expect(screen.queryByText(/Updates itself/)).toBeNull());
    expect(screen.getByText('Disabled', { selector: 'strong' })).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(3 * REAL_HEALTH_REFRESH_MS);
    });
    expect(fake.callsTo('entra:health')).toHaveLength(2);
  });

  it('stops when the admin leaves the step', async () => {
    fakeIntervals();
    const fake = installReal();
    await renderApp();
    await screen.findByText(/^Updated .*12:00:00/);
    act(() => {
      useWizardStore.getState().back();
    });
    await waitFor(() => expect(screen.queryByText(/^Updated/)).toBeNull());
    act(() => {
      vi.advanceTimersByTime(3 * REAL_HEALTH_REFRESH_MS);
    });
    expect(fake.callsTo('entra:health')).toHaveLength(1);
  });
});

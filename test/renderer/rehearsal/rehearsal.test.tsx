import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { Res, Result } from '../../../shared/ipc';
import type { RehearsalRun, RehearsalView } from '../../../shared/provisioning/rehearsal';
import { useRehearsalStore } from '../../../renderer/state/rehearsal-store';
import { installConnectedAt, okFor, type FakeHandlers } from '../fake-assistant';
import { connectionView } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { logEntry, rehearsalRun, rehearsalView } from './rehearsal-fixtures';

cleanUpAfterEach();
afterEach(() => {
  useRehearsalStore.setState(useRehearsalStore.getInitialState(), true);
});

const CONNECTION = connectionView();
const TARGET = {
  organizationId: CONNECTION.organizationId,
  connectionId: CONNECTION.connectionId,
};
const ACTIONS = ['Provision on demand (one user)', 'Run a provisioning cycle', 'Unassign a user'];

function installAtProvisionStep(mode: 'sandbox' | 'real', handlers: FakeHandlers = {}) {
  return installConnectedAt('provision-users', {
    'stytch:status': () =>
      okFor('stytch:status', {
        connected: true,
        projectId: 'project-test-123',
        environment: 'test',
        mode,
      }),
    'scim:getConnection': () => okFor('scim:getConnection', { connection: CONNECTION }),
    ...handlers,
  });
}

/** Main's answer to an action: the run, and the rehearsal with it on top. */
function answered(run: RehearsalRun, view: Partial<RehearsalView>): Result<Res<'rehearsal:run'>> {
  return okFor('rehearsal:run', {
    run,
    rehearsal: rehearsalView(TARGET, { runs: [run], ...view }),
  });
}

const logSection = () => screen.getByRole('region', { name: 'Simulated Entra provisioning log' });

describe('Provision users: the sandbox rehearsal', () => {
  it('is not offered in real mode, and main is never asked for it', async () => {
    const fake = installAtProvisionStep('real');
    await renderApp();
    await screen.findByText('No member of this connection in Stytch yet.');
    for (const name of ACTIONS) expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.queryByText('Simulated Entra provisioning log')).toBeNull();
    expect(fake.callsTo('rehearsal:get')).toEqual([]);
  });

  it('offers the three actions in sandbox mode, says whom each picks, and shows the demo directory', async () => {
    const fake = installAtProvisionStep('sandbox');
    await renderApp();
    const onDemand = await screen.findByRole('button', { name: ACTIONS[0] });
    expect(fake.callsTo('rehearsal:get')).toEqual([TARGET]);
    const described = document.getElementById(onDemand.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toMatch(/Sends Adele Vance now/);
    expect(
      screen.getByText(/Provision on demand \(one user\): Sends Adele Vance now/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: ACTIONS[1] })).toHaveProperty('disabled', false);
    // Nobody is provisioned yet, so there is nobody to unassign.
    expect(screen.getByRole('button', { name: ACTIONS[2] })).toHaveProperty('disabled', true);
    expect(screen.getByText(/Nobody provisioned is still assigned/)).toBeTruthy();
    const directory = screen.getByRole('table', { name: 'Demo directory in the simulated Entra' });
    expect(within(directory).getAllByRole('row')).toHaveLength(6);
    expect(within(directory).getByRole('cell', { name: 'megan.bowen@contoso.com' })).toBeTruthy();
    expect(
      screen.getByText(/Group Engineering \(assigned\): Diego Siciliani, Nestor Wilke/),
    ).toBeTruthy();
    expect(within(logSection()).getByText(/It is a simulation, not Entra’s own log/)).toBeTruthy();
    expect(within(logSection()).getByText('Nothing has been sent yet.')).toBeTruthy();
  });

  it('provisions on demand for the connection on screen and shows the outcome and the log entry', async () => {
    const run = rehearsalRun();
    const fake = installAtProvisionStep('sandbox', {
      'rehearsal:run': () =>
        answered(run, {
          log: [logEntry()],
          next: { onDemand: 'Alex Wilber', unassign: 'Adele Vance' },
        }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: ACTIONS[0] }));
    expect(fake.callsTo('rehearsal:run')).toEqual([{ ...TARGET, action: 'provision-on-demand' }]);
    const outcome = await screen.findByText(
      'Provision on demand for Adele Vance: 1 object processed, 0 failed.',
    );
    expect(outcome.closest('[role="status"]')).not.toBeNull();
    const log = logSection();
    const entry = within(log).getByText(/User Adele Vance · Create · Success \(on demand\)/);
    await user.click(entry);
    expect(
      within(log).getByText(/Import: Success — Received User 'adele.vance@contoso.com'/),
    ).toBeTruthy();
    expect(within(log).getByRole('table', { name: 'Modified properties' })).toBeTruthy();
    expect(screen.getByRole('button', { name: ACTIONS[2] })).toHaveProperty('disabled', false);
  });

  it('shows a failing cycle (a faulty endpoint) with Entra’s message and the quarantine', async () => {
    const run = rehearsalRun({
      action: 'cycle',
      ran: 'initial',
      user: null,
      completed: false,
      entries: 0,
      error: {
        code: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
        message:
          'We received this unexpected response from your application: … Response Status Code: NotFound …',
        hint: 'Entra expects HTTP 200 with an empty SCIM ListResponse for a user that does not exist.',
      },
    });
    installAtProvisionStep('sandbox', {
      'rehearsal:run': () =>
        answered(run, {
          job: {
            state: 'quarantined',
            quarantine: {
              reason: 'EncounteredQuarantineException',
              code: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
              message: 'Response Status Code: NotFound',
              since: '2026-12-01T12:04:05.000Z',
            },
          },
        }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: ACTIONS[1] }));
    expect(await screen.findByText('Initial cycle: stopped at its opening check.')).toBeTruthy();
    expect(screen.getByText(/Entra expects HTTP 200 with an empty SCIM ListResponse/)).toBeTruthy();
    const log = logSection();
    expect(within(log).getByText('The simulated provisioning job is in quarantine')).toBeTruthy();
    expect(
      within(log).getByText(/Initial cycle: stopped at its opening check\. We received/),
    ).toBeTruthy();
    expect(within(log).getByText('No object was processed.')).toBeTruthy();
  });

  it('shows main refusing as an error with Retry, which runs the same action again', async () => {
    const fake = installAtProvisionStep('sandbox', {
      'rehearsal:run': () => ({
        ok: false,
        error: {
          code: 'SANDBOX_ONLY',
          message: 'The provisioning rehearsal runs only in sandbox mode.',
          hint: 'Start the local sandbox.',
        },
      }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: ACTIONS[1] }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The rehearsal could not run.');
    expect(alert.textContent).toContain('runs only in sandbox mode');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.callsTo('rehearsal:run')).toHaveLength(2));
    expect(fake.callsTo('rehearsal:run')[1]).toEqual({ ...TARGET, action: 'cycle' });
  });

  it('disables every action while one runs', async () => {
    let answer: (result: Result<Res<'rehearsal:run'>>) => void = () => undefined;
    installAtProvisionStep('sandbox', {
      'rehearsal:run': () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: ACTIONS[1] }));
    expect(await screen.findByText('The simulated Entra is at work…')).toBeTruthy();
    for (const name of ACTIONS) {
      expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
    }
    answer(answered(rehearsalRun({ action: 'cycle', ran: 'initial', user: null, entries: 7 }), {}));
    expect(await screen.findByText('Initial cycle: 7 objects processed, 0 failed.')).toBeTruthy();
    expect(screen.getByRole('button', { name: ACTIONS[1] })).toHaveProperty('disabled', false);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { installFakeAssistant, okFor } from '../fake-assistant';
import { appError, organization, progressAt, settings } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';

cleanUpAfterEach();

const SANDBOX_LABEL = 'Sandbox — nothing here touches your real Stytch project';
const searchOk = () =>
  okFor('stytch:searchOrganizations', {
    organizations: [organization(1)],
    nextCursor: null,
    total: 1,
  });

describe('Connect step', () => {
  it('tells test from live by the project ID prefix', async () => {
    installFakeAssistant();
    const { user } = await renderApp();
    const id = screen.getByRole('textbox', { name: 'Project ID' });
    await user.type(id, 'project-live-abc');
    expect(screen.getByText('Live environment: changes affect your real users.')).toBeTruthy();
    await user.clear(id);
    await user.type(id, 'project-test-abc');
    expect(screen.getByText('Test environment.')).toBeTruthy();
    await user.clear(id);
    await user.type(id, 'abc');
    expect(
      screen.getByText('Stytch project IDs start with project-test- or project-live-.'),
    ).toBeTruthy();
  });

  it('sends the secret from a password field, clears it while the call runs, and moves on', async () => {
    let answer: () => void = () => undefined;
    const fake = installFakeAssistant({
      'stytch:connect': (request) =>
        new Promise((resolve) => {
          answer = () =>
            resolve(
              okFor('stytch:connect', {
                connected: true,
                projectId: request.projectId,
                environment: 'test',
                mode: 'real',
              }),
            );
        }),
      'stytch:searchOrganizations': searchOk,
    });
    const { user } = await renderApp();
    const secret = screen.getByLabelText<HTMLInputElement>('Secret');
    expect(secret.type).toBe('password');
    await user.type(screen.getByRole('textbox', { name: 'Project ID' }), 'project-test-abc');
    await user.type(secret, 'secret-test-xyz');
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByText('Checking the project with Stytch…')).toBeTruthy();
    expect(secret.value).toBe('');
    expect(secret.closest('[aria-busy]')?.getAttribute('aria-busy')).toBe('true');
    answer();

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Choose the organization' }),
    ).toBeTruthy();
    expect(fake.callsTo('stytch:connect')).toEqual([
      { projectId: 'project-test-abc', secret: 'secret-test-xyz' },
    ]);
  });

  it('empties the secret field even when the connection fails, and shows message and hint', async () => {
    installFakeAssistant({
      'stytch:connect': () => ({
        ok: false,
        error: appError({
          code: 'NET_TIMEOUT',
          message: 'Stytch did not answer in time.',
          hint: 'Check your network connection.',
        }),
      }),
    });
    const { user } = await renderApp();
    await user.type(screen.getByRole('textbox', { name: 'Project ID' }), 'project-test-abc');
    await user.type(screen.getByLabelText('Secret'), 'secret-test-xyz');
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Stytch did not answer in time.');
    expect(alert.textContent).toContain('Check your network connection.');
    expect(screen.getByLabelText<HTMLInputElement>('Secret').value).toBe('');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Secret'));
  });

  it('puts focus back in the emptied secret field when Stytch refuses the credentials, with no Retry of the same secret', async () => {
    installFakeAssistant({
      'stytch:connect': () => ({
        ok: false,
        error: appError({
          code: 'STYTCH_BAD_CREDENTIALS',
          message: 'Stytch refused the secret.',
          hint: 'Copy a fresh secret.',
          retryable: false,
        }),
      }),
    });
    const { user } = await renderApp();
    await user.type(screen.getByRole('textbox', { name: 'Project ID' }), 'project-test-abc');
    await user.type(screen.getByLabelText('Secret'), 'secret-test-wrong');
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Stytch refused the secret.');
    expect(alert.textContent).toContain('Copy a fresh secret.');
    expect(alert.textContent).toContain('paste the secret again');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
    const secret = screen.getByLabelText<HTMLInputElement>('Secret');
    expect(secret.value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(secret));
    expect(secret.getAttribute('aria-invalid')).toBe('true');
  });

  it('puts focus in the project ID when Stytch says it is not a project ID', async () => {
    installFakeAssistant({
      'stytch:connect': () => ({
        ok: false,
        error: appError({
          code: 'STYTCH_PROJECT_ID_INVALID',
          message: 'That is not a Stytch project ID.',
          hint: 'Copy the Project ID from the dashboard.',
          retryable: false,
        }),
      }),
    });
    const { user } = await renderApp();
    await user.type(screen.getByRole('textbox', { name: 'Project ID' }), 'project-test-abc');
    await user.type(screen.getByLabelText('Secret'), 'secret-test-wrong');
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
    const projectId = screen.getByRole('textbox', { name: 'Project ID' });
    await waitFor(() => expect(document.activeElement).toBe(projectId));
  });

  it('starts the sandbox and labels every screen after it', async () => {
    let mode: 'real' | 'sandbox' = 'real';
    const fake = installFakeAssistant({
      'app:info': () =>
        okFor('app:info', {
          name: 'SCIM Setup Assistant',
          version: '0.1.0',
          platform: 'linux',
          mode,
        }),
      'sandbox:start': () => {
        mode = 'sandbox';
        return okFor('sandbox:start', {
          connected: true,
          projectId: 'project-test-sandbox',
          environment: 'test',
          mode: 'sandbox',
        });
      },
      'stytch:searchOrganizations': searchOk,
    });
    const { user } = await renderApp();
    expect(screen.queryByText(SANDBOX_LABEL)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Try it with a local sandbox' }));

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Choose the organization' }),
    ).toBeTruthy();
    expect(screen.getByText(SANDBOX_LABEL)).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Where you are' })).getByRole('note').textContent,
    ).toContain('Sandbox');
    expect(fake.callsTo('sandbox:start')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByText(SANDBOX_LABEL)).toBeTruthy();
  });

  it('shows the sandbox label on a resumed screen when main is in sandbox mode', async () => {
    installFakeAssistant(
      {
        'app:info': () =>
          okFor('app:info', {
            name: 'SCIM Setup Assistant',
            version: '0.1.0',
            platform: 'linux',
            mode: 'sandbox',
          }),
        'stytch:status': () =>
          okFor('stytch:status', {
            connected: true,
            projectId: 'project-test-sandbox',
            environment: 'test',
            mode: 'sandbox',
          }),
      },
      settings({
        projectId: 'project-test-sandbox',
        organizationId: 'organization-test-1',
        wizard: progressAt('webhooks', [
          'connect-stytch',
          'choose-organization',
          'create-entra-app',
          'enable-provisioning',
          'create-scim-connection',
          'configure-credentials',
          'provision-users',
        ]),
      }),
    );
    await renderApp();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Webhooks (optional)');
    expect(screen.getByText(SANDBOX_LABEL)).toBeTruthy();
  });

  it('opens outside links through main', async () => {
    const fake = installFakeAssistant({
      'app:openExternal': () => okFor('app:openExternal', { opened: true }),
    });
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: /Open Stytch API keys/ }));
    expect(fake.callsTo('app:openExternal')).toEqual([
      { url: 'https://stytch.com/dashboard/api-keys' },
    ]);
  });
});

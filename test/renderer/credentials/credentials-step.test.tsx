import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { useAppStore } from '../../../renderer/state/app-store';
import { useConnectionStore } from '../../../renderer/state/connection-store';
import { useOrganizationStore } from '../../../renderer/state/organization-store';
import { useProbeStore } from '../../../renderer/state/probe-store';
import { useWizardStore } from '../../../renderer/state/wizard-store';
import { installConnectedAt, okFor, type FakeHandlers } from '../fake-assistant';
import { appError, connectionView } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';

cleanUpAfterEach();

const TOKEN = 'scim-token-value-0123456789-k9Zq';

function installAtCredentialsStep(handlers: FakeHandlers = {}) {
  return installConnectedAt('configure-credentials', {
    'scim:getConnection': () => okFor('scim:getConnection', { connection: connectionView() }),
    'clipboard:copy': (request) =>
      okFor('clipboard:copy', { clearsInMs: request.kind === 'secret' ? 60_000 : null }),
    'secrets:reveal': () => okFor('secrets:reveal', { value: TOKEN }),
    ...handlers,
  });
}

function everyStoreAsText(): string {
  return JSON.stringify([
    useAppStore.getState(),
    useConnectionStore.getState(),
    useOrganizationStore.getState(),
    useProbeStore.getState(),
    useWizardStore.getState(),
  ]);
}

describe('Credentials step', () => {
  it('shows the Tenant URL and the token masked except its last four, with the flag explained', async () => {
    installAtCredentialsStep();
    await renderApp();
    const url = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Tenant URL' });
    expect(url.readOnly).toBe(true);
    expect(url.value).toBe(connectionView().tenantUrl);
    const token = screen.getByRole<HTMLInputElement>('textbox', { name: 'Secret Token' });
    expect(token.readOnly).toBe(true);
    expect(token.value).toBe('••••••••••••k9Zq');
    expect(screen.getByText(/ends with \?aadOptscim062020/).id).toBe('tenant-url-scim-token-hint');
  });

  it('copies the URL as text and the token by handle, confirming with the clearing time', async () => {
    const fake = installAtCredentialsStep();
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Copy Tenant URL' }));
    expect(await screen.findByText('Copied')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Copy Secret Token' }));

    expect(await screen.findByText('Copied — clears in 60 s')).toBeTruthy();
    expect(fake.callsTo('clipboard:copy')).toEqual([
      { kind: 'text', text: connectionView().tenantUrl },
      { kind: 'secret', handle: { kind: 'scim-token', connectionId: 'scim-connection-test-1' } },
    ]);
  });

  it('reveals the token once, keeps it out of every store, and masks it again after leaving', async () => {
    const fake = installAtCredentialsStep();
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Reveal Secret Token' }));

    const token = screen.getByRole<HTMLInputElement>('textbox', { name: 'Secret Token' });
    await waitFor(() => expect(token.value).toBe(TOKEN));
    expect(screen.queryByRole('button', { name: 'Reveal Secret Token' })).toBeNull();
    expect(fake.callsTo('secrets:reveal')).toHaveLength(1);
    expect(everyStoreAsText()).not.toContain(TOKEN);

    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: /Paste the credentials into Entra/ }));

    const again = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Secret Token' });
    expect(again.value).toBe('••••••••••••k9Zq');
    expect(fake.callsTo('secrets:reveal')).toHaveLength(1);
  });

  it('needs "I\'ve pasted both into Entra" and the checklist before Next', async () => {
    const fake = installAtCredentialsStep();
    const { user } = await renderApp();
    const next = screen.getByRole('button', { name: 'Next' });
    await user.click(await screen.findByRole('checkbox', { name: "I've pasted both into Entra" }));
    expect(next.hasAttribute('disabled')).toBe(true);

    const checklist = screen.getByRole('group', { name: 'Checklist' });
    for (const box of within(checklist).getAllByRole('checkbox')) await user.click(box);
    await user.click(next);

    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Provision users');
    await waitFor(() =>
      expect(fake.settings.wizard.checklist['configure-credentials.pasted']).toBe(true),
    );
  });

  it('shows a failed copy with its hint, and Retry copies again', async () => {
    let attempts = 0;
    const fake = installAtCredentialsStep({
      'clipboard:copy': () => {
        attempts += 1;
        return attempts === 1
          ? {
              ok: false,
              error: appError({
                code: 'SECRET_NOT_FOUND',
                message: 'The token is gone.',
                hint: 'Rotate it.',
              }),
            }
          : okFor('clipboard:copy', { clearsInMs: 60_000 });
      },
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Copy Secret Token' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The token is gone.');
    expect(alert.textContent).toContain('Rotate it.');

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('Copied — clears in 60 s')).toBeTruthy();
    expect(fake.callsTo('clipboard:copy')).toHaveLength(2);
  });
});

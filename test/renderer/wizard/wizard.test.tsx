import { act, screen, waitFor, within } from '@testing-library/react';
import type { Root } from 'react-dom/client';
import { describe, expect, it } from 'vitest';

import { mountApp } from '../../../renderer/AppMount';
import { askFirstReads } from '../../../renderer/state/first-reads';

import { installFakeAssistant, okFor } from '../fake-assistant';
import { connectionView, progressAt, settings } from '../fixtures';
import { cleanUpAfterEach, renderApp, renderAppNow } from '../render-app';

const connected = () =>
  okFor('stytch:status', {
    connected: true,
    projectId: 'project-test-123',
    environment: 'test',
    mode: 'real',
  });

cleanUpAfterEach();

describe('Wizard', () => {
  it('resumes at the saved step with earlier steps marked done', async () => {
    installFakeAssistant(
      { 'stytch:status': connected },
      settings({
        projectId: 'project-test-123',
        organizationId: 'organization-test-1',
        wizard: progressAt('enable-provisioning', [
          'connect-stytch',
          'choose-organization',
          'create-entra-app',
        ]),
      }),
    );
    await renderApp();

    expect(
      screen.getByRole('heading', { level: 2, name: 'Turn on automatic provisioning' }),
    ).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Setup steps' });
    const current = within(nav).getByRole('button', { current: 'step' });
    expect(current.textContent).toContain('Turn on automatic provisioning');
    expect(
      within(nav).getByRole('button', { name: /Create the enterprise app in Entra/ }).textContent,
    ).toContain('Done');
    expect(
      within(nav)
        .getByRole('button', { name: /Provision users/ })
        .hasAttribute('disabled'),
    ).toBe(true);
  });

  it('restores ticked checklist items and saves new ticks through settings:update', async () => {
    const fake = installFakeAssistant(
      { 'stytch:status': connected },
      settings({
        organizationId: 'organization-test-1',
        wizard: progressAt('create-entra-app', ['connect-stytch', 'choose-organization'], {
          'create-entra-app.non-gallery': true,
        }),
      }),
    );
    const { user } = await renderApp();

    const nonGallery = screen.getByRole('checkbox', { name: /^It is a non-gallery app/ });
    expect((nonGallery as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: /Create your own application/ }));

    await waitFor(() =>
      expect(fake.settings.wizard.checklist).toEqual({
        'create-entra-app.non-gallery': true,
        'create-entra-app.own-app': true,
      }),
    );
  });

  it('keeps Next disabled until the checklist is complete, then moves on and saves the step', async () => {
    const fake = installFakeAssistant(
      { 'stytch:status': connected },
      settings({
        organizationId: 'organization-test-1',
        wizard: progressAt('create-entra-app', ['connect-stytch', 'choose-organization']),
      }),
    );
    const { user } = await renderApp();
    const next = screen.getByRole('button', { name: 'Next' });
    expect(next.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Tick every item in the checklist to continue.')).toBeTruthy();

    for (const box of screen.getAllByRole('checkbox')) await user.click(box);
    await user.click(next);

    const heading = screen.getByRole('heading', {
      level: 2,
      name: 'Turn on automatic provisioning',
    });
    expect(document.activeElement).toBe(heading);
    await waitFor(() => expect(fake.settings.wizard.currentStep).toBe('enable-provisioning'));
    expect(fake.settings.wizard.completedSteps).toContain('create-entra-app');
  });

  it('goes back with Back and lets the user reopen a completed step from the list', async () => {
    installFakeAssistant(
      {
        'stytch:status': connected,
        'scim:getConnection': () => okFor('scim:getConnection', { connection: connectionView() }),
      },
      settings({
        organizationId: 'organization-test-1',
        wizard: progressAt('provision-users', [
          'connect-stytch',
          'choose-organization',
          'create-entra-app',
          'enable-provisioning',
          'create-scim-connection',
          'configure-credentials',
        ]),
      }),
    );
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Paste the credentials into Entra',
    );

    await user.click(screen.getByRole('button', { name: /Create the enterprise app in Entra/ }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Create the enterprise app in Entra',
    );
  });

  it('opens the connect step instead of the saved one when Stytch is no longer connected', async () => {
    installFakeAssistant(
      {},
      settings({
        projectId: 'project-test-123',
        organizationId: 'organization-test-1',
        wizard: progressAt('provision-users', ['connect-stytch', 'choose-organization']),
      }),
    );
    await renderApp();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Connect to Stytch');
  });

  it('shows the version from app:info in the footer', async () => {
    installFakeAssistant();
    await renderApp();
    expect(screen.getByTestId('app-info').textContent).toBe('Version 0.1.0');
  });

  it('shows a boot failure with its hint, and Retry reads everything again', async () => {
    let attempts = 0;
    const fake = installFakeAssistant({
      'settings:get': () => {
        attempts += 1;
        return attempts === 1
          ? {
              ok: false,
              error: {
                code: 'SETTINGS_CORRUPT',
                message: 'The settings file could not be read.',
                hint: 'It was set aside; choose Retry to start fresh.',
              },
            }
          : okFor('settings:get', settings());
      },
    });
    const { user } = renderAppNow();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The settings file could not be read.');
    expect(alert.textContent).toContain('It was set aside; choose Retry to start fresh.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    await screen.findByRole('heading', { level: 2, name: 'Connect to Stytch' });
    expect(fake.callsTo('settings:get')).toHaveLength(2);
  });

  it('starts from the answers the page asked for before the screens loaded: asked once, no Loading screen', async () => {
    const fake = installFakeAssistant();
    // As main.tsx does: the questions go to main first, the screens mount once their chunk is in.
    askFirstReads();
    // Main answers while the screens' chunk is still loading (a round trip to main is shorter).
    await new Promise((resolve) => setTimeout(resolve, 0));
    const container = document.body.appendChild(document.createElement('div'));
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(container.textContent));
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    let root: Root | undefined;
    // React renders in a task of its own, as the page's scheduler does: after the boot's microtasks.
    await act(() => {
      root = mountApp(container);
      return new Promise((resolve) => setTimeout(resolve, 0));
    });
    try {
      await screen.findByRole('heading', { level: 2, name: 'Connect to Stytch' });
      expect(seen.some((text) => text.includes('Loading your set-up'))).toBe(false);
      for (const channel of ['app:info', 'stytch:status', 'settings:get'] as const)
        expect(fake.callsTo(channel)).toHaveLength(1);
    } finally {
      observer.disconnect();
      act(() => root?.unmount());
      container.remove();
    }
  });
});

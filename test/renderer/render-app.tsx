import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect } from 'vitest';

import { App } from '../../renderer/App';
import { useBootStore } from '../../renderer/state/boot';
import type { FakeAssistant } from './fake-assistant';
import { resetStores } from './reset-stores';

/** Renders the whole app against the installed fake, without waiting for it to boot. */
export function renderAppNow() {
  return { user: userEvent.setup(), ...render(<App />) };
}

/** Renders the whole app against the installed fake and waits until it has booted. */
export async function renderApp() {
  const view = renderAppNow();
  await waitFor(() => expect(useBootStore.getState().phase).not.toBe('loading'));
  await screen.findByTestId('app-info');
  return view;
}

/**
 * Unmounts, checks the app called no channel the test did not fake, lets queued progress
 * writes finish, and puts every store back.
 */
export function cleanUpAfterEach(): void {
  afterEach(async () => {
    cleanup();
    const fake = window.assistant as FakeAssistant;
    expect(fake.unexpected).toEqual([]);
    await fake.writesSettled();
    resetStores();
  });
}

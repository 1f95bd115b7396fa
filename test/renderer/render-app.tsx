import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect } from 'vitest';

import { App, FleetHome } from '../../renderer/App';
import { loadAllSteps } from '../../renderer/features/wizard/step-bodies';
import { useBootStore } from '../../renderer/state/boot';
import type { FakeAssistant } from './fake-assistant';
import { resetStores } from './reset-stores';

/** Renders the whole app against the installed fake, without waiting for it to boot. */
export function renderAppNow() {
  return { user: userEvent.setup(), ...render(<App />) };
}

/**
 * Renders the whole app against the installed fake and waits until it has booted. Every step's
 * body (and the connections overview) is loaded first, as the app's prefetch has it by the time the admin moves on, so a test
 * that opens a step finds it at once rather than after its first import.
 */
export async function renderApp() {
  await Promise.all([loadAllSteps(), FleetHome.load()]);
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

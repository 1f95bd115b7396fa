import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ErrorBoundary } from '../../../renderer/components/ErrorBoundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

let shouldThrow = true;
function Fragile() {
  if (shouldThrow) throw new Error('render exploded at Fragile (internal detail)');
  return <p>Recovered screen</p>;
}

describe('ErrorBoundary', () => {
  it('shows a plain message instead of a stack trace, and can show the screen again', async () => {
    // React reports caught render errors on the console; keep the test output clean.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    shouldThrow = true;
    render(
      <ErrorBoundary>
        <Fragile />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Something went wrong on this screen.');
    expect(document.body.textContent).not.toContain('render exploded');

    shouldThrow = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show the screen again' }));

    expect(screen.getByText('Recovered screen')).toBeTruthy();
  });
});

import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

import { ConfirmAction, type ConfirmTone } from '../../../renderer/components/ConfirmAction';

afterEach(cleanup);

function renderConfirm(tone: ConfirmTone | undefined) {
  render(
    <ConfirmAction
      trigger="Unassign Ada…"
      question="Unassign Ada from the app?"
      confirm="Yes, unassign"
      cancel="Keep Ada"
      disabled={false}
      onConfirm={() => undefined}
      {...(tone ? { tone } : {})}
    >
      <p>Entra stops provisioning Ada.</p>
    </ConfirmAction>,
  );
}

describe('ConfirmAction', () => {
  it('asks with a neutral button and confirms in red when the action is destructive', async () => {
    renderConfirm('danger');
    const trigger = screen.getByRole('button', { name: 'Unassign Ada…' });
    expect(trigger.className).toBe('button');
    await userEvent.click(trigger);
    expect(screen.getByRole('button', { name: 'Yes, unassign' }).className).toContain(
      'button-danger',
    );
    expect(screen.getByRole('button', { name: 'Keep Ada' }).className).toBe('button');
  });

  it('confirms an ordinary change with the primary colour, never red', async () => {
    renderConfirm(undefined);
    await userEvent.click(screen.getByRole('button', { name: 'Unassign Ada…' }));
    const yes = screen.getByRole('button', { name: 'Yes, unassign' });
    expect(yes.className).toContain('button-primary');
    expect(yes.className).not.toContain('button-danger');
    expect(screen.getByRole('group').className).not.toContain('confirm-danger');
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { installConnectedAt, okFor } from '../fake-assistant';
import { connectionView } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';

cleanUpAfterEach();

describe('An existing connection’s danger zone', () => {
  it('keeps Delete in a danger zone behind a neutral button; only the confirmation is red', async () => {
    installConnectedAt('create-scim-connection', {
      'scim:getConnection': () => okFor('scim:getConnection', { connection: connectionView() }),
    });
    const { user } = await renderApp();
    const zone = await screen.findByRole('region', { name: 'Danger zone' });
    const trigger = within(zone).getByRole('button', { name: 'Delete this connection…' });
    expect(trigger.className).not.toContain('button-danger');
    expect(trigger.className).not.toContain('button-primary');
    // The page's one primary action is the way forward, not the deletion.
    const primaries = document.querySelectorAll('.existing .button-primary');
    expect([...primaries].map((button) => button.textContent)).toEqual(['Use the saved token']);

    await user.click(trigger);
    const confirm = within(zone).getByRole('group', { name: 'Delete the SCIM connection?' });
    const yes = within(confirm).getByRole('button', { name: 'Yes, delete the connection' });
    expect(yes.className).toContain('button-danger');
    expect(confirm.className).toContain('confirm-danger');
  });
});

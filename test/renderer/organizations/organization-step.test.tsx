import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Req } from '../../../shared/ipc';
import { installConnectedAt, okFor } from '../fake-assistant';
import { appError, organization } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';

cleanUpAfterEach();

const PAUSE_LONGER_THAN_DEBOUNCE_MS = 600;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function installAtOrganizationStep(
  search: (
    request: Req<'stytch:searchOrganizations'>,
  ) => ReturnType<typeof okFor<'stytch:searchOrganizations'>>,
) {
  return installConnectedAt('choose-organization', { 'stytch:searchOrganizations': search }, null);
}

const page = (n: number[], nextCursor: string | null = null, total = n.length) =>
  okFor('stytch:searchOrganizations', {
    organizations: n.map((i) => organization(i)),
    nextCursor,
    total,
  });

describe('Organization step', () => {
  it('lists every organization at once, then sends one search after fast typing stops', async () => {
    const fake = installAtOrganizationStep(() => page([1, 2]));
    const { user } = await renderApp();
    await waitFor(() => expect(fake.callsTo('stytch:searchOrganizations')).toHaveLength(1));
    expect(fake.callsTo('stytch:searchOrganizations')[0]?.query).toBe('');

    await user.type(screen.getByRole('searchbox', { name: 'Search organizations' }), 'acme corp');

    await waitFor(() => expect(fake.callsTo('stytch:searchOrganizations')).toHaveLength(2));
    await pause(PAUSE_LONGER_THAN_DEBOUNCE_MS);
    const queries = fake.callsTo('stytch:searchOrganizations').map((r) => r.query);
    expect(queries).toEqual(['', 'acme corp']);
  });

  it('sends nothing for one or two characters and says why', async () => {
    const fake = installAtOrganizationStep(() => page([1]));
    const { user } = await renderApp();
    await waitFor(() => expect(fake.callsTo('stytch:searchOrganizations')).toHaveLength(1));

    await user.type(screen.getByRole('searchbox', { name: 'Search organizations' }), 'ac');
    await pause(PAUSE_LONGER_THAN_DEBOUNCE_MS);

    expect(fake.callsTo('stytch:searchOrganizations')).toHaveLength(1);
    expect(screen.getByText('Type at least 3 characters to search by name.')).toBeTruthy();
  });

  it('appends the next page on Load more and hides it on the last page', async () => {
    const fake = installAtOrganizationStep((request) =>
      request.cursor === 'cursor-2' ? page([3, 4], null, 4) : page([1, 2], 'cursor-2', 4),
    );
    const { user } = await renderApp();
    const list = await screen.findByRole('listbox', { name: 'Organizations' });
    expect(within(list).getAllByRole('option')).toHaveLength(2);
    expect(screen.getByText('Showing 2 of 4.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(4));
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Org 1org-1', 'Org 2org-2', 'Org 3org-3', 'Org 4org-4']);
    expect(fake.callsTo('stytch:searchOrganizations')[1]).toEqual({
      query: '',
      cursor: 'cursor-2',
      limit: 20,
    });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('marks organizations that already have a SCIM connection', async () => {
    installAtOrganizationStep(() =>
      okFor('stytch:searchOrganizations', {
        organizations: [
          organization(1),
          organization(2, { scimActiveConnectionId: 'scim-connection-9' }),
        ],
        nextCursor: null,
        total: 2,
      }),
    );
    await renderApp();
    const withConnection = await screen.findByRole('option', { name: /Org 2/ });
    expect(withConnection.textContent).toContain('Has a SCIM connection');
    expect(screen.getByRole('option', { name: /Org 1/ }).textContent).not.toContain('SCIM');
  });

  it('chooses with the keyboard, saves the organization and enables Next', async () => {
    const fake = installAtOrganizationStep(() => page([1, 2, 3]));
    const { user } = await renderApp();
    const list = await screen.findByRole('listbox', { name: 'Organizations' });
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);

    list.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}{Enter}');

    await waitFor(() => expect(fake.settings.organizationId).toBe('organization-test-2'));
    expect(screen.getByRole('option', { name: /Org 2/ }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(false);
  });

  it('shows a failed search with its hint, and Retry searches again', async () => {
    let attempts = 0;
    const fake = installAtOrganizationStep(() => {
      attempts += 1;
      return attempts === 1
        ? {
            ok: false,
            error: appError({
              code: 'STYTCH_RATE_LIMITED',
              message: 'Too many searches.',
              hint: 'Wait a minute.',
            }),
          }
        : page([1]);
    });
    const { user } = await renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many searches.');
    expect(alert.textContent).toContain('Wait a minute.');

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    await screen.findByRole('option', { name: /Org 1/ });
    expect(fake.callsTo('stytch:searchOrganizations')).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

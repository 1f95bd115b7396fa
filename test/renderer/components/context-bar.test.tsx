import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { MicrosoftStatus } from '../../../shared/entra/entra-views';
import { SIGNED_IN } from '../entra-setup/entra-fixtures';
import { installEntraAt } from '../entra-setup/install';
import {
  CONNECTED_PROJECT_ID,
  installConnectedAt,
  installFakeAssistant,
  okFor,
} from '../fake-assistant';
import { connectionView, organization } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';

cleanUpAfterEach();

const bar = () => screen.getByRole('region', { name: 'Where you are' });

/** Each "term: value" the bar shows, as a screen reader reads the pairs. */
const items = () =>
  [...bar().querySelectorAll('dt')].map(
    (term) => `${term.textContent} ${term.nextElementSibling?.textContent ?? ''}`,
  );

describe('Context bar', () => {
  it('says nothing is connected yet on the first screen, and the footer no longer says the mode', async () => {
    installFakeAssistant();
    await renderApp();
    expect(items().join(' | ')).toContain('Stytch project: not connected');
    expect(screen.getByTestId('app-info').textContent).toBe('Version 0.1.0');
  });

  it('names the Stytch project with its environment, the organization and the connection', async () => {
    installConnectedAt('create-scim-connection', {
      'scim:getConnection': () => okFor('scim:getConnection', { connection: connectionView() }),
    });
    await renderApp();
    expect(within(bar()).getByText(CONNECTED_PROJECT_ID)).toBeTruthy();
    expect(within(bar()).getByText('Test')).toBeTruthy();
    // Settings saved before the name was kept with the choice: only the ID is known.
    expect(within(bar()).getByText('organization-test-1')).toBeTruthy();
    await waitFor(() =>
      expect(items().join(' | ')).toContain('SCIM connection: Microsoft Entra ID'),
    );
  });

  it('shows the organization by name once it is chosen, and keeps the name with the choice', async () => {
    const fake = installConnectedAt(
      'choose-organization',
      {
        'stytch:searchOrganizations': () =>
          okFor('stytch:searchOrganizations', {
            organizations: [organization(1, { name: 'Acme Corporation' })],
            nextCursor: null,
            total: 1,
          }),
      },
      null,
    );
    const { user } = await renderApp();
    expect(items().join(' | ')).toContain('Organization: not chosen');
    await user.click(await screen.findByRole('option', { name: /Acme Corporation/ }));
    await waitFor(() => expect(items().join(' | ')).toContain('Organization: Acme Corporation'));
    expect(fake.settings).toMatchObject({
      organizationId: organization(1).organizationId,
      organizationName: 'Acme Corporation',
    });
  });

  it('shows the organization by name after a restart, as it was kept with the choice', async () => {
    const fake = installConnectedAt('create-scim-connection', {
      'scim:getConnection': () => okFor('scim:getConnection', { connection: connectionView() }),
    });
    fake.settings = { ...fake.settings, organizationName: 'Acme Corporation' };
    await renderApp();
    expect(items().join(' | ')).toContain('Organization: Acme Corporation');
    expect(within(bar()).queryByText('organization-test-1')).toBeNull();
  });

  it('says Live in words, not by colour alone, for a live project', async () => {
    installConnectedAt('choose-organization', {
      'stytch:status': () =>
        okFor('stytch:status', {
          connected: true,
          projectId: 'project-live-123',
          environment: 'live',
          mode: 'real',
        }),
      'stytch:searchOrganizations': () =>
        okFor('stytch:searchOrganizations', { organizations: [], nextCursor: null, total: 0 }),
    });
    await renderApp();
    const live = within(bar()).getByText('Live');
    expect(live.className).toContain('context-live');
    expect(bar().textContent).toContain('project-live-123');
  });

  it.each([
    ['a real tenant, by the domain the admin gave', SIGNED_IN],
    [
      'the sandbox’s tenant, by its name',
      {
        ...SIGNED_IN,
        sandbox: true,
        account: {
          username: 'adele.vance@contoso.com',
          name: 'Adele Vance',
          tenantId: '4a5c6e8d-1b2f-4c3d-9e8f-0a1b2c3d4e5f',
          tenant: 'Contoso (sandbox)',
        },
      },
    ],
  ])(
    'shows the Microsoft account and %s, with its ID on hover',
    async (_name, status: MicrosoftStatus) => {
      installEntraAt('create-entra-app', {
        'microsoft:status': () => okFor('microsoft:status', status),
      });
      await renderApp();
      const account = status.account!;
      await waitFor(() => expect(items().join(' | ')).toContain(`Microsoft: ${account.name}`));
      expect(bar().textContent).toContain(account.username);
      const tenant = within(bar()).getByText(account.tenant);
      expect(tenant.title).toBe(`Tenant ID ${account.tenantId}`);
      expect(bar().textContent).not.toContain(account.tenantId);
    },
  );

  it('says when Microsoft refused to renew the sign-in, beside the account still on record', async () => {
    installEntraAt('create-entra-app', {
      'microsoft:status': () =>
        okFor('microsoft:status', {
          ...SIGNED_IN,
          account: SIGNED_IN.account && { ...SIGNED_IN.account, renewalLost: true },
        }),
    });
    await renderApp();
    await waitFor(() =>
      expect(items().join(' | ')).toContain(
        'Microsoft: Ada Admin (admin@contoso.test), tenant contoso.onmicrosoft.com (sign-in expired: sign in again)',
      ),
    );
  });

  it('shows the tenant’s ID where that is all main knows of it', async () => {
    installEntraAt('create-entra-app', {
      'microsoft:status': () =>
        okFor('microsoft:status', {
          ...SIGNED_IN,
          account: { ...SIGNED_IN.account!, tenant: 'tenant-test-1' },
        }),
    });
    await renderApp();
    await waitFor(() => expect(items().join(' | ')).toContain('Microsoft: Ada Admin'));
    expect(within(bar()).getByText('tenant-test-1').className).toBe('mono');
  });

  it('carries the sandbox label in sandbox mode', async () => {
    installConnectedAt('choose-organization', {
      'stytch:status': () =>
        okFor('stytch:status', {
          connected: true,
          projectId: 'project-test-sandbox',
          environment: 'test',
          mode: 'sandbox',
        }),
      'stytch:searchOrganizations': () =>
        okFor('stytch:searchOrganizations', { organizations: [], nextCursor: null, total: 0 }),
    });
    await renderApp();
    expect(within(bar()).getByRole('note').textContent).toContain('Sandbox');
  });
});

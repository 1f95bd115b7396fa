import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { checklistKey } from '../../../shared/wizard/content';
import { useWizardStore } from '../../../renderer/state/wizard-store';
import type { Result, Res } from '../../../shared/ipc';
import { okFor } from '../fake-assistant';
import { appError } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { SIGNED_IN, entraApp, entraView, microsoftStatus } from './entra-fixtures';
import { installEntraAt } from './install';

cleanUpAfterEach();

const STEP3_KEYS = ['own-app', 'non-gallery'].map((id) => checklistKey('create-entra-app', id));

describe('Step 3: who does the Entra steps', () => {
  it('saves the choice and shows the Microsoft panel only for the assistant', async () => {
    const fake = installEntraAt('create-entra-app', {}, null);
    const { user } = await renderApp();
    expect(screen.getByRole('group', { name: 'Who does the Entra steps?' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Microsoft sign-in' })).toBeNull();
    await user.click(screen.getByLabelText('Do the Entra steps for me (sign in to Microsoft)'));
    expect(fake.callsTo('settings:update')).toContainEqual({ entraSteps: 'assistant' });
    expect(fake.settings.entraSteps).toBe('assistant');
    expect(await screen.findByRole('heading', { name: 'Microsoft sign-in' })).toBeTruthy();
    await user.click(screen.getByLabelText('I’ll do them by hand in the Entra admin center'));
    expect(fake.settings.entraSteps).toBe('by-hand');
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: 'Microsoft sign-in' })).toBeNull(),
    );
  });

  it('restores the saved choice on start', async () => {
    installEntraAt('create-entra-app');
    await renderApp();
    expect(screen.getByLabelText<HTMLInputElement>(/Do the Entra steps for me/).checked).toBe(true);
    expect(await screen.findByRole('heading', { name: 'Microsoft sign-in' })).toBeTruthy();
  });
});

describe('Step 3: the client ID', () => {
  it('explains the single-tenant registration and refuses an ID or tenant of the wrong shape', async () => {
    let configured = false;
    const fake = installEntraAt('create-entra-app', {
      'microsoft:status': () =>
        okFor('microsoft:status', microsoftStatus({ clientIdConfigured: configured })),
      'settings:update': (patch) => {
        configured = patch.microsoftClientId !== undefined || configured;
        fake.settings = { ...fake.settings, ...patch };
        return okFor('settings:update', fake.settings);
      },
    });
    const { user } = await renderApp();
    expect(
      await screen.findByRole('table', { name: /Delegated Microsoft Graph permissions/ }),
    ).toBeTruthy();
    expect(screen.getByText('Synchronization.ReadWrite.All')).toBeTruthy();
    expect(screen.getByText('http://localhost')).toBeTruthy();
    expect(screen.getByText(/Accounts in this organizational directory only/)).toBeTruthy();
    await user.type(screen.getByLabelText('Application (client) ID'), 'not-a-guid');
    await user.type(screen.getByLabelText(/^Tenant/), 'contoso');
    await user.click(screen.getByRole('button', { name: 'Save the client ID and tenant' }));
    expect(screen.getByText(/looks like 00000000-0000/)).toBeTruthy();
    expect(screen.getByText(/A tenant is its primary domain/)).toBeTruthy();
    expect(fake.callsTo('settings:update')).toEqual([]);
    await user.clear(screen.getByLabelText('Application (client) ID'));
    await user.type(
      screen.getByLabelText('Application (client) ID'),
      '11111111-2222-3333-4444-555555555555',
    );
    await user.clear(screen.getByLabelText(/^Tenant/));
    await user.type(screen.getByLabelText(/^Tenant/), 'Contoso.onmicrosoft.com');
    await user.click(screen.getByRole('button', { name: 'Save the client ID and tenant' }));
    expect(fake.callsTo('settings:update')).toContainEqual({
      microsoftClientId: '11111111-2222-3333-4444-555555555555',
      microsoftTenant: 'contoso.onmicrosoft.com',
    });
    expect(await screen.findByText('Not signed in to Microsoft.')).toBeTruthy();
  });

  it('says the sandbox signs in to a simulated tenant and needs no client ID', async () => {
    installEntraAt('create-entra-app', {
      'microsoft:status': () => okFor('microsoft:status', microsoftStatus({ sandbox: true })),
    });
    await renderApp();
    expect(
      await screen.findByText(/“Contoso \(sandbox\)”, a tenant simulated on this computer/),
    ).toBeTruthy();
    expect(screen.queryByLabelText('Application (client) ID')).toBeNull();
  });
});

describe('Step 3: sign-in', () => {
  it('waits for the browser and cancels on request', async () => {
    let finish: (result: Result<Res<'microsoft:signIn'>>) => void = () => undefined;
    const fake = installEntraAt('create-entra-app', {
      'microsoft:status': () =>
        okFor('microsoft:status', microsoftStatus({ clientIdConfigured: true })),
      'microsoft:signIn': () => new Promise((resolve) => (finish = resolve)),
      'microsoft:cancelSignIn': () => {
        finish({
          ok: false,
          error: appError({ code: 'MICROSOFT_SIGN_IN_CANCELLED', message: 'Cancelled.' }),
        });
        return okFor('microsoft:cancelSignIn', { cancelled: true });
      },
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign in to Microsoft' }));
    expect(fake.callsTo('microsoft:signIn')).toEqual([{ action: 'read-apps' }]);
    expect(screen.getByText('Waiting for you to finish signing in in your browser…')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel sign-in' }));
    expect(fake.callsTo('microsoft:cancelSignIn')).toHaveLength(1);
    expect(await screen.findByText('Sign-in cancelled.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows who is signed in, with Sign out', async () => {
    const fake = installEntraAt('create-entra-app', {
      'microsoft:status': () => okFor('microsoft:status', SIGNED_IN),
    });
    const { user } = await renderApp();
    expect(await screen.findByText(/Signed in to Microsoft as/)).toBeTruthy();
    expect(screen.getByText('tenant-test-1')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sign out of Microsoft' }));
    expect(fake.callsTo('microsoft:signOut')).toHaveLength(1);
    expect(await screen.findByText('Not signed in to Microsoft.')).toBeTruthy();
  });

  it('says when Microsoft no longer renews the sign-in, and offers to sign in again', async () => {
    const fake = installEntraAt('create-entra-app', {
      'microsoft:status': () =>
        okFor('microsoft:status', {
          ...SIGNED_IN,
          account: SIGNED_IN.account && { ...SIGNED_IN.account, renewalLost: true },
        }),
    });
    const { user } = await renderApp();
    expect(await screen.findByText(/Microsoft no longer renews this sign-in/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sign in to Microsoft' }));
    expect(fake.callsTo('microsoft:signIn')).toEqual([{ action: 'read-apps' }]);
  });
});

describe('Step 3: the enterprise app', () => {
  it('creates the app, shows its ids and ticks the checklist with what it saw', async () => {
    const fake = installEntraAt('create-entra-app', {
      'microsoft:status': () => okFor('microsoft:status', SIGNED_IN),
    });
    const { user } = await renderApp();
    const name = await screen.findByLabelText('App name');
    expect((name as HTMLInputElement).value).toBe('Stytch SCIM – organization-test-1');
    await user.click(screen.getByRole('button', { name: 'Create the app' }));
    expect(fake.callsTo('entra:createApp')).toEqual([
      { organizationId: 'organization-test-1', displayName: 'Stytch SCIM – organization-test-1' },
    ]);
    expect(await screen.findByText(/Done by the assistant: the enterprise app/)).toBeTruthy();
    expect(screen.getByText('5e000000-0000-4000-8000-000000000001')).toBeTruthy();
    expect(screen.getByText('app-test-1')).toBeTruthy();
    await waitFor(() =>
      expect(STEP3_KEYS.every((k) => useWizardStore.getState().checklist[k])).toBe(true),
    );
  });

  it('finds an app made by hand, marks the non-gallery one and uses it', async () => {
    const handMade = entraApp({
      servicePrincipalId: '5e000000-0000-4000-8000-00000000000a',
      displayName: 'Made by hand',
    });
    const fake = installEntraAt('create-entra-app', {
      'microsoft:status': () => okFor('microsoft:status', SIGNED_IN),
      'entra:findApps': () =>
        okFor('entra:findApps', {
          apps: [
            handMade,
            entraApp({
              servicePrincipalId: '5e000000-0000-4000-8000-00000000000b',
              displayName: 'Gallery app',
              nonGallery: false,
            }),
          ],
        }),
      'entra:useApp': () =>
        okFor('entra:useApp', { outcome: 'linked', view: entraView({ app: handMade }) }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Find existing' }));
    const found = await screen.findByRole('list', { name: 'Enterprise apps found' });
    expect(within(found).getByText('Non-gallery')).toBeTruthy();
    expect(within(found).getByText('Not from the non-gallery template')).toBeTruthy();
    await user.click(within(found).getAllByRole('button', { name: 'Use this app' })[0]!);
    expect(fake.callsTo('entra:useApp')).toEqual([
      {
        organizationId: 'organization-test-1',
        servicePrincipalId: '5e000000-0000-4000-8000-00000000000a',
      },
    ]);
    expect(await screen.findByText(/Done by the assistant/)).toBeTruthy();
  });

  it('asks before using an app that already provisions to another host, naming it, and sends the yes', async () => {
    const other = entraApp({
      servicePrincipalId: '5e000000-0000-4000-8000-00000000000c',
      displayName: 'SCIM for Contoso',
    });
    const fake = installEntraAt('create-entra-app', {
      'microsoft:status': () => okFor('microsoft:status', SIGNED_IN),
      'entra:findApps': () => okFor('entra:findApps', { apps: [other] }),
      'entra:useApp': ({ confirmHost }) =>
        okFor(
          'entra:useApp',
          confirmHost === 'api.contoso.com'
            ? { outcome: 'linked', view: entraView({ app: other }) }
            : { outcome: 'confirm', app: other, host: 'api.contoso.com' },
        ),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Find existing' }));
    await user.click(await screen.findByRole('button', { name: 'Use this app' }));
    const question = await screen.findByRole('group', {
      name: 'SCIM for Contoso provisions to api.contoso.com',
    });
    expect(
      within(question).getByText(/already provisions users to api\.contoso\.com/),
    ).toBeTruthy();
    expect(screen.queryByText(/Done by the assistant/)).toBeNull();
    await user.click(within(question).getByRole('button', { name: 'Use this app anyway…' }));
    await user.click(
      within(question).getByRole('button', { name: 'Yes, use it and replace api.contoso.com' }),
    );
    expect(fake.callsTo('entra:useApp')).toEqual([
      {
        organizationId: 'organization-test-1',
        servicePrincipalId: '5e000000-0000-4000-8000-00000000000c',
      },
      {
        organizationId: 'organization-test-1',
        servicePrincipalId: '5e000000-0000-4000-8000-00000000000c',
        confirmHost: 'api.contoso.com',
      },
    ]);
    expect(await screen.findByText(/Done by the assistant/)).toBeTruthy();
    expect(screen.queryByRole('group', { name: /provisions to api\.contoso\.com/ })).toBeNull();
  });

  it('links nothing when the admin chooses another app instead', async () => {
    const other = entraApp({
      servicePrincipalId: '5e000000-0000-4000-8000-00000000000c',
      displayName: 'SCIM for Contoso',
    });
    const fake = installEntraAt('create-entra-app', {
      'microsoft:status': () => okFor('microsoft:status', SIGNED_IN),
      'entra:findApps': () => okFor('entra:findApps', { apps: [other] }),
      'entra:useApp': () =>
        okFor('entra:useApp', { outcome: 'confirm', app: other, host: 'api.contoso.com' }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Find existing' }));
    await user.click(await screen.findByRole('button', { name: 'Use this app' }));
    await user.click(await screen.findByRole('button', { name: 'Choose another app' }));
    expect(screen.queryByText(/already provisions users to/)).toBeNull();
    expect(fake.callsTo('entra:useApp')).toHaveLength(1);
    expect(screen.queryByText(/Done by the assistant/)).toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS } from '../../../shared/settings/settings';
import { allDelegatedPermissions } from '../../../shared/entra/graph-permissions';
import { rejectionOf, signInWorld, type SignInWorld } from './support';

let world: SignInWorld;

beforeEach(async () => {
  world = await signInWorld();
});

afterEach(async () => {
  await world.close();
});

describe('MicrosoftSignIn: consent', () => {
  it('maps consent refused on the Microsoft page to MICROSOFT_CONSENT_REQUIRED, naming the permission and roles', async () => {
    world.browser.user = 'deny-consent';

    const error = await rejectionOf(world.service().signIn('create-app'));

    expect(error.code).toBe('MICROSOFT_CONSENT_REQUIRED');
    expect(error.message).toContain('AADSTS65001');
    expect(error.hint).toContain('Application.ReadWrite.All');
    expect(error.hint).toContain('Cloud Application Administrator');
    expect(error.hint).toMatch(/grant admin consent/i);
  });

  it('maps a renewal for a permission never consented (AADSTS65001) to MICROSOFT_CONSENT_REQUIRED', async () => {
    world.standIn.consented = new Set();
    const service = world.service();
    await service.signIn('read-apps');

    const error = await rejectionOf(service.accessToken('assign-users'));

    expect(error.code).toBe('MICROSOFT_CONSENT_REQUIRED');
    expect(error.hint).toContain('AppRoleAssignment.ReadWrite.All');
    expect(world.standIn.tokenRequests.at(-1)?.outcome).toBe('invalid_grant');
    expect(world.browser.opened).toHaveLength(1);
  });
});

describe('MicrosoftSignIn: cancelling', () => {
  it('maps the admin declining on the Microsoft page to MICROSOFT_SIGN_IN_CANCELLED', async () => {
    world.browser.user = 'decline';

    const error = await rejectionOf(world.service().signIn('read-apps'));

    expect(error.code).toBe('MICROSOFT_SIGN_IN_CANCELLED');
    expect(await world.service().status()).toMatchObject({ signedIn: false });
  });

  it('cancels a sign-in the admin walked away from, closing MSAL’s loopback listener', async () => {
    world.browser.user = 'walk-away';
    const service = world.service();
    const signIn = rejectionOf(service.signIn('read-apps'));
    const authorize = await world.browser.firstOpen;

    expect(await service.cancelSignIn()).toBe(true);

    expect((await signIn).code).toBe('MICROSOFT_SIGN_IN_CANCELLED');
    const redirect = new URL(authorize.searchParams.get('redirect_uri') ?? '');
    redirect.hostname = '127.0.0.1';
    await expect(fetch(redirect, { method: 'POST' })).rejects.toThrow();
    expect(await service.cancelSignIn()).toBe(false);
  });

  it('lets a new sign-in replace one still waiting in the browser', async () => {
    world.browser.user = 'walk-away';
    const service = world.service();
    const first = rejectionOf(service.signIn('read-apps'));
    await world.browser.firstOpen;
    world.browser.user = 'approve';

    const account = await service.signIn('read-apps');

    expect((await first).code).toBe('MICROSOFT_SIGN_IN_CANCELLED');
    expect(account.signedIn).toBe(true);
  });
});

describe('MicrosoftSignIn: without a client ID', () => {
  beforeEach(async () => {
    await world.settings.mutate(() => ({ ...DEFAULT_SETTINGS, microsoftClientId: null }));
  });

  it('refuses to sign in with MICROSOFT_CLIENT_ID_MISSING, explaining how to register the app', async () => {
    const error = await rejectionOf(world.service().signIn('read-apps'));

    expect(error.code).toBe('MICROSOFT_CLIENT_ID_MISSING');
    expect(error.hint).toContain('Mobile and desktop applications');
    expect(error.hint).toContain('http://localhost');
    expect(error.hint).toContain('Allow public client flows');
    for (const permission of allDelegatedPermissions()) expect(error.hint).toContain(permission);
    expect(world.browser.opened).toEqual([]);
  });

  it('reports "not configured" as status, and no token for main', async () => {
    expect(await world.service().status()).toEqual({ signedIn: false, clientIdConfigured: false });
    expect((await rejectionOf(world.service().accessToken('read-apps'))).code).toBe(
      'MICROSOFT_CLIENT_ID_MISSING',
    );
  });
});

describe('MicrosoftSignIn: a browser that cannot open', () => {
  it('fails with MICROSOFT_SIGN_IN_FAILED and leaves no listener waiting', async () => {
    const failing = world.service();
    // openBrowser throws, as shell.openExternal does when no browser can be started.
    const original = world.browser.open;
    world.browser.open = () => Promise.reject(new Error('no browser'));
    try {
      const error = await rejectionOf(failing.signIn('read-apps'));
      expect(error.code).toBe('MICROSOFT_SIGN_IN_FAILED');
      expect(error.hint).toMatch(/default web browser/);
    } finally {
      world.browser.open = original;
    }
  });
});

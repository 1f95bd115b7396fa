import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  CONTOSO_TENANT,
  DEFAULT_USER,
  FABRIKAM_TENANT,
  type StandInUser,
} from '../../../main/sandbox/identity-stand-in/tokens';
import { MicrosoftSignIn } from '../../../main/microsoft-sign-in/microsoft-sign-in';
import { CLIENT_ID, MEGAN, rejectionOf, signInWorld, type SignInWorld } from './support';

/**
 * Issue 19 item 1: "another local user can post a code for an account of its choosing bound to
 * the victim's PKCE challenge to the app's loopback listener; the admin chose Megan and the app
 * was signed in as Adele; nothing pins the tenant".
 */

/** An account of another tenant (Fabrikam), the one the attacker signs in as. */
const FABRIKAM_ADELE: StandInUser = {
  oid: '00000000-0000-0000-aaaa-0000000000ad',
  tid: FABRIKAM_TENANT.id,
  username: 'adele@fabrikam.example',
  name: 'Adele (Fabrikam)',
  adminRole: 'Global Administrator',
};

let world: SignInWorld;

/** Contoso's Adele: the same tenant as the admin, another person. */
const CONTOSO_ADELE: StandInUser = {
  oid: '00000000-0000-0000-bbbb-0000000000ad',
  tid: CONTOSO_TENANT.id,
  username: 'adele@contoso.example',
  name: 'Adele Vance',
  adminRole: 'Application Administrator',
};

beforeEach(async () => {
  world = await signInWorld();
});

afterEach(async () => {
  await world.close();
});

describe('the signed-in tenant is the one the admin named', () => {
  it('refuses a code for another tenant posted to the listener, signs out, and says which tenants', async () => {
    await world.settings.mutate((current) => ({ ...current, microsoftTenant: DEFAULT_USER.tid }));
    world.browser.signInAs = FABRIKAM_ADELE;

    const error = await rejectionOf(world.service().signIn('read-apps'));

    expect(error.code).toBe('MICROSOFT_WRONG_TENANT');
    expect(error.message).toContain(DEFAULT_USER.tid);
    expect(error.message).toContain(FABRIKAM_ADELE.tid);
    expect(await world.service().status()).toMatchObject({ signedIn: false });
    expect(await readdir(world.dir)).not.toContain('microsoft-token-cache.json');
  });

  it('holds a tenant named by domain to the ID its OpenID metadata gives, from the first sign-in on', async () => {
    const service = world.service();
    await service.signIn('read-apps');
    await service.signOut();
    world.browser.signInAs = FABRIKAM_ADELE;

    const error = await rejectionOf(world.service().signIn('read-apps'));

    expect(error.code).toBe('MICROSOFT_WRONG_TENANT');
    expect(error.message).toContain(`expected ${CONTOSO_TENANT.domain} (${CONTOSO_TENANT.id})`);
    expect(error.message).toContain(`as ${FABRIKAM_ADELE.username}`);
  });

  it('signs out the admin already signed in when a later sign-in comes back for another tenant', async () => {
    const service = world.service();
    await service.signIn('read-apps');
    world.browser.signInAs = FABRIKAM_ADELE;

    expect((await rejectionOf(service.signIn('configure-provisioning'))).code).toBe(
      'MICROSOFT_WRONG_TENANT',
    );
    expect(await service.status()).toMatchObject({ signedIn: false });
    expect(await world.keychain.list()).toEqual([]);
  });

  it('says plainly when the tenant in the settings does not exist (AADSTS90002)', async () => {
    await world.settings.mutate((current) => ({ ...current, microsoftTenant: 'nope.example' }));

    const error = await rejectionOf(world.service().signIn('read-apps'));

    expect(error.code).toBe('MICROSOFT_SIGN_IN_FAILED');
    expect(error.message).toContain('nope.example');
    expect(world.browser.opened).toEqual([]);
  });
});

describe('a sign-in for the admin already signed in stays that admin', () => {
  it.each([
    ['the tenant', { microsoftTenant: FABRIKAM_TENANT.domain }],
    ['the client ID', { microsoftClientId: CLIENT_ID.replace(/^2/, '3') }],
  ])(
    'forgets the account signed in when the admin changes %s in the settings, and says so once',
    async (_what, change) => {
      let forgotten = 0;
      const service = new MicrosoftSignIn({
        dir: world.dir,
        keychain: world.keychain,
        settings: world.settings,
        logger: world.log.logger,
        openBrowser: (url) => world.browser.open(url),
        networkClient: world.standIn.networkClient(),
        onRegistrationChanged: () => (forgotten += 1),
      });
      await service.signIn('read-apps');
      expect(await service.status()).toMatchObject({ signedIn: true, tenantId: CONTOSO_TENANT.id });

      await world.settings.mutate((current) => ({ ...current, ...change }));

      // Kept, it would show as signed in to the new tenant's name with the old tenant's tokens.
      expect(await service.status()).toEqual({ signedIn: false, clientIdConfigured: true });
      expect(forgotten).toBe(1);
      expect(await readdir(world.dir)).not.toContain('microsoft-token-cache.json');
      expect(await world.keychain.list()).toEqual([]);
      expect(await service.status()).toEqual({ signedIn: false, clientIdConfigured: true });
      expect(forgotten).toBe(1);
    },
  );

  it('refuses Adele when the admin chose Megan (login hint), and signs out', async () => {
    const megan = MEGAN;
    world.standIn.user = megan;
    const service = world.service();
    await service.signIn('read-apps');
    world.browser.signInAs = CONTOSO_ADELE;

    const error = await rejectionOf(
      service.signIn('configure-provisioning', { loginHint: megan.username }),
    );

    expect(error.code).toBe('MICROSOFT_WRONG_ACCOUNT');
    expect(error.message).toContain(megan.username);
    expect(error.message).toContain(CONTOSO_ADELE.username);
    expect(world.browser.opened[1]?.searchParams.get('login_hint')).toBe(megan.username);
    expect(await service.status()).toMatchObject({ signedIn: false });
  });
});

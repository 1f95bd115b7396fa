import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DEFAULT_USER, type StandInUser } from '../../../main/sandbox/identity-stand-in/tokens';
import { rejectionOf, signInWorld, type SignInWorld } from './support';

/**
 * Issue 19 item 1: "another local user can post a code for an account of its choosing bound to
 * the victim's PKCE challenge to the app's loopback listener; the admin chose Megan and the app
 * was signed in as Adele; nothing pins the tenant".
 */

/** An account of another tenant (Fabrikam), the one the attacker signs in as. */
const FABRIKAM_ADELE: StandInUser = {
  oid: '00000000-0000-0000-aaaa-0000000000ad',
  tid: 'f4b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
  username: 'adele@fabrikam.example',
  name: 'Adele (Fabrikam)',
  adminRole: 'Global Administrator',
};

let world: SignInWorld;

beforeEach(async () => {
  world = await signInWorld();
  await world.settings.mutate((current) => ({ ...current, microsoftTenant: DEFAULT_USER.tid }));
});

afterEach(async () => {
  await world.close();
});

describe('the signed-in tenant is the one the admin named', () => {
  it('refuses a code for another tenant posted to the listener, signs out, and says which tenants', async () => {
    world.browser.signInAs = FABRIKAM_ADELE;

    const error = await rejectionOf(world.service().signIn('read-apps'));

    expect(error.code).toBe('MICROSOFT_WRONG_TENANT');
    expect(error.message).toContain(DEFAULT_USER.tid);
    expect(error.message).toContain(FABRIKAM_ADELE.tid);
    expect(await world.service().status()).toMatchObject({ signedIn: false });
    expect(await readdir(world.dir)).not.toContain('microsoft-token-cache.json');
  });
});

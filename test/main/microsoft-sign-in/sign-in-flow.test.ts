import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { GRAPH_RESOURCE, type GraphActionName } from '../../../shared/entra/graph-permissions';
import { DEFAULT_USER } from '../../../main/sandbox/identity-stand-in/tokens';
import { OTHER_ADMIN, rejectionOf, signInWorld, TENANT, type SignInWorld } from './support';

let world: SignInWorld;

beforeEach(async () => {
  world = await signInWorld();
});

afterEach(async () => {
  await world.close();
});

describe('MicrosoftSignIn: interactive sign-in through MSAL', () => {
  it('signs in in the browser with PKCE and a form-post loopback redirect, and says as whom', async () => {
    const account = await world.service().signIn('read-apps');

    expect(account).toEqual({
      signedIn: true,
      username: DEFAULT_USER.username,
      name: DEFAULT_USER.name,
      tenantId: DEFAULT_USER.tid,
      tenant: TENANT,
      homeAccountId: `${DEFAULT_USER.oid}.${DEFAULT_USER.tid}`,
    });
    const [authorize] = world.browser.opened;
    expect(authorize?.origin).toBe('https://login.microsoftonline.com');
    // The tenant the admin named is the authority, and its domain the domain hint.
    expect(authorize?.pathname).toBe(`/${TENANT}/oauth2/v2.0/authorize`);
    expect(authorize?.searchParams.get('domain_hint')).toBe(TENANT);
    const params = authorize?.searchParams;
    expect(params?.get('response_mode')).toBe('form_post');
    expect(params?.get('code_challenge_method')).toBe('S256');
    expect(params?.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    // The stand-in checked the code verifier against this challenge before answering.
    expect(world.standIn.tokenRequests).toEqual([
      {
        grantType: 'authorization_code',
        scope: [`${GRAPH_RESOURCE}/Application.Read.All`],
        outcome: 'tokens',
      },
    ]);
    expect(world.standIn.unknownRequests).toEqual([]);
  });

  it('asks only for the scopes of the action it signs in for', async () => {
    await world.service().signIn('read-apps');

    const scopes = world.browser.opened[0]?.searchParams.get('scope')?.split(' ') ?? [];
    expect(scopes).toContain(`${GRAPH_RESOURCE}/Application.Read.All`);
    expect(scopes.filter((scope) => scope.startsWith(GRAPH_RESOURCE))).toHaveLength(1);
  });

  it('reports the sign-in after a restart, read from the encrypted cache file', async () => {
    await world.service().signIn('read-apps');

    const restarted = world.service();
    expect(await restarted.status()).toMatchObject({
      signedIn: true,
      username: DEFAULT_USER.username,
    });
    expect(await restarted.accessToken('read-apps')).toBe(world.standIn.issued.accessTokens[0]);
  });

  it('says nobody is signed in before the first sign-in', async () => {
    expect(await world.service().status()).toEqual({ signedIn: false, clientIdConfigured: true });
    const error = await rejectionOf(world.service().accessToken('read-apps'));
    expect(error.code).toBe('MICROSOFT_NOT_SIGNED_IN');
  });
});

describe('MicrosoftSignIn: tokens for main', () => {
  it('answers from the cache while the access token is fresh, without calling Microsoft', async () => {
    const service = world.service();
    await service.signIn('read-apps');

    expect(await service.accessToken('read-apps')).toBe(world.standIn.issued.accessTokens[0]);
    expect(world.standIn.tokenRequests).toHaveLength(1);
  });

  it('renews silently with the refresh token when the access token is about to expire', async () => {
    // Under MSAL's five-minute renewal margin, so the next silent call must renew.
    world.standIn.expiresIn = 60;
    const service = world.service();
    await service.signIn('read-apps');

    const token = await service.accessToken('read-apps');

    expect(token).toBe(world.standIn.issued.accessTokens[1]);
    expect(world.standIn.tokenRequests.map((request) => request.grantType)).toEqual([
      'authorization_code',
      'refresh_token',
    ]);
    expect(world.browser.opened).toHaveLength(1);
  });

  it('gets a token for another action with the refresh token, scoped to that action only', async () => {
    const service = world.service();
    await service.signIn('read-apps');

    const token = await service.accessToken('configure-provisioning');

    expect(token).toBe(world.standIn.issued.accessTokens[1]);
    expect(world.standIn.tokenRequests[1]).toEqual({
      grantType: 'refresh_token',
      scope: [`${GRAPH_RESOURCE}/Synchronization.ReadWrite.All`],
      outcome: 'tokens',
    });
  });

  it('renews for two actions at once with the same refresh token (a health read does)', async () => {
    const service = world.service();
    await service.signIn('read-apps');

    const tokens = await Promise.all([
      service.accessToken('read-provisioning'),
      service.accessToken('read-provisioning-logs'),
    ]);

    expect(new Set(tokens).size).toBe(2);
    expect(world.standIn.tokenRequests.slice(1).map((request) => request.outcome)).toEqual([
      'tokens',
      'tokens',
    ]);
  });

  it("takes the action a Graph operation names and asks MSAL for that action's scopes", async () => {
    const service = world.service();
    await service.signIn('read-apps');

    const token = await service.accessToken('read-provisioning');

    expect(token).toBe(world.standIn.issued.accessTokens[1]);
    expect(world.standIn.tokenRequests[1]?.scope).toEqual([
      `${GRAPH_RESOURCE}/Synchronization.Read.All`,
    ]);
  });

  it('refuses an action the table does not list, without asking Microsoft', async () => {
    const service = world.service();
    await service.signIn('read-apps');

    // Names that slipped past the types: a scope string, an object's own key, nothing.
    for (const name of [`${GRAPH_RESOURCE}/Directory.ReadWrite.All`, 'toString', '']) {
      const action = name as GraphActionName;
      expect((await rejectionOf(service.accessToken(action))).code).toBe('INTERNAL_ERROR');
    }
    expect(world.standIn.tokenRequests).toHaveLength(1);
  });

  it('turns a refused renewal (invalid_grant) into "not signed in" and opens no browser', async () => {
    world.standIn.expiresIn = 60;
    const service = world.service();
    await service.signIn('read-apps');
    world.standIn.failNextToken({
      error: 'invalid_grant',
      error_description: 'AADSTS700082: The refresh token has expired due to inactivity.',
      error_codes: [700082],
    });

    const error = await rejectionOf(service.accessToken('read-apps'));

    expect(error.code).toBe('MICROSOFT_NOT_SIGNED_IN');
    expect(error.hint).toMatch(/sign in to microsoft again/i);
    expect(world.browser.opened).toHaveLength(1);
  });

  it('turns interaction_required on renewal into "not signed in"', async () => {
    world.standIn.expiresIn = 60;
    const service = world.service();
    await service.signIn('read-apps');
    world.standIn.failNextToken({
      error: 'interaction_required',
      error_description: 'AADSTS50076: you must use multi-factor authentication.',
      error_codes: [50076],
    });

    const error = await rejectionOf(service.accessToken('read-apps'));

    expect(error.code).toBe('MICROSOFT_NOT_SIGNED_IN');
    expect(world.browser.opened).toHaveLength(1);
  });
});

describe('MicrosoftSignIn: sign-out', () => {
  it('forgets the account and its tokens, also for the next start', async () => {
    const service = world.service();
    await service.signIn('read-apps');
    const refreshToken = world.standIn.issued.refreshTokens[0] ?? '';

    await service.signOut();

    expect(await service.status()).toEqual({ signedIn: false, clientIdConfigured: true });
    expect((await rejectionOf(service.accessToken('read-apps'))).code).toBe(
      'MICROSOFT_NOT_SIGNED_IN',
    );
    expect(await world.service().status()).toMatchObject({ signedIn: false });
    expect(refreshToken).not.toBe('');
  });

  it('keeps only the latest account when the admin signs in as someone else', async () => {
    const service = world.service();
    await service.signIn('read-apps');
    world.standIn.user = OTHER_ADMIN;

    await service.signIn('read-apps');

    expect(await world.service().status()).toMatchObject({ username: 'other@contoso.example' });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { rejectionOf, signInWorld, type SignInWorld } from './support';

/**
 * The AADSTS errors an admin can meet with their own single-tenant registration, each in plain
 * words with the next action, Microsoft's own text kept beside them. Descriptions from Microsoft's
 * "Microsoft Entra authentication and authorization error codes"
 * (learn.microsoft.com/entra/identity-platform/reference-error-codes).
 */

let world: SignInWorld;

beforeEach(async () => {
  world = await signInWorld();
});

afterEach(async () => {
  await world.close();
});

const CASES = [
  {
    number: 50194,
    error: 'invalid_request',
    text: "Application '2f1c7a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b'(SCIM Setup Assistant) isn't configured as a multitenant application. Usage of the /common endpoint isn't supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multitenant.",
    message: /for one tenant/,
    hint: /Enter your tenant/,
  },
  {
    number: 50020,
    error: 'invalid_grant',
    text: "User account 'lidia@fabrikam.com' from identity provider 'live.com' does not exist in tenant 'Contoso' and cannot access the application.",
    message: /not a member or guest/,
    hint: /invited into it as a guest/,
  },
  {
    number: 700016,
    error: 'unauthorized_client',
    text: "Application with identifier '2f1c7a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b' was not found in the directory 'Contoso'.",
    message: /no app registration with this client ID/,
    hint: /tenant in the settings is the one where the app is registered/,
  },
  {
    number: 50011,
    error: 'invalid_request',
    text: "The redirect URI 'http://localhost:53123' specified in the request does not match the redirect URIs configured for the application.",
    message: /does not list the redirect URI/,
    hint: /Mobile and desktop applications.*http:\/\/localhost/,
  },
  {
    number: 7000218,
    error: 'invalid_client',
    text: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    message: /does not allow sign-in from a desktop app/,
    hint: /Allow public client flows/,
  },
  {
    number: 90002,
    error: 'invalid_tenant',
    text: "Tenant 'contoso.onmicrosoft.co' not found.",
    message: /does not know the tenant/,
    hint: /primary domain/,
  },
  {
    number: 50076,
    error: 'invalid_grant',
    text: 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication.',
    message: /multifactor authentication/,
    hint: /complete the multifactor prompt/,
  },
  {
    number: 50079,
    error: 'invalid_grant',
    text: 'Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication.',
    message: /no method set up yet/,
    hint: /registering a method/,
  },
] as const;

describe('AADSTS errors in plain words, with what to do next', () => {
  it.each(CASES)(
    'words AADSTS$number and keeps Microsoft’s text',
    async ({ number, error, text, message, hint }) => {
      world.standIn.failNextToken({
        error,
        error_description: `AADSTS${number}: ${text}`,
        error_codes: [number],
      });

      const failure = await rejectionOf(world.service().signIn('read-apps'));

      expect(failure.code).toBe('MICROSOFT_SIGN_IN_FAILED');
      expect(failure.message).toMatch(message);
      expect(failure.message).toContain(`AADSTS${number}`);
      expect(failure.hint).toMatch(hint);
    },
  );

  it('keeps "not signed in" for a renewal that needs MFA, with the MFA words', async () => {
    world.standIn.expiresIn = 60;
    const service = world.service();
    await service.signIn('read-apps');
    world.standIn.failNextToken({
      error: 'interaction_required',
      error_description: 'AADSTS50076: you must use multi-factor authentication.',
      error_codes: [50076],
    });

    const failure = await rejectionOf(service.accessToken('read-apps'));

    expect(failure.code).toBe('MICROSOFT_NOT_SIGNED_IN');
    expect(failure.message).toMatch(/multifactor/);
  });
});

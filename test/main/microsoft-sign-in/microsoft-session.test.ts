import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS } from '../../../shared/settings/settings';
import { createDispatcher, type EmitEvent } from '../../../main/ipc/dispatch';
import { microsoftHandlers } from '../../../main/microsoft-sign-in/microsoft-handlers';
import {
  MicrosoftSession,
  SANDBOX_SIGN_IN_DIR,
  SANDBOX_TOKEN_CACHE_FILE_NAME,
} from '../../../main/microsoft-sign-in/microsoft-session';
import { TOKEN_CACHE_FILE_NAME } from '../../../main/microsoft-sign-in/microsoft-sign-in';
import {
  openLoopbackSignInPage,
  openMicrosoftSignInPage,
} from '../../../main/microsoft-sign-in/sign-in-page';
import { MemorySecretStore } from '../../support/keychain';
import { startEntraHarness, type EntraHarness } from '../entra-setup/entra-harness';
import { captureLogger } from '../../support/capture-logger';
import { memorySettings } from '../../support/memory-settings';
import { CONTOSO_TENANT } from '../../../main/sandbox/identity-stand-in/tokens';
import { CLIENT_ID, rejectionOf } from './support';

const ignore: EmitEvent = () => undefined;
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('sign-in pages', () => {
  const record = () => {
    const opened: string[] = [];
    return { opened, opener: (url: string) => Promise.resolve(void opened.push(url)) };
  };

  it("opens Microsoft's authorize page and nothing else in the system browser", async () => {
    const { opened, opener } = record();
    const page =
      'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=x&state=y';
    await openMicrosoftSignInPage(page, opener);
    expect(opened).toEqual([page]);
    for (const other of [
      'http://login.microsoftonline.com/organizations/oauth2/v2.0/authorize',
      'https://login.microsoftonline.com.evil.example/authorize',
      'https://evil.example@login.microsoftonline.com/authorize',
      'https://login.microsoftonline.com:8443/authorize',
      'https://login.microsoftonline.com\\@evil.example/',
      'file:///etc/passwd',
      'http://127.0.0.1:5000/organizations/oauth2/v2.0/authorize',
    ]) {
      expect((await rejectionOf(openMicrosoftSignInPage(other, opener))).code).toBe(
        'EXTERNAL_URL_BLOCKED',
      );
    }
    expect(opened).toHaveLength(1);
  });

  it("opens the sandbox's page only on this computer, over http", async () => {
    const { opened, opener } = record();
    await openLoopbackSignInPage(
      'http://127.0.0.1:4100/organizations/oauth2/v2.0/authorize',
      opener,
    );
    for (const other of ['https://127.0.0.1:4100/', 'http://example.com/', 'http://10.0.0.1/']) {
      expect((await rejectionOf(openLoopbackSignInPage(other, opener))).code).toBe(
        'EXTERNAL_URL_BLOCKED',
      );
    }
    expect(opened).toHaveLength(1);
  });
});

describe('MicrosoftSession in real mode', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'microsoft-session-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const session = (microsoftClientId: string | null, opened: string[] = []) =>
    new MicrosoftSession({
      dir,
      keychain: new MemorySecretStore(),
      // A tenant ID, so nothing has to be looked up on the network before the browser opens.
      settings: memorySettings({
        ...DEFAULT_SETTINGS,
        microsoftClientId,
        microsoftTenant: microsoftClientId === null ? null : CONTOSO_TENANT.id,
      }),
      logger: captureLogger().logger,
      openExternal: (url) => Promise.resolve(void opened.push(url)),
      sandboxMode: () => false,
      sandboxMicrosoft: () => Promise.reject(new Error('not in sandbox mode')),
    });

  it('says the client ID is missing, and sign-in explains how to register one', async () => {
    const microsoft = session(null);
    let changes = 0;
    microsoft.onSignInChange(() => (changes += 1));
    const dispatch = createDispatcher(microsoftHandlers, { microsoft }, captureLogger().logger);
    expect(await dispatch('microsoft:status', {}, ignore)).toEqual({
      ok: true,
      data: { sandbox: false, clientIdConfigured: false, account: null },
    });
    const refused = await dispatch('microsoft:signIn', { action: 'read-apps' }, ignore);
    expect(refused).toMatchObject({ ok: false, error: { code: 'MICROSOFT_CLIENT_ID_MISSING' } });
    expect(await dispatch('microsoft:cancelSignIn', {}, ignore)).toEqual({
      ok: true,
      data: { cancelled: false },
    });
    // Nobody signed in or out: nothing read for an account needs reading again.
    expect(changes).toBe(0);
  });

  it('tells its listeners when the client ID or tenant in the settings changes (the sign-in made for the old one is dropped)', async () => {
    const settings = memorySettings({
      ...DEFAULT_SETTINGS,
      microsoftClientId: CLIENT_ID,
      microsoftTenant: CONTOSO_TENANT.id,
    });
    const microsoft = new MicrosoftSession({
      dir,
      keychain: new MemorySecretStore(),
      settings,
      logger: captureLogger().logger,
      openExternal: () => Promise.resolve(),
      sandboxMode: () => false,
      sandboxMicrosoft: () => Promise.reject(new Error('not in sandbox mode')),
    });
    let changes = 0;
    microsoft.onSignInChange(() => (changes += 1));
    await microsoft.status();
    await microsoft.status();
    expect(changes).toBe(0);
    await settings.mutate((current) => ({ ...current, microsoftTenant: 'fabrikam.com' }));
    await microsoft.status();
    await microsoft.status();
    expect(changes).toBe(1);
  });

  it("sends the browser to Microsoft's authorize page, and cancels cleanly", async () => {
    const opened: string[] = [];
    const microsoft = session(CLIENT_ID, opened);
    const signing = rejectionOf(microsoft.signIn('read-apps'));
    for (let i = 0; i < 100 && opened.length === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const authorize = new URL(opened[0] ?? 'http://none');
    expect(authorize.origin).toBe('https://login.microsoftonline.com');
    // The admin's own tenant is the authority (a single-tenant registration needs it).
    expect(authorize.pathname).toBe(`/${CONTOSO_TENANT.id}/oauth2/v2.0/authorize`);
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(await microsoft.cancelSignIn()).toBe(true);
    expect((await signing).code).toBe('MICROSOFT_SIGN_IN_CANCELLED');
  });
});

describe('MicrosoftSession in sandbox mode, through the app’s composition', () => {
  let app: EntraHarness;
  beforeAll(async () => {
    app = await startEntraHarness();
  });
  afterAll(async () => {
    await app.close();
  });

  it('signs in at the stand-ins with its own cache file and key, never the real ones', async () => {
    const status = await app.ok('microsoft:signIn', { action: 'read-apps' });
    expect(status.account?.username).toBe('adele.vance@contoso.com');
    expect(await exists(join(app.dir, SANDBOX_SIGN_IN_DIR, SANDBOX_TOKEN_CACHE_FILE_NAME))).toBe(
      true,
    );
    expect(await exists(join(app.dir, TOKEN_CACHE_FILE_NAME))).toBe(false);
    const keys = [...app.secretStore.snapshot().keys()].filter((key) =>
      key.startsWith('microsoft-cache-key:'),
    );
    expect(keys).toEqual([`microsoft-cache-key:${SANDBOX_TOKEN_CACHE_FILE_NAME}`]);
    expect(await app.services.microsoft.graphBaseUrl()).toBe(app.sandbox.microsoft.graphBaseUrl);
  });

  it('signs out of the sandbox', async () => {
    expect(await app.ok('microsoft:signOut', {})).toEqual({
      sandbox: true,
      clientIdConfigured: true,
      account: null,
    });
    const refused = await app.call('entra:findApps', {
      organizationId: 'organization-test-x',
      displayName: 'x',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'MICROSOFT_NOT_SIGNED_IN' } });
  });

  it('tells its listeners once when the sign-in on record can no longer be renewed, not at each refusal', async () => {
    await app.ok('microsoft:signIn', { action: 'read-apps' });
    const { identity } = app.sandbox.microsoft;
    const microsoft = app.services.microsoft;
    let changes = 0;
    const stop = microsoft.onSignInChange(() => (changes += 1));
    // Another action's scopes: MSAL renews with the refresh token, which the stand-in refuses.
    const refuseRenewal = () =>
      identity.failNextToken({
        error: 'invalid_grant',
        error_description: 'AADSTS700082: The refresh token has expired due to inactivity.',
        error_codes: [700082],
      });
    const lost = { appError: { code: 'MICROSOFT_NOT_SIGNED_IN' } };
    try {
      refuseRenewal();
      await expect(microsoft.accessToken('configure-provisioning')).rejects.toMatchObject(lost);
      expect(changes).toBe(1);
      // Where the account is shown, it says so.
      expect((await microsoft.status()).account?.renewalLost).toBe(true);
      // The reading that change sets off fails the same way: no second change, no loop.
      refuseRenewal();
      await expect(microsoft.accessToken('configure-provisioning')).rejects.toMatchObject(lost);
      expect(changes).toBe(1);
      // Renewed again (the refresh token works once more), then lost again: news again.
      await microsoft.accessToken('configure-provisioning');
      expect((await microsoft.status()).account).not.toHaveProperty('renewalLost');
      refuseRenewal();
      await expect(microsoft.accessToken('read-provisioning')).rejects.toMatchObject(lost);
      expect(changes).toBe(2);
      // Nobody signed in at all is no loss to tell: the sign-out already was the change.
      await app.ok('microsoft:signOut', {});
      expect(changes).toBe(3);
      await expect(microsoft.accessToken('read-apps')).rejects.toMatchObject(lost);
      expect(changes).toBe(3);
    } finally {
      stop();
    }
  });

  /**
   * How Microsoft's token endpoint refuses a silent renewal, in its error envelope (reference
   * graph-provisioning.md §6: `{error, error_description, error_codes, …}`; the stand-in adds the
   * timestamp, trace and correlation ids). Descriptions from "Microsoft Entra authentication and
   * authorization error codes" (learn.microsoft.com/entra/identity-platform/reference-error-codes),
   * plus an AADSTS number the app has no words for, as Microsoft may add.
   */
  it.each([
    [
      'expired for inactivity (AADSTS700082)',
      'invalid_grant',
      700082,
      'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2026-09-08T10:00:00.0000000Z and was inactive for 90.00:00:00.',
    ],
    [
      'revoked, a password changed (AADSTS50173)',
      'invalid_grant',
      50173,
      "AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '2026-12-01T10:00:00Z' and the TokensValidFrom date (before which tokens are not valid) for this user is '2026-12-07T10:00:00Z'.",
    ],
    [
      'needing multifactor authentication (AADSTS50076)',
      'interaction_required',
      50076,
      'AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
    ],
    [
      'for a reason the app has no words for (a later AADSTS number)',
      'invalid_grant',
      9999999,
      'AADSTS9999999: A reason Microsoft adds later.',
    ],
  ])(
    'counts a renewal refused %s as the sign-in lost, shown beside the account',
    async (_why, error, number, description) => {
      await app.ok('microsoft:signIn', { action: 'read-apps' });
      const microsoft = app.services.microsoft;
      let changes = 0;
      const stop = microsoft.onSignInChange(() => (changes += 1));
      try {
        app.sandbox.microsoft.identity.failNextToken({
          error,
          error_description: description,
          error_codes: [number],
        });
        await expect(microsoft.accessToken('configure-provisioning')).rejects.toMatchObject({
          appError: { code: 'MICROSOFT_NOT_SIGNED_IN' },
        });
        expect(changes).toBe(1);
        expect((await microsoft.status()).account?.renewalLost).toBe(true);
      } finally {
        stop();
        await app.ok('microsoft:signOut', {});
      }
    },
  );

  it('tells its listeners of each sign-in and sign-out that went through, until they stop', async () => {
    let changes = 0;
    const stop = app.services.microsoft.onSignInChange(() => (changes += 1));
    await app.ok('microsoft:signIn', { action: 'read-apps' });
    expect(changes).toBe(1);
    await app.ok('microsoft:signOut', {});
    expect(changes).toBe(2);
    stop();
    await app.ok('microsoft:signIn', { action: 'read-apps' });
    expect(changes).toBe(2);
  });
});

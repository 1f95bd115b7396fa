import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS } from '../../../shared/settings/settings';
import { createGraphClient } from '../../../main/graph/create-graph-client';
import type { FetchLike } from '../../../main/http/create-http-client';
import { MicrosoftSignIn } from '../../../main/microsoft-sign-in/microsoft-sign-in';
import {
  startSandboxMicrosoft,
  type SandboxMicrosoft,
} from '../../../main/sandbox/sandbox-microsoft';
import { MemorySecretStore } from '../../support/keychain';
import { netFetchDouble } from '../../support/net-fetch-double';
import { signInBrowser } from '../../support/sign-in-browser';
import { captureLogger } from '../../support/capture-logger';
import { memorySettings } from '../../support/memory-settings';

/**
 * Issue 18 item 8: "MSAL and Graph use Node's default HTTP stack in the app". In the app both go
 * through the fetch the host gives (Electron's net.fetch). Here that fetch is a double that
 * behaves as net.fetch does (rejects a redirect under `redirect: 'manual'`; see
 * test/support/net-fetch-double.ts), records every call, and stands for the network by sending
 * login.microsoftonline.com to the sandbox's identity stand-in. No networkClient is given to
 * MSAL: the one it gets is built on that fetch.
 */

let microsoft: SandboxMicrosoft;
let dir: string;

beforeEach(async () => {
  microsoft = await startSandboxMicrosoft();
  dir = await mkdtemp(join(tmpdir(), 'app-network-stack-'));
});

afterEach(async () => {
  await microsoft.stop();
  await rm(dir, { recursive: true, force: true });
});

function recordingNetFetch(): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  const fetch: FetchLike = (input, init) => {
    const request = new Request(input, init);
    calls.push(`${request.method} ${request.url} redirect=${request.redirect}`);
    const url = request.url.replace(
      'https://login.microsoftonline.com',
      microsoft.identity.baseUrl,
    );
    return netFetchDouble(new Request(url, request));
  };
  return { fetch, calls };
}

describe('MSAL and Graph through the app’s fetch (net.fetch in the app)', () => {
  it('sends MSAL’s token calls and Graph’s calls through it, never with redirect: manual for MSAL', async () => {
    const { fetch, calls } = recordingNetFetch();
    const browser = signInBrowser(microsoft.identity);
    const signIn = new MicrosoftSignIn({
      dir,
      keychain: new MemorySecretStore(),
      settings: memorySettings({
        ...DEFAULT_SETTINGS,
        microsoftClientId: microsoft.clientId,
        microsoftTenant: 'contoso.onmicrosoft.com',
      }),
      logger: captureLogger().logger,
      openBrowser: (url) => browser.open(url),
      fetch,
    });
    microsoft.identity.expiresIn = 60;

    await signIn.signIn('read-apps');
    await signIn.accessToken('read-apps');
    const graph = createGraphClient({
      fetch,
      baseUrl: microsoft.graphBaseUrl,
      accessToken: (scopes) => signIn.accessToken(scopes),
      logger: captureLogger().logger,
    });
    await graph.findServicePrincipals('Stytch SCIM');

    const msal = calls
      .filter((call) => call.includes('login.microsoftonline.com'))
      .map((call) => call.replace(/\?client-request-id=[^ ]+/, ''));
    const tenant = 'https://login.microsoftonline.com/contoso.onmicrosoft.com';
    // Every token call the stand-in answered came through the fetch (plus the tenant lookup).
    const grants = microsoft.identity.tokenRequests.map((request) => request.grantType);
    expect(grants.slice(0, 2)).toEqual(['authorization_code', 'refresh_token']);
    expect(msal).toEqual([
      `GET ${tenant}/v2.0/.well-known/openid-configuration redirect=error`,
      ...grants.map(() => `POST ${tenant}/oauth2/v2.0/token redirect=error`),
    ]);
    expect(
      calls.some((call) => call.startsWith(`GET ${microsoft.graphBaseUrl}/servicePrincipals`)),
    ).toBe(true);
  });
});

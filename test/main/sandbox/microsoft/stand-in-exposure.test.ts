import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { GRAPH_RESOURCE } from '../../../../shared/entra/graph-permissions';
import { GraphClient } from '../../../../main/graph/graph-client';
import { GraphTransport } from '../../../../main/graph/graph-transport';
import { redactText, registerSecret } from '../../../../main/logging/redact';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/sandbox';
import { captureLogger } from '../../../support/capture-logger';
import { TEST_GRAPH_RETRY, TEST_REPLICATION_RETRY } from '../../../support/graph-harness';
import { FakeRetryClock } from '../../../support/fake-retry-clock';

/**
 * The sandbox's stand-ins serve the app, and nobody else on this computer: not another local
 * user (who can reach 127.0.0.1 too), not a web page that rebinds its own host name to 127.0.0.1.
 */

let sandbox: RunningSandbox;
let foreign: http.Server | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: [] });
});

afterAll(async () => {
  await sandbox.stop();
});

afterEach(async () => {
  foreign?.closeAllConnections();
  await new Promise<void>((resolve) => (foreign ? foreign.close(() => resolve()) : resolve()));
  foreign = undefined;
});

/** One plain HTTP request with the Host header given (fetch will not send a chosen Host). */
function rawRequest(
  url: string,
  options: { host?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? target.host, ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const port = (url: string) => new URL(url).port;

/** Where each stand-in listens: a URL the app itself would call. */
function standInUrls(): Record<string, string> {
  const authorize = sandbox.microsoft.browserUrl(authorizeUrl());
  return {
    identity: authorize,
    graph: `${sandbox.microsoft.graphBaseUrl}/users`,
    stytch: `${sandbox.apiBaseUrl}v1/b2b/organizations/search`,
    scim: `${sandbox.scim.origin}/v1/b2b/scim/connection-test-1/Users`,
  };
}

const VERIFIER = 'a-verifier-of-the-attacker-own-choosing-0123456789';

function authorizeUrl(): string {
  const query = new URLSearchParams({
    client_id: sandbox.microsoft.clientId,
    scope: `${GRAPH_RESOURCE}/Application.ReadWrite.All openid profile offline_access`,
    redirect_uri: 'http://localhost:53123',
    response_type: 'code',
    response_mode: 'form_post',
    state: 'state-1',
    code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'),
    code_challenge_method: 'S256',
  });
  return `https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?${query.toString()}`;
}

describe('every stand-in answers only requests addressed to loopback by name', () => {
  it.each(['identity', 'graph', 'stytch', 'scim'])(
    'the %s stand-in refuses a request whose Host is another name (DNS rebinding)',
    async (name) => {
      const url = standInUrls()[name] ?? '';
      const answer = await rawRequest(url, { host: `rebound.example:${port(url)}` });
      expect(answer.status).toBe(421);
      expect(answer.text).not.toContain('<form');
    },
  );

  it.each(['identity', 'graph', 'stytch', 'scim'])(
    'the %s stand-in still answers Host 127.0.0.1, localhost and [::1] with its port',
    async (name) => {
      const url = standInUrls()[name] ?? '';
      for (const host of ['127.0.0.1', 'localhost', '[::1]']) {
        const answer = await rawRequest(url, { host: `${host}:${port(url)}` });
        expect(answer.status).not.toBe(421);
      }
      const portless = await rawRequest(url, { host: 'localhost' });
      expect(portless.status).toBe(421);
    },
  );
});

describe('the identity and Graph stand-ins answer only at the per-run address the app was given', () => {
  it('gives no sign-in page, so no admin token, to a caller that guessed only the port', async () => {
    const { origin, pathname, search } = new URL(sandbox.microsoft.browserUrl(authorizeUrl()));
    expect(pathname).toMatch(/^\/[A-Za-z0-9_-]{22,}\/organizations\/oauth2\/v2\.0\/authorize$/);
    const guessed = await rawRequest(`${origin}/organizations/oauth2/v2.0/authorize${search}`);
    expect(guessed.status).toBe(404);
    expect(guessed.text).not.toContain('name="code"');
    // The token endpoint is closed too: a code from anywhere cannot be redeemed there.
    const token = await rawRequest(`${origin}/organizations/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'x' }).toString(),
    });
    expect(token.status).toBe(404);
  });

  it('the page the browser opens still works at its keyed address', async () => {
    const page = await rawRequest(sandbox.microsoft.browserUrl(authorizeUrl()));
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="code"');
  });

  it('refuses Graph calls at the port without the per-run prefix, even with a valid token', async () => {
    const token = await sandbox.microsoft.graph.accessToken([]);
    const { origin, pathname } = new URL(sandbox.microsoft.graphBaseUrl);
    expect(pathname).toMatch(/^\/[A-Za-z0-9_-]{22,}\/v1\.0$/);
    const guessed = await rawRequest(`${origin}/v1.0/servicePrincipals`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(guessed.status).toBe(404);
    expect(guessed.text).not.toContain('"value"');
    const keyed = await rawRequest(`${sandbox.microsoft.graphBaseUrl}/servicePrincipals`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(keyed.status).toBe(200);
  });
});

/** A server of someone else's that counts the requests that reach it. */
async function countingServer(): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  foreign = http.createServer((_request, response) => {
    hits += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"internal":"FOREIGN-BODY-7f3a"}');
  });
  await new Promise<void>((resolve) => foreign?.listen(0, '127.0.0.1', resolve));
  const { port: at } = foreign.address() as AddressInfo;
  return { url: `http://127.0.0.1:${at}/scim`, hits: () => hits };
}

function graphClient(): GraphClient {
  const clock = new FakeRetryClock();
  const transport = new GraphTransport({
    fetch,
    baseUrl: sandbox.microsoft.graphBaseUrl,
    accessToken: () => sandbox.microsoft.graph.accessToken([]),
    clock,
    logger: captureLogger().logger,
    retry: TEST_GRAPH_RETRY,
    replication: TEST_REPLICATION_RETRY,
    timeoutMs: 5_000,
  });
  return new GraphClient(transport, clock);
}

describe('the Graph stand-in provisions only to the sandbox’s own SCIM server', () => {
  it('refuses validateCredentials and saved credentials for another address without calling it', async () => {
    const target = await countingServer();
    const client = graphClient();
    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const job = await client.createJob(servicePrincipal.id);
    const credentials = {
      baseAddress: target.url,
      secretToken: 'ssrf-token-Qv7Lm2Rk9Tz4Wx8Np3',
    };
    const tested = await client.validateCredentials(servicePrincipal.id, job.id, credentials);
    expect(tested.ok).toBe(false);
    expect(JSON.stringify(tested)).not.toContain('FOREIGN-BODY');
    await expect(client.saveSecrets(servicePrincipal.id, credentials)).rejects.toThrow();
    expect(target.hits()).toBe(0);
  });

  it('registers nothing it is sent for redaction, so no caller can fill the app’s registry', async () => {
    const client = graphClient();
    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const job = await client.createJob(servicePrincipal.id);
    const sent = 'sent-to-stand-in-Hs6Jd1Fb5Gc0Ya';
    const answer = await fetch(
      `${sandbox.microsoft.graphBaseUrl}/servicePrincipals/${servicePrincipal.id}/synchronization/jobs/${job.id}/validateCredentials`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await sandbox.microsoft.graph.accessToken([])}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          useSavedCredentials: false,
          credentials: [
            { key: 'BaseAddress', value: sandbox.scim.baseUrlFor('connection-unknown') },
            { key: 'SecretToken', value: sent },
          ],
        }),
      },
    );
    expect(answer.status).toBe(400);
    expect(redactText(sent)).toBe(sent);
  });
});

describe('the redaction registry keeps the app’s own secrets whatever else is noted', () => {
  it('still masks a Microsoft token after 10,000 other values were noted', () => {
    const appToken = 'app-ms-token-Rk9Tz4Wx8Np3Hs6Jd1';
    registerSecret(appToken, 'microsoft-sign-in');
    for (let i = 0; i < 10_000; i += 1) {
      registerSecret(`flood-${i}-Qx7Lm2Vb9Rk4Tz`, 'entra-simulator');
      registerSecret(`probe-${i}-Qx7Lm2Vb9Rk4Tz`, 'probe');
    }
    expect(redactText(`renewed ${appToken}`)).toBe('renewed [redacted]');
  });
});

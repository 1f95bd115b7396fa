import { afterEach, describe, expect, it } from 'vitest';

import { GraphClient } from '../../../../main/graph/graph-client';
import { graphPath } from '../../../../main/graph/graph-operations';
import { NON_GALLERY_TEMPLATE_ID } from '../../../../main/graph/graph-queries';
import { GraphTransport } from '../../../../main/graph/graph-transport';
import {
  startSandboxMicrosoft,
  type SandboxMicrosoft,
} from '../../../../main/sandbox/sandbox-microsoft';
import { captureLogger } from '../../../support/capture-logger';
import { TEST_GRAPH_RETRY, TEST_REPLICATION_RETRY } from '../../../support/graph-harness';
import { FakeRetryClock } from '../../../support/fake-retry-clock';
import { sandboxSignIn } from '../../../support/sign-in-browser';

let microsoft: SandboxMicrosoft | undefined;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await microsoft?.stop();
  microsoft = undefined;
});

async function started(options: Parameters<typeof startSandboxMicrosoft>[0] = {}) {
  microsoft = await startSandboxMicrosoft(options);
  return microsoft;
}

/** Signs in through the authorize page as `who`, for an action's scopes. */
async function signedIn(
  sandbox: SandboxMicrosoft,
  who: string,
  action: 'read-apps' | 'create-app',
) {
  const signIn = await sandboxSignIn(sandbox);
  cleanups.push(signIn.close);
  signIn.browser.choice = who;
  await signIn.service.signIn(action);
  return signIn.service;
}

async function graphCall(
  sandbox: SandboxMicrosoft,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${sandbox.graphBaseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'client-request-id': 'test-request',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const instantiate = graphPath('applicationTemplates.instantiate', {
  templateId: NON_GALLERY_TEMPLATE_ID,
});

const refusal = (code: string) => ({
  error: {
    code,
    message: expect.any(String) as string,
    innerError: {
      date: expect.any(String) as string,
      'request-id': expect.any(String) as string,
      'client-request-id': 'test-request',
    },
  },
});

describe('the sandbox’s Graph stand-in with tokens from its identity stand-in', () => {
  it('serves the app’s Graph client with the tokens sign-in got from the identity stand-in', async () => {
    const sandbox = await started();
    const service = await signedIn(sandbox, 'Adele Vance', 'create-app');
    const clock = new FakeRetryClock();
    const transport = new GraphTransport({
      fetch,
      baseUrl: sandbox.graphBaseUrl,
      accessToken: (scopes) => service.accessToken(scopes),
      clock,
      logger: captureLogger().logger,
      retry: TEST_GRAPH_RETRY,
      replication: TEST_REPLICATION_RETRY,
      timeoutMs: 5_000,
    });
    const client = new GraphClient(transport, clock);

    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const job = await client.createJob(servicePrincipal.id);

    expect(job.schedule?.interval).toBe('PT20S');
    expect(sandbox.graph.history.every((record) => record.operation !== null)).toBe(true);
  });

  it('answers 403 Authorization_RequestDenied when the token lacks the call’s scope', async () => {
    const sandbox = await started();
    await signedIn(sandbox, 'Adele Vance', 'read-apps');
    const [readOnly = ''] = sandbox.identity.issued.accessTokens;

    const listed = await graphCall(sandbox, readOnly, 'GET', '/servicePrincipals');
    expect(listed.status).toBe(200);
    const created = await graphCall(sandbox, readOnly, 'POST', instantiate, {
      displayName: 'Stytch SCIM',
    });
    expect(created).toEqual({ status: 403, body: refusal('Authorization_RequestDenied') });
    const logs = await graphCall(sandbox, readOnly, 'GET', '/auditLogs/provisioning');
    expect(logs).toEqual({ status: 403, body: refusal('Authentication_MSGraphPermissionMissing') });
  });

  it('refuses Megan, who holds no admin role, the admin-only instantiate but lets her read', async () => {
    const sandbox = await started();
    await signedIn(sandbox, 'Megan Bowen', 'create-app');
    const [token = ''] = sandbox.identity.issued.accessTokens;

    const created = await graphCall(sandbox, token, 'POST', instantiate, {
      displayName: 'Stytch SCIM',
    });
    expect(created).toEqual({ status: 403, body: refusal('Authorization_RequestDenied') });
    expect(created.body).toMatchObject({
      error: { message: 'Insufficient privileges to complete the operation.' },
    });
    // Reading needs no role, and Application.ReadWrite.All covers Application.Read.All.
    expect((await graphCall(sandbox, token, 'GET', '/servicePrincipals')).status).toBe(200);
  });

  it('answers 401 InvalidAuthenticationToken for an expired or unknown token, but not its own', async () => {
    let at = Date.parse('2026-03-01T10:00:00Z');
    const sandbox = await started({ now: () => new Date(at) });
    await signedIn(sandbox, 'Adele Vance', 'read-apps');
    const [token = ''] = sandbox.identity.issued.accessTokens;
    expect((await graphCall(sandbox, token, 'GET', '/servicePrincipals')).status).toBe(200);

    at += (sandbox.identity.expiresIn + 1) * 1000;

    const expired = await graphCall(sandbox, token, 'GET', '/servicePrincipals');
    expect(expired).toEqual({ status: 401, body: refusal('InvalidAuthenticationToken') });
    const unknown = await graphCall(sandbox, 'at.made-up', 'GET', '/servicePrincipals');
    expect(unknown.status).toBe(401);
    const own = await graphCall(
      sandbox,
      await sandbox.graph.accessToken([]),
      'GET',
      '/servicePrincipals',
    );
    expect(own.status).toBe(200);
  });
});

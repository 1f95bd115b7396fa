import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { type AppError } from '../../../shared/errors';
import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/sandbox';
import type { StytchClient } from '../../../main/stytch/stytch-client';
import { STYTCH_ERROR_TYPES, stytchAppError } from '../../../main/stytch/stytch-errors';
import { failure, MemoryKeeper, plainHttpFetch, testSession } from './support';

let sandbox: RunningSandbox;
let client: StytchClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  const { session } = testSession(new MemoryKeeper(), {
    tuning: {
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxTotalMs: 1 },
      timeouts: { readMs: 300, writeMs: 300, searchMs: 300 },
    },
  });
  await session.connect({
    projectId: sandbox.projectId,
    secret: sandbox.secret,
    baseUrl: sandbox.apiBaseUrl,
  });
  client = await session.client();
});

afterAll(async () => {
  await sandbox.stop();
});

afterEach(() => {
  sandbox.http.faults.clear();
});

async function connectFailure(
  projectId: string,
  secret: string,
  baseUrl: string,
): Promise<AppError> {
  const { session } = testSession(new MemoryKeeper(), {
    tuning: { timeouts: { readMs: 500, writeMs: 500, searchMs: 500 } },
  });
  return failure(() => session.connect({ projectId, secret, baseUrl }));
}

describe('Stytch error_type → AppError, over HTTP from the stand-in', () => {
  it('maps unauthorized_credentials to STYTCH_BAD_CREDENTIALS, keeping the request id', async () => {
    const error = await connectFailure(sandbox.projectId, 'secret-test-wrong', sandbox.apiBaseUrl);
    expect(error).toMatchObject({
      code: 'STYTCH_BAD_CREDENTIALS',
      requestId: expect.stringMatching(/^request-id-test-/) as unknown,
    });
    expect(error.hint).toContain('API keys');
  });

  it('maps a live ID sent to the test environment to STYTCH_ENVIRONMENT_MISMATCH', async () => {
    const error = await connectFailure('project-live-123', 'some-secret', sandbox.apiBaseUrl);
    expect(error.code).toBe('STYTCH_ENVIRONMENT_MISMATCH');
  });

  it('maps organization_not_found, active_scim_connection_exists, not rotating and invalid IdP', async () => {
    expect((await failure(() => client.getOrganization('organization-test-missing'))).code).toBe(
      'STYTCH_ORGANIZATION_NOT_FOUND',
    );
    expect(
      (
        await failure(() =>
          client.createConnection(SEEDED_ORGANIZATIONS.globex, {
            displayName: 'x',
            identityProvider: 'microsoft-entra',
          }),
        )
      ).code,
    ).toBe('STYTCH_SCIM_CONNECTION_EXISTS');
    const globex = await client.getConnection(SEEDED_ORGANIZATIONS.globex);
    const id = globex?.connection_id ?? '';
    expect((await failure(() => client.rotateCancel(SEEDED_ORGANIZATIONS.globex, id))).code).toBe(
      'STYTCH_NOT_ROTATING',
    );
    expect(
      (
        await failure(() =>
          client.updateConnection(SEEDED_ORGANIZATIONS.globex, id, {
            identity_provider: 'azure-ad',
          }),
        )
      ).code,
    ).toBe('STYTCH_INVALID_IDP');
    expect(
      (
        await failure(() =>
          client.deleteConnection(SEEDED_ORGANIZATIONS.acme, 'scim-connection-test-none'),
        )
      ).code,
    ).toBe('STYTCH_SCIM_CONNECTION_NOT_FOUND');
  });

  it('maps too_many_requests (saying how long to wait) and internal_server_error', async () => {
    sandbox.http.faults.inject({
      route: 'organizations.get',
      fault: { kind: 'status', status: 429, retryAfter: '30' },
      times: 1,
    });
    const limited = await failure(() => client.getOrganization(SEEDED_ORGANIZATIONS.acme));
    expect(limited).toMatchObject({ code: 'STYTCH_RATE_LIMITED', retryable: true });
    expect(limited.message).toContain('30 seconds');
    sandbox.http.faults.inject({
      route: 'organizations.get',
      fault: { kind: 'status', status: 500 },
      times: 1,
    });
    expect(await failure(() => client.getOrganization(SEEDED_ORGANIZATIONS.acme))).toMatchObject({
      code: 'STYTCH_SERVER_ERROR',
      requestId: expect.stringMatching(/^request-id-test-/) as unknown,
    });
  });

  it('maps a search refusal to STYTCH_BAD_REQUEST with a useful message', async () => {
    const error = await failure(() =>
      client.searchOrganizations({
        query: {
          operator: 'AND',
          operands: [{ filter_name: 'organization_name_fuzzy', filter_value: 'ab' }],
        },
      }),
    );
    expect(error).toMatchObject({ code: 'STYTCH_BAD_REQUEST' });
    expect(error.message).toContain('3 characters');
  });

  it('maps an unknown error_type by its HTTP status, quoting Stytch', () => {
    const error = stytchAppError({
      status: 403,
      body: {
        status_code: 403,
        error_type: 'member_session_forbidden',
        error_message: 'Nope.',
        request_id: 'request-id-1',
        error_url: undefined,
      },
    });
    expect(error).toMatchObject({ code: 'STYTCH_NOT_PERMITTED', requestId: 'request-id-1' });
    expect(error.message).toContain('Nope.');
  });

  it('gives every table entry a message and a hint, and marks unconfirmed statuses', () => {
    for (const [type, entry] of Object.entries(STYTCH_ERROR_TYPES)) {
      expect(entry.message.length, type).toBeGreaterThan(10);
      expect(entry.hint.length, type).toBeGreaterThan(10);
    }
    expect('uncertain' in STYTCH_ERROR_TYPES.organization_not_found).toBe(true);
    expect('uncertain' in STYTCH_ERROR_TYPES.unauthorized_credentials).toBe(false);
  });
});

describe('transport failures → AppError', () => {
  it('names a DNS failure', async () => {
    expect(
      (await connectFailure('project-test-x', 'secret-test-x', 'http://no-such-host.invalid/'))
        .code,
    ).toBe('NET_DNS');
  });

  it('names a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(
      (await connectFailure('project-test-x', 'secret-test-x', `http://127.0.0.1:${port}/`)).code,
    ).toBe('NET_REFUSED');
  });

  it('names a TLS failure and mentions TLS-inspecting proxies', async () => {
    const error = await connectFailure(
      sandbox.projectId,
      sandbox.secret,
      sandbox.apiBaseUrl.replace('http:', 'https:'),
    );
    expect(error.code).toBe('NET_TLS');
    expect(error.hint).toContain('TLS-inspecting proxy');
  });

  it('names a reset and a timeout', async () => {
    sandbox.http.faults.inject({ route: 'organizations.get', fault: { kind: 'reset' }, times: 1 });
    expect((await failure(() => client.getOrganization(SEEDED_ORGANIZATIONS.acme))).code).toBe(
      'NET_RESET',
    );
    sandbox.http.faults.inject({ route: 'organizations.get', fault: { kind: 'hang' }, times: 1 });
    expect((await failure(() => client.getOrganization(SEEDED_ORGANIZATIONS.acme))).code).toBe(
      'NET_TIMEOUT',
    );
  });

  it('names proxy authentication for an HTTP 407 page', async () => {
    const { session } = testSession(new MemoryKeeper(), { fetch: plainHttpFetch });
    await session.connect({
      projectId: sandbox.projectId,
      secret: sandbox.secret,
      baseUrl: sandbox.apiBaseUrl,
    });
    const viaProxy = await session.client();
    sandbox.http.faults.inject({
      route: 'organizations.get',
      fault: { kind: 'html', status: 407 },
      times: 1,
    });
    const error = await failure(() => viaProxy.getOrganization(SEEDED_ORGANIZATIONS.acme));
    expect(error.code).toBe('NET_PROXY_AUTH');
    expect(error.hint).toContain('proxy');
  });

  it('names a non-JSON answer (HTML page, truncated JSON)', async () => {
    sandbox.http.faults.inject({ route: 'organizations.get', fault: { kind: 'html' }, times: 1 });
    const html = await failure(() => client.getOrganization(SEEDED_ORGANIZATIONS.acme));
    expect(html.code).toBe('NET_NON_JSON');
    expect(html.message).toContain('text/html');
    sandbox.http.faults.inject({
      route: 'organizations.get',
      fault: { kind: 'malformed-json' },
      times: 1,
    });
    expect((await failure(() => client.getOrganization(SEEDED_ORGANIZATIONS.acme))).code).toBe(
      'NET_NON_JSON',
    );
  });

  it('reports a missing required field as STYTCH_UNEXPECTED_RESPONSE, naming the field', async () => {
    sandbox.http.faults.inject({
      route: 'scim.get',
      fault: { kind: 'omit-field', field: 'connection.base_url' },
      times: 1,
    });
    const error = await failure(() => client.getConnection(SEEDED_ORGANIZATIONS.globex));
    expect(error.code).toBe('STYTCH_UNEXPECTED_RESPONSE');
    expect(error.message).toContain('connection.base_url');
    expect(error.requestId).toMatch(/^request-id-test-/);
  });
});

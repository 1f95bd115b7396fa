import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import { type AppError } from '../../../shared/errors';
import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { STYTCH_ERROR_TYPES, stytchAppError } from '../../../main/stytch/stytch-errors';
import { installClient } from './client-harness';
import { failure, MemoryKeeper, plainHttpFetch, testSession } from '../../support/stytch-doubles';

const t = installClient({
  retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxTotalMs: 1 },
  timeouts: { readMs: 300, writeMs: 300, searchMs: 300 },
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
    const error = await connectFailure(
      t.sandbox.projectId,
      'secret-test-wrong',
      t.sandbox.apiBaseUrl,
    );
    expect(error).toMatchObject({
      code: 'STYTCH_BAD_CREDENTIALS',
      requestId: expect.stringMatching(/^request-id-test-/) as unknown,
    });
    expect(error.hint).toContain('API keys');
  });

  it('maps a live ID sent to the test environment to STYTCH_ENVIRONMENT_MISMATCH', async () => {
    const error = await connectFailure('project-live-123', 'some-secret', t.sandbox.apiBaseUrl);
    expect(error.code).toBe('STYTCH_ENVIRONMENT_MISMATCH');
  });

  it('maps organization_not_found, active_scim_connection_exists, not rotating and invalid IdP', async () => {
    expect((await failure(() => t.client.getConnection('organization-test-missing'))).code).toBe(
      'STYTCH_ORGANIZATION_NOT_FOUND',
    );
    expect(
      (
        await failure(() =>
          t.client.createConnection(SEEDED_ORGANIZATIONS.globex, {
            displayName: 'x',
            identityProvider: 'microsoft-entra',
          }),
        )
      ).code,
    ).toBe('STYTCH_SCIM_CONNECTION_EXISTS');
    const globex = await t.client.getConnection(SEEDED_ORGANIZATIONS.globex);
    const id = globex?.connection_id ?? '';
    expect((await failure(() => t.client.rotateCancel(SEEDED_ORGANIZATIONS.globex, id))).code).toBe(
      'STYTCH_NOT_ROTATING',
    );
    expect(
      (
        await failure(() =>
          t.client.createConnection(SEEDED_ORGANIZATIONS.acme, {
            displayName: 'x',
            identityProvider: 'azure-ad',
          }),
        )
      ).code,
    ).toBe('STYTCH_INVALID_IDP');
    expect(
      (
        await failure(() =>
          t.client.deleteConnection(SEEDED_ORGANIZATIONS.acme, 'scim-connection-test-none'),
        )
      ).code,
    ).toBe('STYTCH_SCIM_CONNECTION_NOT_FOUND');
  });

  it('maps too_many_requests (saying how long to wait) and internal_server_error', async () => {
    t.sandbox.http.faults.inject({
      route: 'scim.get',
      fault: { kind: 'status', status: 429, retryAfter: '30' },
      times: 1,
    });
    const limited = await failure(() => t.client.getConnection(SEEDED_ORGANIZATIONS.acme));
    expect(limited).toMatchObject({ code: 'STYTCH_RATE_LIMITED', retryable: true });
    expect(limited.message).toContain('30 seconds');
    t.sandbox.http.faults.inject({
      route: 'scim.get',
      fault: { kind: 'status', status: 500 },
      times: 1,
    });
    expect(await failure(() => t.client.getConnection(SEEDED_ORGANIZATIONS.acme))).toMatchObject({
      code: 'STYTCH_SERVER_ERROR',
      requestId: expect.stringMatching(/^request-id-test-/) as unknown,
    });
  });

  it('maps a search refusal to STYTCH_BAD_REQUEST with a useful message', async () => {
    const error = await failure(() =>
      t.client.searchOrganizations({
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
      t.sandbox.projectId,
      t.sandbox.secret,
      t.sandbox.apiBaseUrl.replace('http:', 'https:'),
    );
    expect(error.code).toBe('NET_TLS');
    expect(error.hint).toContain('TLS-inspecting proxy');
  });

  it('names a reset and a timeout', async () => {
    t.sandbox.http.faults.inject({ route: 'scim.get', fault: { kind: 'reset' }, times: 1 });
    expect((await failure(() => t.client.getConnection(SEEDED_ORGANIZATIONS.acme))).code).toBe(
      'NET_RESET',
    );
    t.sandbox.http.faults.inject({ route: 'scim.get', fault: { kind: 'hang' }, times: 1 });
    expect((await failure(() => t.client.getConnection(SEEDED_ORGANIZATIONS.acme))).code).toBe(
      'NET_TIMEOUT',
    );
  });

  it('names proxy authentication for an HTTP 407 page', async () => {
    const { client: viaProxy } = await t.connect({ fetch: plainHttpFetch });
    t.sandbox.http.faults.inject({
      route: 'scim.get',
      fault: { kind: 'html', status: 407 },
      times: 1,
    });
    const error = await failure(() => viaProxy.getConnection(SEEDED_ORGANIZATIONS.acme));
    expect(error.code).toBe('NET_PROXY_AUTH');
    expect(error.hint).toContain('proxy');
  });

  it('names a non-JSON answer (HTML page, truncated JSON)', async () => {
    t.sandbox.http.faults.inject({ route: 'scim.get', fault: { kind: 'html' }, times: 1 });
    const html = await failure(() => t.client.getConnection(SEEDED_ORGANIZATIONS.acme));
    expect(html.code).toBe('NET_NON_JSON');
    expect(html.message).toContain('text/html');
    t.sandbox.http.faults.inject({
      route: 'scim.get',
      fault: { kind: 'malformed-json' },
      times: 1,
    });
    expect((await failure(() => t.client.getConnection(SEEDED_ORGANIZATIONS.acme))).code).toBe(
      'NET_NON_JSON',
    );
  });

  it('reports a missing required field as STYTCH_UNEXPECTED_RESPONSE, naming the field', async () => {
    t.sandbox.http.faults.inject({
      route: 'scim.get',
      fault: { kind: 'omit-field', field: 'connection.base_url' },
      times: 1,
    });
    const error = await failure(() => t.client.getConnection(SEEDED_ORGANIZATIONS.globex));
    expect(error.code).toBe('STYTCH_UNEXPECTED_RESPONSE');
    expect(error.message).toContain('connection.base_url');
    expect(error.requestId).toMatch(/^request-id-test-/);
  });
});

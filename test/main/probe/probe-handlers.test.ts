import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDispatcher, type EmitEvent } from '../../../main/ipc/dispatch';
import { createLogger, type LogRecord } from '../../../main/logging/logger';
import { probeHandlers, type ProbeServices } from '../../../main/probe/probe-handlers';
import { nodeTlsConnector } from '../../../main/probe/tls-connector';
import { appFailure, AppFailure } from '../../../shared/errors';
import { eventContract, ipcContract, type ParsedReq } from '../../../shared/ipc';
import type { SecretHandle } from '../../../shared/stytch/views';
import { createScimApp } from './support/scim-test-server';
import { startHttp, type RunningServer } from './support/servers';

const runProbeHandler = probeHandlers['probe:run'];
const TOKEN = 'handler-test-token-5d41402abc4b2a76';
const HANDLE: SecretHandle = { kind: 'scim-token', connectionId: 'scim-connection-test-1' };
const ORGANIZATION = 'organization-test-1';

let server: RunningServer;

beforeAll(async () => {
  server = await startHttp(createScimApp({ token: TOKEN }).app);
});

afterAll(async () => {
  await server.close();
});

function setUp(
  tokens: Record<string, string> = { [HANDLE.connectionId]: TOKEN },
  mode: 'real' | 'sandbox' = 'real',
) {
  const logs: LogRecord[] = [];
  const reads: SecretHandle[] = [];
  const services: ProbeServices = {
    logger: createLogger((record) => logs.push(record)),
    probe: { fetch, connectTls: nodeTlsConnector },
    secrets: {
      readToken(handle) {
        reads.push(handle);
        const token = tokens[handle.connectionId];
        return token === undefined
          ? Promise.reject(appFailure('SECRET_NOT_FOUND', 'No token stored.', 'Rotate the token.'))
          : Promise.resolve(token);
      },
    },
    stytch: {
      project: () => ({ mode }),
      // What Stytch holds for the organization: its one connection and where its endpoint is.
      client: () =>
        Promise.resolve({
          getConnection: (organizationId: string) =>
            Promise.resolve(
              organizationId === ORGANIZATION
                ? { connection_id: HANDLE.connectionId, base_url: `${server.origin}/scim` }
                : null,
            ),
        }),
    },
  };
  const events: Array<{ event: string; payload: unknown }> = [];
  const emit: EmitEvent = (event, payload) => events.push({ event, payload });
  return { services, logs, reads, events, emit };
}

function request(overrides: Record<string, unknown> = {}): ParsedReq<'probe:run'> {
  return ipcContract['probe:run'].request.parse({
    runId: 'run-1',
    organizationId: ORGANIZATION,
    token: HANDLE,
    ...overrides,
  });
}

describe('probe:run', () => {
  it('reads the token by handle, runs the probe and answers a valid report', async () => {
    const { services, reads, emit } = setUp();
    const report = await runProbeHandler(request(), services, emit);
    expect(reads).toEqual([HANDLE]);
    expect(ipcContract['probe:run'].response.safeParse(report).success).toBe(true);
    expect(report.checks.find((c) => c.id === 'test-connection')?.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'write-cycle')?.status).toBe('skip');
  });

  it('warns that Microsoft asks for HTTPS, except for the local sandbox where plain http is by design', async () => {
    const real = setUp();
    const realReport = await runProbeHandler(request(), real.services, real.emit);
    expect(realReport.checks.find((c) => c.id === 'url')).toMatchObject({
      status: 'warn',
      fix: expect.stringMatching(/Microsoft: “Support HTTPS on your SCIM endpoint\.”/) as unknown,
    });
    const sandbox = setUp(undefined, 'sandbox');
    const sandboxReport = await runProbeHandler(request(), sandbox.services, sandbox.emit);
    expect(sandboxReport.checks.find((c) => c.id === 'url')).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(/expected for the local sandbox/) as unknown,
    });
  });

  it('emits probe:progress once per finished check, with the run id and a running count', async () => {
    const { services, events, emit } = setUp();
    await runProbeHandler(request({ runId: 'run-42', writeCycle: true }), services, emit);
    expect(events).toHaveLength(9);
    for (const [index, { event, payload }] of events.entries()) {
      expect(event).toBe('probe:progress');
      const progress = eventContract['probe:progress'].parse(payload);
      expect(progress).toMatchObject({ runId: 'run-42', done: index + 1, total: 9 });
    }
  });

  it('passes a missing token on as the vault’s typed error, sending nothing', async () => {
    const { services, events, emit } = setUp({});
    const failure = await Promise.resolve(runProbeHandler(request(), services, emit)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).appError.code).toBe('SECRET_NOT_FOUND');
    expect(events).toEqual([]);
  });

  it('probes the Tenant URL Stytch holds for the connection, with Entra’s flag', async () => {
    const { services, emit } = setUp();
    const report = await runProbeHandler(request(), services, emit);
    expect(report.baseUrl).toBe(`${server.origin}/scim?aadOptscim062020`);
  });

  it('refuses a token of a connection that is not the organization’s, reading no token', async () => {
    const { services, reads, events, emit } = setUp();
    const failure = await Promise.resolve(
      runProbeHandler(request({ organizationId: 'organization-test-other' }), services, emit),
    ).then(
      () => null,
      (error: unknown) => error,
    );
    expect((failure as AppFailure).appError.code).toBe('STYTCH_SCIM_CONNECTION_NOT_FOUND');
    expect(reads).toEqual([]);
    expect(events).toEqual([]);
  });

  it('lets no request choose where a stored token is sent: a URL in the request is refused', async () => {
    const attackerSaw: string[] = [];
    const attacker = await startHttp((incoming, answer) => {
      attackerSaw.push(incoming.headers.authorization ?? '');
      answer.end();
    });
    try {
      const { services, reads, emit } = setUp();
      const dispatch = createDispatcher(
        probeHandlers,
        services,
        createLogger(() => undefined),
      );
      const tenantUrl = `${attacker.origin}/scim`;
      for (const hostile of [
        { runId: 'run-evil-1', tenantUrl, token: HANDLE },
        { runId: 'run-evil-2', organizationId: ORGANIZATION, token: HANDLE, tenantUrl },
      ]) {
        expect(await dispatch('probe:run', hostile, emit)).toMatchObject({
          ok: false,
          error: { code: 'IPC_INVALID_REQUEST' },
        });
      }
      expect(reads).toEqual([]);
      expect(attackerSaw).toEqual([]);
    } finally {
      await attacker.close();
    }
  });

  it('keeps the token out of the report, the progress events and the logs', async () => {
    const { services, logs, events, emit } = setUp();
    const report = await runProbeHandler(request({ writeCycle: true }), services, emit);
    expect(logs.map((l) => l.event)).toEqual(['probe.started', 'probe.finished']);
    for (const written of [report, events, logs])
      expect(JSON.stringify(written)).not.toContain(TOKEN);
  });
});

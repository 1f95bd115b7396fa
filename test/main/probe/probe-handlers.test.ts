import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { EmitEvent } from '../../../main/ipc/dispatch';
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
    stytch: { project: () => ({ mode }) },
  };
  const events: Array<{ event: string; payload: unknown }> = [];
  const emit: EmitEvent = (event, payload) => events.push({ event, payload });
  return { services, logs, reads, events, emit };
}

function request(overrides: Record<string, unknown> = {}): ParsedReq<'probe:run'> {
  return ipcContract['probe:run'].request.parse({
    runId: 'run-1',
    tenantUrl: `${server.origin}/scim?aadOptscim062020`,
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

  it('warns that Entra would refuse plain http, except for the local sandbox where it is by design', async () => {
    const real = setUp();
    const realReport = await runProbeHandler(request(), real.services, real.emit);
    expect(realReport.checks.find((c) => c.id === 'url')).toMatchObject({
      status: 'warn',
      fix: expect.stringMatching(/Entra would refuse this/) as unknown,
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

  it('keeps the token out of the report, the progress events and the logs', async () => {
    const { services, logs, events, emit } = setUp();
    const report = await runProbeHandler(request({ writeCycle: true }), services, emit);
    expect(logs.map((l) => l.event)).toEqual(['probe.started', 'probe.finished']);
    for (const written of [report, events, logs])
      expect(JSON.stringify(written)).not.toContain(TOKEN);
  });
});

import { randomUUID } from 'node:crypto';

import type { ProbeCheck, ProbeReport } from '../../shared/probe/report';
import type { FetchLike } from '../http/create-http-client';
import { registerSecret } from '../logging/redact';
import { targetOf, type ProbeContext, type ProbeOptions } from './probe-context';
import { analyzeTarget } from './probe-target';
import { runSteps } from './run-steps';
import { exchange } from './scim-exchange';
import type { ProbeStep } from './probe-step';
import { maskFor } from './shown-text';
import { PROBE_STEPS } from './steps';
import type { TlsConnector } from './tls-connector';

/** Default limit for each request: Entra's own is undocumented (reference C.5), 15 s is generous. */
export const DEFAULT_PROBE_TIMEOUT_MS = 15_000;

/** What to probe. */
export interface ProbeInput {
  /** The Tenant URL as the admin would paste it into Entra. */
  tenantUrl: string;
  /** The bearer token as the admin would paste it into Entra. */
  token: string;
  options?: Partial<ProbeOptions>;
}

/** The transports the probe sends through: injected, so the same code runs in the app, CLI and tests. */
export interface ProbeTransport {
  /** Electron's net.fetch in the app, Node's fetch in the CLI, any fetch in tests. */
  fetch: FetchLike;
  connectTls: TlsConnector;
}

/** Hooks for callers that watch a probe run. */
export interface ProbeHooks {
  /** Called once per check as soon as it is decided. */
  onCheck?: (check: ProbeCheck, done: number, total: number) => void;
  newGuid?: () => string;
  now?: () => Date;
}

/**
 * Builds what every step receives: the analysed target, the request sender and the injected
 * transports. Exported for benchmarks that time a single step.
 */
export function createProbeContext(
  input: ProbeInput,
  transport: ProbeTransport,
  hooks: ProbeHooks = {},
): ProbeContext {
  const options: ProbeOptions = {
    timeoutMs: input.options?.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
    writeCycle: input.options?.writeCycle ?? false,
    ...(input.options?.ca ? { ca: input.options.ca } : {}),
    ...(input.options?.localSandbox ? { localSandbox: true } : {}),
  };
  const sender = { fetch: transport.fetch, timeoutMs: options.timeoutMs };
  const ctx: ProbeContext = {
    analysis: analyzeTarget(input.tenantUrl, input.token, {
      localSandbox: options.localSandbox ?? false,
    }),
    options,
    send: (call) => exchange(sender, targetOf(ctx), call),
    connectTls: transport.connectTls,
    newGuid: hooks.newGuid ?? randomUUID,
  };
  return ctx;
}

/**
 * Runs the connection probe: Entra's Test Connection reproduced and explained, plus deeper SCIM
 * checks. Never throws for anything the server does; every finding is a line of the report.
 */
export async function runProbe(
  input: ProbeInput,
  transport: ProbeTransport,
  hooks: ProbeHooks = {},
  /** Which checks to run, in report order: all of them unless a caller wants a subset. */
  steps: readonly ProbeStep<ProbeContext>[] = PROBE_STEPS,
): Promise<ProbeReport> {
  // Whoever supplied the token, no log line, error or report may carry it.
  registerSecret(input.token, 'probe');
  const startedAt = (hooks.now ?? (() => new Date()))();
  const begin = performance.now();
  const ctx = createProbeContext(input, transport, hooks);
  const mask = maskFor([ctx.analysis.target?.token ?? '']);
  const checks = await runSteps(steps, ctx, {
    mask,
    ...(hooks.onCheck ? { onCheck: hooks.onCheck } : {}),
  });
  return {
    ok: checks.every((check) => check.status !== 'fail'),
    baseUrl: mask(input.tenantUrl.trim()),
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - begin),
    checks,
  };
}

import { expect } from 'vitest';

import type { FetchLike } from '../../../../main/http/create-http-client';
import { runProbe, type ProbeHooks } from '../../../../main/probe/run-probe';
import type { ProbeOptions } from '../../../../main/probe/probe-context';
import { nodeTlsConnector } from '../../../../main/probe/tls-connector';
import type { ProbeCheck, ProbeCheckId, ProbeReport } from '../../../../shared/probe/report';
import { ProbeReportSchema } from '../../../../shared/probe/report';

/** Runs the real probe (real HTTP, real TLS) and checks the report against its schema. */
export async function probe(
  tenantUrl: string,
  token: string,
  options: Partial<ProbeOptions> & { fetch?: FetchLike } = {},
  hooks: ProbeHooks = {},
): Promise<ProbeReport> {
  const { fetch: injected, ...probeOptions } = options;
  const report = await runProbe(
    { tenantUrl, token, options: { timeoutMs: 5_000, ...probeOptions } },
    { fetch: injected ?? fetch, connectTls: nodeTlsConnector },
    hooks,
  );
  expect(ProbeReportSchema.safeParse(report).success).toBe(true);
  return report;
}

/** One check of a report, by id. */
export function checkOf(report: ProbeReport, id: ProbeCheckId): ProbeCheck {
  const check = report.checks.find((c) => c.id === id);
  if (!check) throw new Error(`report has no ${id} check`);
  return check;
}

/** `id: status` for every check, for readable assertions. */
export function statuses(report: ProbeReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
}

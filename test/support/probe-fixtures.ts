import type { ProbeCheck, ProbeReport } from '../../shared/probe/report';

/** One probe check. */
export function probeCheck(overrides: Partial<ProbeCheck> = {}): ProbeCheck {
  return {
    id: 'test-connection',
    title: 'Entra Test Connection',
    status: 'pass',
    message: 'HTTP 200 with an empty ListResponse.',
    durationMs: 12,
    ...overrides,
  };
}

/** A report made of the given checks. */
export function probeReport(checks: ProbeCheck[], baseUrl: string): ProbeReport {
  return {
    ok: checks.every((c) => c.status !== 'fail'),
    baseUrl,
    startedAt: '2026-11-20T10:00:00.000Z',
    durationMs: 140,
    checks,
  };
}

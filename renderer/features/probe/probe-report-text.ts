import type { ProbeCheck, ProbeReport, ProbeStatus } from '../../../shared/probe/report';

/** The contract caps clipboard text at this many characters. */
export const MAX_REPORT_CHARS = 4096;

const STATUS_TAG: Record<ProbeStatus, string> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  skip: 'SKIP',
};

function checkLines(check: ProbeCheck): string[] {
  const lines = [`[${STATUS_TAG[check.status]}] ${check.title}: ${check.message}`];
  if (check.entraWouldSay) lines.push(`  Entra would say: ${check.entraWouldSay}`);
  if (check.fix) lines.push(`  Fix: ${check.fix}`);
  // Method, URL and status only: headers and bodies stay out of anything the user shares.
  if (check.request) lines.push(`  Sent: ${check.request.method} ${check.request.url}`);
  if (check.response) {
    const type = check.response.contentType ?? 'no content type';
    lines.push(`  Received: HTTP ${check.response.status} (${type})`);
  }
  return lines;
}

/** A one-line verdict for the whole run. */
export function reportVerdict(report: ProbeReport): string {
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  if (failed > 0) return `${failed} of ${report.checks.length} checks failed.`;
  if (warned > 0) return `No failures; ${warned} ${warned === 1 ? 'warning' : 'warnings'}.`;
  return 'All checks passed.';
}

/**
 * A plain-text summary to paste into a ticket. Built only from the report's titles, messages,
 * fixes, methods, URLs and statuses, which main writes without the token.
 */
export function probeReportText(report: ProbeReport): string {
  const lines = [
    'SCIM Setup Assistant: connection test',
    `Tenant URL: ${report.baseUrl}`,
    `Started: ${report.startedAt} (took ${Math.round(report.durationMs)} ms)`,
    `Result: ${reportVerdict(report)}`,
    '',
    ...report.checks.flatMap(checkLines),
  ];
  const text = lines.join('\n');
  if (text.length <= MAX_REPORT_CHARS) return text;
  const marker = '\n… (cut to fit the clipboard limit)';
  return text.slice(0, MAX_REPORT_CHARS - marker.length) + marker;
}

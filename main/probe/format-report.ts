import type { ProbeCheck, ProbeReport, ProbeStatus } from '../../shared/probe/report';

/** The mark each status gets in human output. */
const STATUS_MARKS: Readonly<Record<ProbeStatus, string>> = {
  pass: '✓',
  warn: '!',
  fail: '✗',
  skip: '○',
};

function checkLines(check: ProbeCheck): string[] {
  const lines = [`${STATUS_MARKS[check.status]} ${check.title} — ${check.message}`];
  if (check.status === 'pass' || check.status === 'skip') return lines;
  if (check.fix) lines.push(`    fix: ${check.fix}`);
  if (check.entraWouldSay && check.status === 'fail')
    lines.push(`    Entra would say: ${check.entraWouldSay}`);
  for (const line of check.exchanges ?? []) {
    if (line.status !== 'pass')
      lines.push(`    ${STATUS_MARKS[line.status]} ${line.label}: ${line.message}`);
  }
  return lines;
}

/** The report as text for a terminal: one line per check, with the fix under anything not passing. */
export function formatReport(report: ProbeReport): string {
  const count = (status: ProbeStatus): number =>
    report.checks.filter((c) => c.status === status).length;
  const lines = [
    `SCIM connection probe — ${report.baseUrl}`,
    '',
    ...report.checks.flatMap(checkLines),
    '',
    `${report.ok ? 'No check failed' : 'Some checks failed'}: ${count('pass')} passed, ${count('warn')} warned, ${count('fail')} failed, ${count('skip')} skipped (${report.durationMs} ms).`,
  ];
  return `${lines.join('\n')}\n`;
}

import {
  MAX_CLIPBOARD_TEXT_CHARS,
  type ProbeCheck,
  type ProbeReport,
  type ProbeStatus,
} from './report';

/** How each status is shown: a mark in the terminal, a tag in text pasted into a ticket. */
const STATUS_SIGNS: Readonly<Record<ProbeStatus, { mark: string; tag: string }>> = {
  pass: { mark: '✓', tag: 'PASS' },
  warn: { mark: '!', tag: 'WARN' },
  fail: { mark: '✗', tag: 'FAIL' },
  skip: { mark: '○', tag: 'SKIP' },
};

/**
 * How `entraWouldSay` is labelled wherever a report is shown: Microsoft's documented template
 * filled in by the probe, so what Entra shows, approximately (main/probe/entra-texts.ts).
 */
export const ENTRA_TEXT_LABEL = 'Entra shows (approximately)';

/** A labelled line under a check's first line. */
type Detail = readonly [label: string, text: string];

/** How one kind of text lays out a check: its first line, then indented details in order. */
interface CheckLayout {
  head(check: ProbeCheck): string;
  indent: string;
  details(check: ProbeCheck): Detail[];
}

/** The detail when there is something to say. */
function present(label: string, text: string | undefined): Detail[] {
  return text ? [[label, text]] : [];
}

function checkLines(check: ProbeCheck, layout: CheckLayout): string[] {
  const details = layout.details(check).map(([label, text]) => `${layout.indent}${label}: ${text}`);
  return [layout.head(check), ...details];
}

/** A terminal is read top to bottom, so only what needs attention gets details. */
const TERMINAL: CheckLayout = {
  head: (check) => `${STATUS_SIGNS[check.status].mark} ${check.title} — ${check.message}`,
  indent: '    ',
  details: (check) =>
    check.status === 'pass' || check.status === 'skip'
      ? []
      : [
          ...present('fix', check.fix),
          ...present(ENTRA_TEXT_LABEL, check.status === 'fail' ? check.entraWouldSay : undefined),
          ...(check.exchanges ?? [])
            .filter((line) => line.status !== 'pass')
            .map((line): Detail => [
              `${STATUS_SIGNS[line.status].mark} ${line.label}`,
              line.message,
            ]),
        ],
};

/** Whoever reads a ticket was not there, so every check says what was sent and what came back. */
const TICKET: CheckLayout = {
  head: (check) => `[${STATUS_SIGNS[check.status].tag}] ${check.title}: ${check.message}`,
  indent: '  ',
  details: (check) => [
    ...present(ENTRA_TEXT_LABEL, check.entraWouldSay),
    ...present('Fix', check.fix),
    // Method, URL and status only: headers and bodies stay out of anything the user shares.
    ...present('Sent', check.request && `${check.request.method} ${check.request.url}`),
    ...present(
      'Received',
      check.response &&
        `HTTP ${check.response.status} (${check.response.contentType ?? 'no content type'})`,
    ),
  ],
};

function countOf(report: ProbeReport, status: ProbeStatus): number {
  return report.checks.filter((check) => check.status === status).length;
}

/** The report as text for a terminal: one line per check, with the fix under anything not passing. */
export function terminalReportText(report: ProbeReport): string {
  const lines = [
    `SCIM connection probe — ${report.baseUrl}`,
    '',
    ...report.checks.flatMap((check) => checkLines(check, TERMINAL)),
    '',
    `${report.ok ? 'No check failed' : 'Some checks failed'}: ${countOf(report, 'pass')} passed, ${countOf(report, 'warn')} warned, ${countOf(report, 'fail')} failed, ${countOf(report, 'skip')} skipped (${report.durationMs} ms).`,
  ];
  return `${lines.join('\n')}\n`;
}

/** A one-line verdict for the whole run. */
export function reportVerdict(report: ProbeReport): string {
  const failed = countOf(report, 'fail');
  const warned = countOf(report, 'warn');
  if (failed > 0) return `${failed} of ${report.checks.length} checks failed.`;
  if (warned > 0) return `No failures; ${warned} ${warned === 1 ? 'warning' : 'warnings'}.`;
  return 'All checks passed.';
}

/**
 * A plain-text summary to paste into a ticket, cut to fit the clipboard. Built only from the
 * report's titles, messages, fixes, methods, URLs and statuses, which main writes without the
 * token.
 */
export function ticketReportText(report: ProbeReport): string {
  const lines = [
    'SCIM Setup Assistant: connection test',
    `Tenant URL: ${report.baseUrl}`,
    `Started: ${report.startedAt} (took ${Math.round(report.durationMs)} ms)`,
    `Result: ${reportVerdict(report)}`,
    '',
    ...report.checks.flatMap((check) => checkLines(check, TICKET)),
  ];
  const text = lines.join('\n');
  if (text.length <= MAX_CLIPBOARD_TEXT_CHARS) return text;
  const marker = '\n… (cut to fit the clipboard limit)';
  return text.slice(0, MAX_CLIPBOARD_TEXT_CHARS - marker.length) + marker;
}

import { MAX_CLIPBOARD_TEXT_CHARS } from '../clipboard-limit';
import type { ProbeCheck, ProbeReport, ProbeStatus } from './report';

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

/**
 * The admin's own next step for a check that failed or warned, or null when there is none. The
 * URL check's fix is about what the admin pasted, so it is the step; every other fix is the SCIM
 * server's to make (see {@link serverFix}), and the admin's part is a token, the Tenant URL, or
 * this report sent to Stytch, who run the server.
 */
export function adminAction(check: ProbeCheck): string | null {
  if (check.status !== 'fail' && check.status !== 'warn') return null;
  if (check.id === 'url') return check.fix ?? TENANT_URL_ACTION;
  if (check.status === 'warn') return WARNING_ACTION;
  const status = check.response?.status;
  if (check.id === 'tls' || check.id === 'auth-enforced') return SEND_TO_SUPPORT;
  if (status === undefined) return NO_ANSWER_ACTION;
  if (status === 401 || status === 403) return ROTATE_ACTION;
  if (check.id === 'test-connection' && status === 404) return TENANT_URL_ACTION;
  return SEND_TO_SUPPORT;
}

/** The fix on the SCIM server's side, for its developer; the URL check's fix is the admin's. */
export function serverFix(check: ProbeCheck): string | undefined {
  return check.id === 'url' ? undefined : check.fix;
}

/** What the admin can do when the fix is the server's: Stytch runs the SCIM server. */
export const SEND_TO_SUPPORT =
  'Send this report to Stytch support (Copy report): the fix is on the SCIM server’s side.';

/** What a warning asks of the admin: nothing now. */
export const WARNING_ACTION =
  'Nothing blocks Entra today. If Entra’s provisioning logs show errors later, send this report to Stytch support.';

const TENANT_URL_ACTION =
  'Check the Tenant URL in Entra: it must be exactly the one this assistant shows on the “Paste the credentials into Entra” step, ending with ?aadOptscim062020. If it is, send this report to Stytch support.';

const ROTATE_ACTION =
  'Rotate the token (step “Create the SCIM connection”, Rotate the token), paste the new Secret Token into Entra, then check again.';

const NO_ANSWER_ACTION =
  'Check that this computer can reach the Tenant URL (network, proxy or firewall); Entra calls it from Microsoft’s cloud, so a block on this computer alone does not stop Entra. If nothing blocks it, send this report to Stytch support.';

/**
 * Entra's text up to its "Details:", which only repeats the server's raw answer: the report shows
 * that answer once, for the SCIM server's developer.
 */
export function entraSummary(text: string): string {
  const details = text.indexOf(' Details: ');
  return details === -1 ? text : text.slice(0, details);
}

/** How a check's outcome ranks when read: what needs attention first. */
const READING_RANK: Readonly<Record<ProbeStatus, number>> = { fail: 0, warn: 1, pass: 2, skip: 3 };

/** Failures, then warnings, then passes, each in run order; skipped checks are left to {@link skippedGroups}. */
export function checksInReadingOrder(checks: readonly ProbeCheck[]): ProbeCheck[] {
  return checks
    .filter((check) => check.status !== 'skip')
    .map((check, index) => ({ check, index }))
    .sort(
      (a, b) => READING_RANK[a.check.status] - READING_RANK[b.check.status] || a.index - b.index,
    )
    .map(({ check }) => check);
}

/** Skipped checks that share a reason, said in one line. */
export interface SkippedGroup {
  line: string;
  checks: ProbeCheck[];
}

/** Skipped checks folded by their reason, e.g. "3 checks skipped because … failed; fix that first." */
export function skippedGroups(checks: readonly ProbeCheck[]): SkippedGroup[] {
  const byReason = new Map<string, ProbeCheck[]>();
  for (const check of checks) {
    if (check.status !== 'skip') continue;
    byReason.set(check.message, [...(byReason.get(check.message) ?? []), check]);
  }
  return [...byReason].map(([reason, skipped]) => {
    const count = `${skipped.length} ${skipped.length === 1 ? 'check' : 'checks'} skipped`;
    const line = /^Skipped because /.test(reason)
      ? `${count} ${reason.replace(/^Skipped/, '').trim()}`
      : `${count}: ${reason}`;
    return { line, checks: skipped };
  });
}

/**
 * Whoever reads a ticket was not there, so every check says its id, what was sent and what came
 * back, and a failure what the admin was told to do.
 */
const TICKET: CheckLayout = {
  head: (check) =>
    `[${STATUS_SIGNS[check.status].tag}] ${check.id} · ${check.title}: ${check.message}`,
  indent: '  ',
  details: (check) =>
    check.status === 'skip'
      ? []
      : [
          ...present('What to do', adminAction(check) ?? undefined),
          ...present(ENTRA_TEXT_LABEL, check.entraWouldSay),
          ...present('Server-side fix', serverFix(check)),
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
    `SCIM connection check — ${report.baseUrl}`,
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

/** The run's outcome in three words a banner can show: passed, warnings, or fails. */
export type ReportOutcome = 'pass' | 'warn' | 'fail';

/** The verdict banner at the top of a finished report. */
export interface ReportBanner {
  verdict: ReportOutcome;
  title: string;
  detail: string;
}

/** The verdict banner: whether Entra's Test Connection would pass, and what needs a look. */
export function reportBanner(report: ProbeReport): ReportBanner {
  const failed = countOf(report, 'fail');
  const warned = countOf(report, 'warn');
  if (failed > 0) {
    const entraFails = report.checks.some(
      (check) => check.id === 'test-connection' && check.status === 'fail',
    );
    return entraFails
      ? {
          verdict: 'fail',
          title: 'Fails, like Entra’s Test Connection would.',
          detail: `${reportVerdict(report)} Start with the first one below.`,
        }
      : {
          verdict: 'fail',
          title: 'Entra’s Test Connection would pass, but provisioning would fail.',
          detail: `${reportVerdict(report)} Entra would run into them when it sends users.`,
        };
  }
  if (warned > 0) {
    const worth = warned === 1 ? '1 warning below is' : `${warned} warnings below are`;
    return {
      verdict: 'warn',
      title: 'Passed, with warnings.',
      detail: `Entra’s Test Connection should succeed; ${worth} worth a look.`,
    };
  }
  const passed = countOf(report, 'pass');
  const skipped = countOf(report, 'skip');
  return {
    verdict: 'pass',
    title: 'Passed: Entra’s Test Connection should succeed.',
    detail: `${passed} ${passed === 1 ? 'check' : 'checks'} passed${skipped > 0 ? `, ${skipped} skipped` : ''}.`,
  };
}

/**
 * A plain-text summary to paste into a ticket, cut to fit the clipboard: failures first, every
 * check with its id and status. Built only from the report's titles, messages, fixes, methods,
 * URLs and statuses, which main writes without the token.
 */
export function ticketReportText(report: ProbeReport): string {
  const skipped = report.checks.filter((check) => check.status === 'skip');
  const lines = [
    'SCIM Setup Assistant: connection check',
    `Tenant URL: ${report.baseUrl}`,
    `Started: ${report.startedAt} (took ${Math.round(report.durationMs)} ms)`,
    `Result: ${reportBanner(report).title} ${reportVerdict(report)}`,
    '',
    ...[...checksInReadingOrder(report.checks), ...skipped].flatMap((check) =>
      checkLines(check, TICKET),
    ),
  ];
  const text = lines.join('\n');
  if (text.length <= MAX_CLIPBOARD_TEXT_CHARS) return text;
  const marker = '\n… (cut to fit the clipboard limit)';
  return text.slice(0, MAX_CLIPBOARD_TEXT_CHARS - marker.length) + marker;
}

import { attentionReason } from '../../shared/fleet/attention';
import { entraJobWords } from '../../shared/fleet/entra-job-words';
import type { FleetRow, FleetSweepStatus } from '../../shared/fleet/fleet';
import { escapeHtml } from '../../shared/escape-html';
import { identityProviderWords } from '../../shared/stytch/identity-provider';
import { formatTimestamp, type TimestampZone } from '../../shared/timestamp';

/**
 * The saved report of the overview and the last sweep: CSV for spreadsheets and a self-contained,
 * printable HTML page (inline CSS, no script, no external resource, every value escaped). Built
 * only from secret-free rows, so it cannot carry a token.
 */

const VERDICT_WORDS = {
  passed: 'Passed',
  failed: 'Failed',
  warnings: 'Passed with warnings',
  'metadata-only': 'Stytch’s details only (token not on this computer)',
} as const;

/**
 * The report's columns, in order: heading and value. A `moment` column's value is an ISO time:
 * kept so in the CSV (a spreadsheet reads it), shown as the app shows times in the page. An `id`
 * column may break anywhere in the page (a live id is some 60 characters with no space).
 */
const COLUMNS: readonly {
  heading: string;
  value: (row: FleetRow) => string;
  moment?: true;
  id?: true;
}[] = [
  { heading: 'Organization', value: (row) => row.organizationName },
  { heading: 'Organization ID', value: (row) => row.organizationId, id: true },
  { heading: 'Connection ID', value: (row) => row.connectionId, id: true },
  { heading: 'Connection status', value: (row) => row.connectionStatus },
  { heading: 'Identity provider', value: (row) => identityProviderWords(row.identityProvider) },
  { heading: 'Token expires', value: (row) => row.tokenExpiresAt ?? 'Unknown', moment: true },
  {
    heading: 'Days left',
    value: (row) => (row.tokenDaysLeft === null ? '' : String(row.tokenDaysLeft)),
  },
  { heading: 'Rotation pending', value: (row) => (row.rotationPending ? 'Yes' : 'No') },
  // The overview's words for the job (its hover's, for a quarantine): never Graph's codes.
  {
    heading: 'Entra job',
    value: (row) => {
      const words = entraJobWords(row);
      return words.reason?.full ?? words.text;
    },
  },
  {
    heading: 'Last health check',
    value: (row) => (row.lastHealth ? VERDICT_WORDS[row.lastHealth.verdict] : 'Not checked yet'),
  },
  { heading: 'Checked at', value: (row) => row.lastHealth?.at ?? '', moment: true },
  { heading: 'Failing check', value: (row) => row.lastHealth?.failingCheck ?? '' },
  { heading: 'Needs attention', value: (row) => attentionReason(row) ?? '' },
  { heading: 'Next action', value: (row) => row.lastHealth?.nextAction ?? '' },
];

/**
 * One CSV field (RFC 4180 quoting). A value starting with = + - @ or a tab/CR is prefixed with
 * an apostrophe, so a spreadsheet does not run an organization name as a formula.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The overview as CSV, one line per connection (CRLF line ends, as RFC 4180 writes them). */
export function reportCsv(rows: readonly FleetRow[]): string {
  const lines = [COLUMNS.map((column) => csvField(column.heading)).join(',')];
  for (const row of rows)
    lines.push(COLUMNS.map((column) => csvField(column.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const STYLE = `
body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1f; margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
p.meta { color: #4a4a55; margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c8c8d0; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef0f4; }
td { overflow-wrap: break-word; }
td.id { overflow-wrap: anywhere; }
tr.attention td { background: #fff4e5; }
@page { size: landscape; margin: 10mm; }
@media print {
  body { margin: 0; font-size: 8pt; }
  th { background: #ddd; }
  th, td { padding: 2px 3px; }
  tr { break-inside: avoid; }
}
`;

/** What heads the report. */
export interface ReportFacts {
  projectId: string;
  generatedAt: Date;
  sweep: FleetSweepStatus;
  /** The zone the page's times are shown in: the computer's when unset (tests set one). */
  timeZone?: string;
}

/**
 * A time as the page shows it: as the app shows times, with the zone named, since the page may
 * be read on another computer. Not a time (empty, "Unknown"): as it is.
 */
function shownMoment(value: string, facts: ReportFacts): string {
  const zone: TimestampZone = { named: true };
  if (facts.timeZone !== undefined) zone.timeZone = facts.timeZone;
  return formatTimestamp(value, zone);
}

function sweepLine(sweep: FleetSweepStatus, facts: ReportFacts): string {
  if (sweep.state === 'idle') return 'No health check has been run yet.';
  const { passed, failed, warnings, metadataOnly } = sweep.counts;
  const when = shownMoment(sweep.finishedAt ?? sweep.startedAt ?? '', facts);
  return `Last health check (${sweep.state}, ${when}): ${sweep.done} of ${sweep.total} checked; ${passed} passed, ${warnings} with warnings, ${failed} failed, ${metadataOnly} with Stytch’s details only.`;
}

/** The overview as one printable HTML page that needs nothing else to open. */
export function reportHtml(rows: readonly FleetRow[], facts: ReportFacts): string {
  const head = COLUMNS.map((column) => `<th scope="col">${escapeHtml(column.heading)}</th>`).join(
    '',
  );
  const body = rows
    .map((row) => {
      const cells = COLUMNS.map((column) => {
        const value = column.value(row);
        const shown = escapeHtml(column.moment ? shownMoment(value, facts) : value);
        return column.id ? `<td class="id">${shown}</td>` : `<td>${shown}</td>`;
      }).join('');
      return `<tr${attentionReason(row) ? ' class="attention"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  const attention = rows.filter((row) => attentionReason(row) !== null).length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>SCIM connections report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>SCIM connections report</h1>
<p class="meta">Stytch project ${escapeHtml(facts.projectId)} · ${escapeHtml(shownMoment(facts.generatedAt.toISOString(), facts))} · ${rows.length} connections, ${attention} need attention.</p>
<p class="meta">${escapeHtml(sweepLine(facts.sweep, facts))}</p>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}

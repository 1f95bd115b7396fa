import { EXPIRY_WARNING_DAYS } from '../../../shared/fleet/attention';
import { entraJobWords, isQuarantined } from '../../../shared/fleet/entra-job-words';
import type { FleetRow } from '../../../shared/fleet/fleet';
import { formatTimestamp } from '../../../shared/timestamp';

/** How a cell looks: its words, and a tone that only repeats them in colour. */
export interface CellWords {
  text: string;
  /** `pending`: not known yet, being read (muted, and allowed two lines). */
  tone: 'plain' | 'good' | 'warning' | 'danger' | 'pending';
  /** A second line in a few words, and the whole story for a hover (a quarantine's reason). */
  detail?: { short: string; full: string };
}

const days = (count: number) => `${String(count)} day${count === 1 ? '' : 's'}`;

/**
 * The token's expiry in days. Within the warning window and once expired the words say so
 * ("soon", "Expired"), so the colour is never the only sign.
 */
export function expiryWords(daysLeft: number | null): CellWords {
  if (daysLeft === null) return { text: 'No date from Stytch', tone: 'plain' };
  if (daysLeft < 0) return { text: `Expired ${days(-daysLeft)} ago`, tone: 'danger' };
  // Main counts whole days left, so 0 is under a day (not necessarily "today").
  if (daysLeft === 0) return { text: 'Less than a day', tone: 'danger' };
  if (daysLeft <= EXPIRY_WARNING_DAYS) return { text: `${days(daysLeft)}, soon`, tone: 'warning' };
  return { text: days(daysLeft), tone: 'plain' };
}

/**
 * The connection's status as Stytch says it; for a row only listed so far, that its connection
 * is being read (the overview fills it in when main has read it).
 */
export function statusWords(row: FleetRow): CellWords {
  return row.provisional === true
    ? { text: 'Reading connection…', tone: 'pending' }
    : { text: row.connectionStatus, tone: 'plain' };
}

const VERDICT_WORDS: Record<string, CellWords> = {
  passed: { text: 'Passed', tone: 'good' },
  failed: { text: 'Failed', tone: 'danger' },
  warnings: { text: 'Passed with warnings', tone: 'warning' },
  'metadata-only': { text: 'Stytch’s details only', tone: 'plain' },
};

/** The last health result, with its failing check: "Failed: Test Connection". */
export function healthWords(row: FleetRow): CellWords {
  const health = row.lastHealth;
  if (!health) return { text: 'Not checked yet', tone: 'plain' };
  const words = VERDICT_WORDS[health.verdict] ?? { text: health.verdict, tone: 'plain' };
  return health.verdict === 'failed' && health.failingCheck
    ? { ...words, text: `${words.text}: ${health.failingCheck}` }
    : words;
}

/** When the last health check finished, in the app's one timestamp format. */
export function healthWhen(row: FleetRow): string {
  return row.lastHealth ? formatTimestamp(row.lastHealth.at) : '';
}

/**
 * The Entra job's cell: the words main's saved report says too (shared/fleet/entra-job-words.ts),
 * a quarantine in danger and an active job in good tone.
 */
export function entraWords(row: FleetRow): CellWords {
  const { text, reason } = entraJobWords(row);
  let tone: CellWords['tone'] = row.entraJob?.state === 'Active' ? 'good' : 'plain';
  if (isQuarantined(row.entraJob)) tone = 'danger';
  return { text, tone, ...(reason ? { detail: reason } : {}) };
}

const COUNT = new Intl.NumberFormat();

/** A count with the admin's digit grouping ("5,000"). */
export function countWords(count: number): string {
  return COUNT.format(count);
}

import { jobStatusWords, quarantineShortWords, quarantineWords } from '../entra/entra-words';
import type { FleetEntraJob, FleetRow } from './fleet';

// No zod here (fleet.ts holds the schemas, imported for types only): the overview's cells and
// main's saved report say a row's Entra job with these same words.

/** A row's Entra job in words: the state, and for a quarantine its reason short and in full. */
export interface EntraJobWords {
  /** The state ("Active", "In quarantine"), or why the app cannot see it. */
  text: string;
  /** A quarantine's reason: a few words for a cell, and the whole story ("In quarantine: …"). */
  reason?: { short: string; full: string };
}

/**
 * True when the job is in quarantine. Matched loosely, as Graph's status code ("Quarantine") is
 * kept as sent and may come in another case.
 */
export function isQuarantined(job: FleetEntraJob | null): boolean {
  return job !== null && /quarantine/i.test(job.state);
}

/** Why a linked app's job state is not shown, in a few words (the admin's next step where one helps). */
function unseenWords(link: FleetRow['entraLink']): string {
  switch (link?.jobRead) {
    case undefined:
      return 'No enterprise app linked';
    case 'signed-out':
      return 'Sign in to Microsoft to see';
    case 'other-tenant':
      return `Sign in to ${link.tenant ?? 'its tenant'} to see`;
    case 'no-job':
      return 'No provisioning job yet';
    default:
      return 'Not known';
  }
}

/**
 * The Entra job's state in Entra's words, a quarantine with its reason (in a few words, and in
 * full); where the app cannot see it, why. A code Entra adds later is said in words, not dropped.
 */
export function entraJobWords(row: Pick<FleetRow, 'entraJob' | 'entraLink'>): EntraJobWords {
  const job = row.entraJob;
  if (!job) return { text: unseenWords(row.entraLink) };
  if (!isQuarantined(job)) return { text: jobStatusWords(job.state) };
  const reason = job.quarantineReason;
  return reason
    ? {
        text: 'In quarantine',
        reason: {
          short: quarantineShortWords(reason),
          full: `In quarantine: ${quarantineWords(reason)}`,
        },
      }
    : { text: 'In quarantine' };
}

/**
 * Graph's codes (job status, settings' keys) in words for the admin. Known codes get Entra's own
 * words; a code Graph adds later is split into words rather than shown as a code (kept, never
 * dropped). Here, not in the renderer, because main's saved report says the same words as the
 * screen; no zod import, so the renderer can use it without shipping zod.
 */

/** "SyncNotificationSettings" → "sync notification settings". */
export function codeWords(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

function sentence(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Graph's synchronizationStatus codes, as Entra's Provisioning page says them.
const JOB_STATUS_WORDS: Readonly<Record<string, string>> = {
  NotConfigured: 'Not configured',
  NotRun: 'Not run yet',
  Active: 'Active',
  Paused: 'Paused',
  Quarantine: 'In quarantine',
};

/** A job's status code in words ("NotConfigured" → "Not configured"). */
export function jobStatusWords(status: string): string {
  return JOB_STATUS_WORDS[status] ?? sentence(codeWords(status));
}

// The job's settings (Graph's synchronization secrets) by the name Entra's Settings give them.
const SETTING_WORDS: Readonly<Record<string, string>> = {
  SyncAll: 'Scope',
  SyncNotificationSettings: 'notification email',
};

/** The names of the job's settings, for "Your other provisioning settings were kept: …". */
export function settingsWords(keys: readonly string[]): string {
  return keys.map((key) => SETTING_WORDS[key] ?? codeWords(key)).join(', ');
}

// Graph's quarantine reasons (synchronizationQuarantine.reason), in words an admin can act on.
const QUARANTINE_WORDS: Readonly<Record<string, string>> = {
  EncounteredBaseEscrowThreshold: 'too many changes failed in a row',
  EncounteredTotalEscrowThreshold: 'too many changes failed in all',
  EncounteredEscrowProportionThreshold: 'too large a share of the changes failed',
  EncounteredQuarantineException:
    'Entra met an error it cannot get past (often the Tenant URL or the Secret Token)',
  QuarantinedOnDemand: 'put in quarantine on request',
  TooManyDeletes: 'too many deletions at once (Entra’s accidental-deletion safeguard)',
  IngestionInterrupted: 'reading the directory was interrupted',
  Unknown: 'Entra did not say why',
};

/** Why a job is in quarantine, in words ("EncounteredQuarantineException" → "Entra met …"). */
export function quarantineWords(reason: string): string {
  return QUARANTINE_WORDS[reason] ?? codeWords(reason);
}

// The same reasons in a few words, for a table cell: "invalid credentials were provided"
// (Graph's synchronizationQuarantine on EncounteredQuarantineException), the escrow thresholds
// of application-provisioning-quarantine-status.md.
const QUARANTINE_SHORT_WORDS: Readonly<Record<string, string>> = {
  EncounteredBaseEscrowThreshold: 'Failures in a row',
  EncounteredTotalEscrowThreshold: 'Too many failures',
  EncounteredEscrowProportionThreshold: 'Over 40% failed',
  EncounteredQuarantineException: 'Credentials refused',
  QuarantinedOnDemand: 'On request',
  TooManyDeletes: 'Too many deletions',
  IngestionInterrupted: 'Reading interrupted',
  Unknown: 'No reason given',
};

/** Why a job is in quarantine in a few words ("TooManyDeletes" → "Too many deletions"). */
export function quarantineShortWords(reason: string): string {
  return QUARANTINE_SHORT_WORDS[reason] ?? sentence(codeWords(reason));
}

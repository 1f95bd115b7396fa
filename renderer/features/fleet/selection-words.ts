import { EXPIRY_WARNING_DAYS } from '../../../shared/fleet/attention';
import type { FleetRow } from '../../../shared/fleet/fleet';
import type { SelectionItem, SelectionSkip } from '../../../shared/rotation/rotation';
import { MAX_ROTATION_SELECTION } from '../../../shared/rotation/selection-limit';
import { gapWords, STEP_WORDS } from '../rotation/rotation-words';

/**
 * The rows whose token expires within the warning window (or has expired), soonest first, at
 * most as many as one rotation of several connections may name.
 */
export function expiringRows(rows: readonly FleetRow[]): FleetRow[] {
  return rows
    .filter((row) => row.tokenDaysLeft !== null && row.tokenDaysLeft <= EXPIRY_WARNING_DAYS)
    .sort((a, b) => (a.tokenDaysLeft ?? 0) - (b.tokenDaysLeft ?? 0));
}

/** The first {@link MAX_ROTATION_SELECTION} of `ids`: what one run may name. */
export function withinBound(ids: readonly string[]): string[] {
  return ids.slice(0, MAX_ROTATION_SELECTION);
}

/** Why a connection is left out of the run across both, and where it can be rotated instead. */
export const SKIP_WORDS: Readonly<Record<SelectionSkip, string>> = {
  'no-app':
    'No Entra enterprise app is linked to it in this app: rotate it on its own page, which guides you through Entra by hand.',
  'other-account':
    'Its Entra enterprise app was linked by another Microsoft account: sign in as that account, or rotate it on its own page.',
  'not-signed-in':
    'Not signed in to the Microsoft tenant of its Entra enterprise app: sign in, or rotate it on its own page.',
  stopped: 'Not rotated: the run was stopped before its turn. Its current token still works.',
};

/** One result of the run, in words: what happened, the gap, and what is left working. */
export function resultWords(item: SelectionItem): { result: string; gap: string; left: string } {
  if (item.state === 'skipped')
    return { result: 'Skipped', gap: '—', left: SKIP_WORDS[item.reason] };
  const { outcome } = item;
  if (outcome.outcome === 'rotated') {
    return {
      result: 'Rotated in Stytch and Entra',
      gap:
        outcome.order === 'entra-first'
          ? `${gapWords(0)} (Stytch already accepted the new token)`
          : gapWords(outcome.gap.seconds),
      left: `Only the new token works now, and Entra holds it; Entra’s Test Connection passed.`,
    };
  }
  return {
    result: `Failed at “${STEP_WORDS[outcome.failedStep]}”: ${outcome.error.message}`,
    gap:
      outcome.gap === null
        ? '—'
        : `${gapWords(outcome.gap.seconds)}${outcome.gap.open ? ', and counting' : ''}`,
    left: outcome.left.summary,
  };
}

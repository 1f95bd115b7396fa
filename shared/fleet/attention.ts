import { isQuarantined } from './entra-job-words';
import type { FleetRow } from './fleet';

// No zod here (fleet.ts holds the schemas), so the renderer's overview can use the rule without
// shipping zod.

/** Days before expiry from which a token needs attention (and is shown in colour). */
export const EXPIRY_WARNING_DAYS = 30;

/**
 * Why a row needs the admin's attention, in plain words, or null when it does not: the one rule
 * behind the overview's "Needs attention" filter and the saved report.
 */
export function attentionReason(row: FleetRow): string | null {
  if (row.tokenDaysLeft !== null && row.tokenDaysLeft < 0) return 'Token expired';
  if (row.rotationPending) return 'Rotation not finished';
  if (row.lastHealth?.verdict === 'failed') return 'Last health check failed';
  if (isQuarantined(row.entraJob)) return 'Entra job in quarantine';
  if (row.tokenDaysLeft !== null && row.tokenDaysLeft <= EXPIRY_WARNING_DAYS)
    return 'Token expiring soon';
  if (row.lastHealth?.verdict === 'warnings') return 'Last health check has warnings';
  // A row not read yet has no status from Stytch: blank is not "not active".
  if (row.provisional !== true && row.connectionStatus.toLowerCase() !== 'active')
    return 'Connection not active';
  return null;
}

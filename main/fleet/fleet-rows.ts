import type { FleetHealth, FleetRow } from '../../shared/fleet/fleet';
import type { Organization, ScimConnection } from '../../shared/stytch/api-schemas';
import { isRotating } from '../stytch/connection-view';
import type { CachedRow } from './fleet-cache';

const DAY_MS = 86_400_000;

/** Whole days from `now` until `expiresAt` (negative once past); null when unknown or unreadable. */
export function daysLeft(expiresAt: string | null, now: Date): number | null {
  if (expiresAt === null) return null;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return null;
  return Math.floor((at - now.getTime()) / DAY_MS);
}

/** What a search result says of an organization's connection: changes when it is replaced or rotated. */
export function seenKey(organization: Organization): string | null {
  const active = organization.scim_active_connection;
  if (!active) return null;
  return `${active.connection_id}|${active.bearer_token_expires_at ?? ''}`;
}

/** A cached row from Stytch's connection, keeping the last health result and Entra's job state. */
export function cachedRow(
  organization: Organization,
  connection: ScimConnection,
  tokenHeld: boolean,
  previous: CachedRow | undefined,
  now: Date,
): CachedRow {
  const sameConnection = previous?.row.connectionId === connection.connection_id;
  return {
    row: {
      organizationId: organization.organization_id,
      organizationName: organization.organization_name,
      connectionId: connection.connection_id,
      connectionStatus: connection.status,
      identityProvider: connection.identity_provider,
      tokenExpiresAt: connection.bearer_token_expires_at ?? null,
      rotationPending: isRotating(connection),
      tokenHeld,
      lastHealth: sameConnection ? (previous.row.lastHealth ?? null) : null,
      entraJob: sameConnection ? (previous.row.entraJob ?? null) : null,
      entraLink: sameConnection ? (previous.row.entraLink ?? null) : null,
    },
    readAt: now.toISOString(),
    seen: seenKey(organization) ?? connection.connection_id,
  };
}

/**
 * What the search says of an organization whose connection is not read yet, shown while the
 * refresh reads it: its name, the connection's id and the token's expiry (no last four).
 */
export function listedRow(organization: Organization, tokenHeld: boolean, now: Date): FleetRow {
  const active = organization.scim_active_connection;
  const tokenExpiresAt = active?.bearer_token_expires_at ?? null;
  return {
    organizationId: organization.organization_id,
    organizationName: organization.organization_name,
    connectionId: active?.connection_id ?? '',
    connectionStatus: '',
    identityProvider: '',
    tokenExpiresAt,
    tokenDaysLeft: daysLeft(tokenExpiresAt, now),
    rotationPending: false,
    tokenHeld,
    lastHealth: null,
    entraJob: null,
    entraLink: null,
    provisional: true,
  };
}

/** The row the renderer gets: the cached one with its days left counted now. */
export function shownRow(cached: CachedRow, now: Date): FleetRow {
  return { ...cached.row, tokenDaysLeft: daysLeft(cached.row.tokenExpiresAt, now) };
}

/** The row with a new health result. */
export function withHealth(cached: CachedRow, health: FleetHealth): CachedRow {
  return { ...cached, row: { ...cached.row, lastHealth: health } };
}

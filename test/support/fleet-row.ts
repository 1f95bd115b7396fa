import type { FleetRow } from '../../shared/fleet/fleet';

/** A healthy connection of organization number `n`: token good for a year, last check passed. */
export function fleetRow(n: number, overrides: Partial<FleetRow> = {}): FleetRow {
  const id = String(n).padStart(5, '0');
  return {
    organizationId: `organization-test-${id}`,
    organizationName: `Org ${id}`,
    connectionId: `scim-connection-test-${id}`,
    connectionStatus: 'active',
    identityProvider: 'microsoft-entra',
    tokenExpiresAt: '2027-12-01T00:00:00Z',
    tokenDaysLeft: 360,
    rotationPending: false,
    tokenHeld: true,
    lastHealth: { verdict: 'passed', at: '2026-12-07T10:00:00Z' },
    entraJob: null,
    entraLink: null,
    ...overrides,
  };
}

/** `count` healthy rows. */
export function fleetRows(count: number): FleetRow[] {
  return Array.from({ length: count }, (_, index) => fleetRow(index));
}

import {
  idleSweep as idleSweepOf,
  type FleetOverview,
  type FleetRow,
  type FleetSweepStatus,
} from '../../../shared/fleet/fleet';
import { WIZARD_STEP_IDS } from '../../../shared/wizard/steps';
import { installFakeAssistant, okFor, type FakeHandlers } from '../fake-assistant';
import { connectionView, progressAt, settings } from '../fixtures';

export { fleetRow, fleetRows } from '../../support/fleet-row';

/** No sweep has run. */
export function idleSweep(overrides: Partial<FleetSweepStatus> = {}): FleetSweepStatus {
  return { ...idleSweepOf(), ...overrides };
}

/** The overview main answers with `rows`, read in full and idle. */
export function fleetOverview(
  rows: readonly FleetRow[],
  overrides: Partial<FleetOverview> = {},
): FleetOverview {
  return {
    rows: [...rows],
    refreshedAt: '2026-12-07T09:00:00Z',
    refreshing: false,
    entraReading: false,
    refreshError: null,
    sweep: idleSweep(),
    ...overrides,
  };
}

/** Main's answer: connected to the test project. */
export const connectedStatus = () =>
  okFor('stytch:status', {
    connected: true,
    projectId: 'project-test-123',
    environment: 'test',
    mode: 'real',
  });

/** Connected to a project whose set-up was finished, main holding `rows`. */
export function installFleet(rows: readonly FleetRow[], handlers: FakeHandlers = {}) {
  return installFakeAssistant(
    {
      'stytch:status': connectedStatus,
      'fleet:overview': () => okFor('fleet:overview', fleetOverview(rows)),
      ...handlers,
    },
    settings({
      projectId: 'project-test-123',
      wizard: progressAt('webhooks', [...WIZARD_STEP_IDS]),
    }),
  );
}

/** Main's answer for a row's connection, as Stytch has it (same ids as the row). */
export const connectionOf = ({ organizationId }: { organizationId: string }) =>
  okFor('scim:getConnection', {
    connection: connectionView({
      organizationId,
      connectionId: organizationId.replace('organization-test-', 'scim-connection-test-'),
    }),
  });

import type { FleetRow } from '../../../shared/fleet/fleet';
import { WIZARD_STEP_IDS } from '../../../shared/wizard/steps';
import { installFakeAssistant, okFor, type FakeHandlers } from '../fake-assistant';
import { progressAt, settings } from '../fixtures';
import { fleetOverview } from './fleet-fixtures';

/** Main's answer: connected to the test project. */
export const connectedProject = () =>
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
      'stytch:status': connectedProject,
      'fleet:overview': () => okFor('fleet:overview', fleetOverview(rows)),
      ...handlers,
    },
    settings({
      projectId: 'project-test-123',
      wizard: progressAt('webhooks', [...WIZARD_STEP_IDS]),
    }),
  );
}

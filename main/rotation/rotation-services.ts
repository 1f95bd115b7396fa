import type { FleetRow } from '../../shared/fleet/fleet';
import type { EntraStepDeps } from '../entra-setup/entra-context';
import type { Logger } from '../logging/logger';
import type { ProbeTransport } from '../probe/run-probe';
import type { Secrets } from '../secrets/secrets';
import type { SettingsStore } from '../settings/settings-store';
import type { StytchServices } from '../stytch/stytch-handlers';
import type { SelectionRuns } from './selection-runs';

/**
 * What the rotation uses (a slice of `Services`): Stytch's rotation and the tokens (the scim:*
 * handlers' own services), the probe's transport for the pending check, the Entra steps, the
 * settings for the remembered check, its clocks, and for a selection the overview's rows.
 */
export interface RotationServices extends StytchServices {
  secrets: Secrets;
  settings: Pick<SettingsStore, 'get' | 'mutate'>;
  probe: ProbeTransport;
  entra: EntraStepDeps;
  logger: Logger;
  /** The clocks rotations use: wall time for what is shown, a monotonic one for the gap. */
  clock: RotationClock;
  /**
   * The connections overview's rows (main's own reading of Stytch, `FleetService` fits): a
   * selection names organizations, and each one's connection is looked up here.
   */
  fleet: { rows(): Promise<FleetRow[]> };
  /** The one rotation of a selection that may run, and its Stop. */
  rotationSelections: SelectionRuns;
}

/** Wall time for times shown, a monotonic clock (ms) for the measured gap. */
export interface RotationClock {
  now(): Date;
  monotonicMs(): number;
}

/** The real clocks. */
export const SYSTEM_ROTATION_CLOCK: RotationClock = {
  now: () => new Date(),
  monotonicMs: () => performance.now(),
};

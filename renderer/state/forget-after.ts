import type { WizardStepId } from '../../shared/wizard/steps';
import { useConnectionStore } from './connection-store';
import { useProbeStore } from './probe-store';
import { useWatchStore } from './watch-store';
import { useWizardStore } from './wizard-store';

/**
 * A new answer at `step` (another project, another organization) voids what was found after it:
 * the connection, the last probe run, the watched members, and the later steps' progress and
 * ticks.
 */
export function forgetAfter(step: WizardStepId): void {
  useConnectionStore.getState().reset();
  useProbeStore.getState().reset();
  useWatchStore.getState().reset();
  useWizardStore.getState().forgetAfter(step);
}

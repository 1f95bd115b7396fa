import { create } from 'zustand';

import type { WizardProgress } from '../../shared/settings/settings';
import { WIZARD_STEP_IDS, stepIndex, type WizardStepId } from '../../shared/wizard/steps';
import { useAppStore } from './app-store';
import { useEntraStore } from './entra-store';
import type { Failure } from './failure';
import { takeFirstReads } from './first-reads';
import { useOrganizationStore } from './organization-store';
import { useScreenStore, type Screen } from './screen-store';
import { useWizardStore } from './wizard-store';

interface BootState {
  phase: 'loading' | 'ready' | 'failed';
  failure: Failure | null;
  /** Whether the first reads have been asked for (so they are asked for once). */
  started: boolean;
}

/** Whether the first reads from main (info, Stytch status, settings) have finished. */
export const useBootStore = create<BootState>()(() => ({
  phase: 'loading',
  failure: null,
  started: false,
}));

/**
 * The step to open on start: the saved one, unless what it depends on is gone (no Stytch
 * connection any more, or no organization chosen), in which case the step that fixes that.
 */
function resumeStep(
  progress: WizardProgress,
  connected: boolean,
  organizationId: string | null,
): WizardStepId {
  const saved = progress.currentStep;
  if (!connected) return 'connect-stytch';
  if (organizationId === null && stepIndex(saved) > stepIndex('choose-organization')) {
    return 'choose-organization';
  }
  return saved;
}

/**
 * The screen to open on start: the connections overview once a project is connected, unless a
 * set-up was left half done (a step after the first open, not every step done): then the wizard,
 * where the admin left it. The overview's "Set up a new connection" opens the wizard.
 */
export function homeScreen(progress: WizardProgress, connected: boolean): Screen {
  const setUpUnderWay =
    progress.currentStep !== 'connect-stytch' &&
    !WIZARD_STEP_IDS.every((step) => progress.completedSteps.includes(step));
  return connected && !setUpUnderWay ? { kind: 'overview' } : { kind: 'wizard' };
}

/**
 * Boots unless booting is under way: AppMount.tsx calls it before React's first render, taking
 * the answers main.tsx asked for as the page started (state/first-reads.ts); App calls it too,
 * for a render without that entry (the component tests).
 */
export function ensureBooted(): void {
  if (!useBootStore.getState().started) void bootApp();
}

/** Reads what main knows and puts the wizard where the user left it. */
export async function bootApp(): Promise<void> {
  useBootStore.setState({ phase: 'loading', failure: null, started: true });
  const [info, status, settings] = await takeFirstReads();
  const [error] = [info, status, settings].flatMap((result) => (result.ok ? [] : [result.error]));
  if (error || !info.ok || !status.ok || !settings.ok) {
    if (error)
      useBootStore.setState({ phase: 'failed', failure: { error, retry: () => void bootApp() } });
    return;
  }
  const app = useAppStore.getState();
  app.setInfo(info.data);
  app.setStatus(status.data);
  app.setSavedProjectId(settings.data.projectId);
  const { organizationId, organizationName, wizard, entraSteps } = settings.data;
  useEntraStore.getState().restoreChoice(entraSteps);
  useOrganizationStore
    .getState()
    .restore(organizationId === null ? null : { organizationId, name: organizationName });
  useWizardStore
    .getState()
    .hydrate(wizard, resumeStep(wizard, status.data.connected, organizationId));
  useScreenStore.getState().show(homeScreen(wizard, status.data.connected));
  useBootStore.setState({ phase: 'ready', failure: null });
}

import { create } from 'zustand';

import type { WizardProgress } from '../../shared/settings/settings';
import { WIZARD_STEP_IDS, stepIndex, type WizardStepId } from '../../shared/wizard/steps';
import { call } from '../lib/api';
import type { Failure } from './failure';

interface WizardState {
  current: WizardStepId;
  completed: readonly WizardStepId[];
  checklist: Readonly<Record<string, boolean>>;
  saveFailure: Failure | null;
  hydrate: (progress: WizardProgress, current: WizardStepId) => void;
  goTo: (step: WizardStepId) => void;
  next: () => void;
  back: () => void;
  setChecked: (key: string, value: boolean) => void;
  /** Drops completion and ticks of every step after `step` (their answers no longer hold). */
  forgetAfter: (step: WizardStepId) => void;
}

/** True when every step before `step` is complete, so the user may open it. */
export function isReachable(step: WizardStepId, completed: readonly WizardStepId[]): boolean {
  return WIZARD_STEP_IDS.slice(0, stepIndex(step)).every((s) => completed.includes(s));
}

// Writes go one after another so an older progress snapshot never lands after a newer one.
let saveChain: Promise<void> = Promise.resolve();

function persist(): void {
  const { current, completed, checklist } = useWizardStore.getState();
  const wizard: WizardProgress = {
    currentStep: current,
    completedSteps: [...completed],
    checklist: { ...checklist },
  };
  saveChain = saveChain.then(async () => {
    const result = await call('settings:update', { wizard });
    useWizardStore.setState({
      saveFailure: result.ok ? null : { error: result.error, retry: persist },
    });
  });
}

function withStep(completed: readonly WizardStepId[], step: WizardStepId): WizardStepId[] {
  return completed.includes(step) ? [...completed] : [...completed, step];
}

/** Where the user is in the wizard; every change is saved through `settings:update`. */
export const useWizardStore = create<WizardState>()((set, get) => ({
  current: 'connect-stytch',
  completed: [],
  checklist: {},
  saveFailure: null,
  hydrate: (progress, current) =>
    set({
      current,
      completed: progress.completedSteps,
      checklist: progress.checklist,
    }),
  goTo: (step) => {
    if (!isReachable(step, get().completed) || step === get().current) return;
    set({ current: step });
    persist();
  },
  next: () => {
    const { current, completed } = get();
    const following = WIZARD_STEP_IDS[stepIndex(current) + 1];
    set({ completed: withStep(completed, current), current: following ?? current });
    persist();
  },
  back: () => {
    const previous = WIZARD_STEP_IDS[stepIndex(get().current) - 1];
    if (!previous) return;
    set({ current: previous });
    persist();
  },
  setChecked: (key, value) => {
    set({ checklist: { ...get().checklist, [key]: value } });
    persist();
  },
  forgetAfter: (step) => {
    const later = WIZARD_STEP_IDS.slice(stepIndex(step) + 1);
    const { completed, checklist, current } = get();
    const keep = Object.entries(checklist).filter(
      ([key]) => !later.some((s) => key.startsWith(`${s}.`)),
    );
    set({
      completed: completed.filter((s) => !later.includes(s)),
      checklist: Object.fromEntries(keep),
      current: later.includes(current) ? step : current,
    });
    persist();
  },
}));

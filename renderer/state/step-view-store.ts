import { create } from 'zustand';

import type { WizardStepId } from '../../shared/wizard/steps';

interface StepViewState {
  /**
   * Checklist keys (`<step>.<item>`) whose outcome the assistant has seen in Entra in this run.
   * Not saved: the assistant reads Entra again whenever its step opens, so a tick restored from
   * an earlier run counts as the admin's until the assistant sees it again.
   */
  seen: Readonly<Record<string, true>>;
  markSeen: (keys: readonly string[]) => void;
  /** The admin changed the tick: from now on it is theirs. */
  forgetSeen: (key: string) => void;
  /** Which part of a step split into parts is on screen, by step (the first when absent). */
  parts: Readonly<Partial<Record<WizardStepId, string>>>;
  showPart: (step: WizardStepId, part: string) => void;
  /**
   * The test user unassigned for the deprovisioning proof, by organization id: what the proof
   * says after the admin looks at another part of step 7 and comes back.
   */
  testUserUnassigned: Readonly<Record<string, string>>;
  noteTestUserUnassigned: (organizationId: string, name: string) => void;
}

/**
 * What the step on screen shows beyond the saved progress: who checked each checklist item, and
 * which part of a long step is open.
 */
export const useStepViewStore = create<StepViewState>()((set, get) => ({
  seen: {},
  markSeen: (keys) => {
    const { seen } = get();
    if (keys.every((key) => seen[key])) return;
    set({ seen: { ...seen, ...Object.fromEntries(keys.map((key) => [key, true as const])) } });
  },
  forgetSeen: (key) => {
    const { [key]: _dropped, ...rest } = get().seen;
    set({ seen: rest });
  },
  parts: {},
  showPart: (step, part) => set({ parts: { ...get().parts, [step]: part } }),
  testUserUnassigned: {},
  noteTestUserUnassigned: (organizationId, name) =>
    set({ testUserUnassigned: { ...get().testUserUnassigned, [organizationId]: name } }),
}));

/**
 * The part of step 6 (assistant mode) that holds the assistant's connection check: Entra's panel
 * in the first part opens it to explain a failed Test Connection.
 */
export const CONNECTION_CHECK_PART = 'connection-check';

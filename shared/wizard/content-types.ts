import type { StepLink } from './links';
import type { WizardStepId } from './steps';

/** What the provisioning watch can see in Stytch: a member arriving, a member deactivated. */
export type WatchFact = 'arrived' | 'deactivated';

/** Something the user confirms by ticking a box. Saved in settings under `<stepId>.<id>`. */
export interface ChecklistItem {
  id: string;
  label: string;
  /** A proof the admin may skip: Next does not wait for it. */
  optional?: true;
  /**
   * Ticked only from what the watch sees now (never by hand, never from a saved tick), so the
   * checklist cannot say a member arrived while the watch says none has.
   */
  seenByWatch?: WatchFact;
}

/** A term and what it means, shown as a definition list (webhook events, for example). */
export interface StepFact {
  term: string;
  description: string;
}

/** What the wizard says on one step. Plain data: no React, no zod. */
export interface StepContent {
  id: WizardStepId;
  /** Used in the step list and as the step's heading. */
  title: string;
  summary: string;
  /** The summary when the assistant does the step through Graph, where it differs. */
  assistantSummary?: string;
  /** Numbered instructions, in the order the user carries them out. */
  instructions: readonly string[];
  /** Boxes ticked by the user, the assistant or the watch; all but the optional ones before Next. */
  checklist: readonly ChecklistItem[];
  facts: readonly StepFact[];
  /** Notes on the whole step, shown once with it. */
  notes: readonly string[];
  /**
   * Notes on one part of a step the assistant does in parts, by part id (the renderer's
   * assisted-parts.ts): shown once, under that part, rather than under every part; by hand,
   * where the step is one page, they follow the step's notes (`allNotes` in content.ts).
   */
  partNotes?: Readonly<Record<string, readonly string[]>>;
  links: readonly StepLink[];
  optional: boolean;
}

import type { StepLink } from './links';
import type { WizardStepId } from './steps';

/** Something the user confirms by ticking a box. Saved in settings under `<stepId>.<id>`. */
export interface ChecklistItem {
  id: string;
  label: string;
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
  /** Boxes the user ticks; every one must be ticked before Next. */
  checklist: readonly ChecklistItem[];
  facts: readonly StepFact[];
  notes: readonly string[];
  links: readonly StepLink[];
  optional: boolean;
}

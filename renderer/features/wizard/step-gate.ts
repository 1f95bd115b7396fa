import {
  PASTED_KEY,
  STEP_CONTENT,
  checklistKey,
  type ChecklistItem,
  type WatchFact,
} from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { useAppStore } from '../../state/app-store';
import { useConnectionStore } from '../../state/connection-store';
import { useEntraStore } from '../../state/entra-store';
import { useOrganizationStore } from '../../state/organization-store';
import { useWatchFacts } from '../../state/watch-store';
import { useWizardStore } from '../../state/wizard-store';
import { assertNever } from './assert-never';
import { partOfItem } from './assisted-parts';

/** Whether Next is allowed on a step, and if not, what the user still has to do. */
export interface StepGate {
  canAdvance: boolean;
  reason: string | null;
}

const OPEN: StepGate = { canAdvance: true, reason: null };

function gate(ok: boolean, reason: string): StepGate {
  return ok ? OPEN : { canAdvance: false, reason };
}

/** Whether an item is ticked: by the admin or the assistant, or, if watched, as the watch sees it now. */
export function itemDone(
  step: WizardStepId,
  item: ChecklistItem,
  checklist: Readonly<Record<string, boolean>>,
  seen: Readonly<Record<WatchFact, boolean>>,
): boolean {
  if (item.seenByWatch) return seen[item.seenByWatch];
  return Boolean(checklist[checklistKey(step, item.id)]);
}

/** Every item Next waits for is ticked: optional ones aside, watched ones as the watch sees them. */
function allTicked(
  step: WizardStepId,
  checklist: Readonly<Record<string, boolean>>,
  seen: Readonly<Record<WatchFact, boolean>>,
): boolean {
  return firstOpen(step, checklist, seen) === undefined;
}

/**
 * The first item Next still waits for, if any: in the checklist's order, or, for a step shown in
 * parts, in the order of its parts (the order the admin works through them).
 */
function firstOpen(
  step: WizardStepId,
  checklist: Readonly<Record<string, boolean>>,
  seen: Readonly<Record<WatchFact, boolean>>,
  inPartOrder = false,
) {
  const rank = (item: ChecklistItem) =>
    partOfItem(step, item.id)?.number ?? Number.POSITIVE_INFINITY;
  const items = STEP_CONTENT[step].checklist;
  const ordered = inPartOrder ? [...items].sort((a, b) => rank(a) - rank(b)) : items;
  return ordered.find((item) => !item.optional && !itemDone(step, item, checklist, seen));
}

/**
 * When the assistant does the step, Next waits for outcomes it checks in Entra (or the watch sees
 * in Stytch): the reason names the first one still open, the part of the step that reaches it,
 * and who may tick it.
 */
function assistantGate(
  step: WizardStepId,
  checklist: Readonly<Record<string, boolean>>,
  seen: Readonly<Record<WatchFact, boolean>>,
): StepGate {
  const open = firstOpen(step, checklist, seen, true);
  if (open === undefined) return OPEN;
  const found = partOfItem(step, open.id);
  const where = found === null ? '' : ` (part ${found.number}: ${found.part.title})`;
  return {
    canAdvance: false,
    reason: open.seenByWatch
      ? `Waiting for “${open.label}”${where}: the app ticks it when it sees the member in Stytch.`
      : `Not yet checked: “${open.label}”${where}. The assistant ticks it once it sees it in ` +
        'Entra; you can also tick it yourself.',
  };
}

/** Computes the gate for `step` from the stores, selecting only what it needs. */
export function useStepGate(step: WizardStepId): StepGate {
  const connected = useAppStore((s) => s.status?.connected ?? false);
  const organizationChosen = useOrganizationStore((s) => s.selected !== null);
  const checklist = useWizardStore((s) => s.checklist);
  const seen = useWatchFacts();
  const assistant = useEntraStore((s) => s.choice === 'assistant');
  const tokenReady = useConnectionStore(
    (s) =>
      s.connection !== null &&
      !s.connection.rotating &&
      s.connection.token.storage !== 'none' &&
      s.busy === null,
  );
  const ticks = 'Tick every item in the checklist to continue.';
  switch (step) {
    case 'connect-stytch':
      return gate(connected, 'Connect to Stytch or start the sandbox to continue.');
    case 'choose-organization':
      return gate(organizationChosen, 'Choose an organization to continue.');
    case 'create-entra-app':
    case 'enable-provisioning':
      return assistant
        ? assistantGate(step, checklist, seen)
        : gate(allTicked(step, checklist, seen), ticks);
    case 'provision-users':
      // Done once a member arrives; unassigning anyone to see deprovisioning is optional.
      if (assistant) return assistantGate(step, checklist, seen);
      if (!seen.arrived) {
        return gate(
          false,
          'Next opens once a member of this connection appears in Stytch (Members in Stytch, on this page).',
        );
      }
      return gate(allTicked(step, checklist, seen), ticks);
    case 'create-scim-connection':
      return gate(tokenReady, 'Create the connection, or choose how to use the existing one.');
    case 'configure-credentials':
      // The assistant saves both values in Entra itself: there is nothing to paste.
      if (assistant) return assistantGate(step, checklist, seen);
      return gate(
        Boolean(checklist[PASTED_KEY]) && allTicked(step, checklist, seen),
        'Paste both values into Entra and tick every item to continue.',
      );
    case 'group-roles':
    case 'webhooks':
    case 'summary':
      return OPEN;
    default:
      return assertNever(step);
  }
}

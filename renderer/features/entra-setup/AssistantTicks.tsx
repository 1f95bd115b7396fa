import { useEffect } from 'react';

import { checklistKey } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { useStepViewStore } from '../../state/step-view-store';
import { useWizardStore } from '../../state/wizard-store';

interface AssistantTicksProps {
  step: WizardStepId;
  /** The checklist items (ids) the assistant's evidence proves. */
  items: readonly string[];
  /** What the assistant saw, or null while it has not seen it. */
  evidence: string | null;
  /** Ticks without saying so (another notice on screen already says what the assistant saw). */
  silent?: boolean;
}

/**
 * Ticks a step's checklist items once the assistant has seen them done in Entra (as the watch
 * does at step 7), and says what it saw. It never unticks: the admin's own ticks stand. The
 * checklist labels these items "checked by the assistant".
 */
export function AssistantTicks({ step, items, evidence, silent = false }: AssistantTicksProps) {
  const done = evidence !== null;
  const keys = items.map((item) => checklistKey(step, item)).join(' ');
  useEffect(() => {
    if (!done) return;
    const { checklist, setChecked } = useWizardStore.getState();
    for (const key of keys.split(' ')) if (!checklist[key]) setChecked(key, true);
    useStepViewStore.getState().markSeen(keys.split(' '));
  }, [done, keys]);
  if (!done || silent) return null;
  return (
    <p className="notice notice-success" role="status">
      Done by the assistant: {evidence}
    </p>
  );
}

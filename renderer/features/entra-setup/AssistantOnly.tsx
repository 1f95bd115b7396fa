import type { ReactNode } from 'react';

import { useEntraStore } from '../../state/entra-store';

/**
 * The assistant's panels when the admin chose "Do the Entra steps for me"; otherwise a small
 * link that switches to it (the by-hand guide above stays as it is).
 */
export function AssistantOnly({ children }: { children: ReactNode }) {
  const assistant = useEntraStore((s) => s.choice === 'assistant');
  const busy = useEntraStore((s) => s.busy);
  const choose = useEntraStore((s) => s.choose);
  if (assistant) return <>{children}</>;
  return (
    <p className="assistant-link">
      <button
        type="button"
        className="button button-link"
        onClick={() => void choose('assistant')}
        disabled={busy === 'settings:update'}
      >
        Let the assistant do this through Microsoft Graph
      </button>
    </p>
  );
}

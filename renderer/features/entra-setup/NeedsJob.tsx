import type { ReactNode } from 'react';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { Busy } from '../../components/Busy';
import { useEntraStore } from '../../state/entra-store';
import { AppPanel } from './AppPanel';
import { JobPanel } from './JobPanel';
import { OpFailure } from './OpFailure';
import { useEntraSetup } from './use-entra-setup';

/**
 * What a later step's panels need first: the enterprise app (found, e.g. made by hand, or
 * created) and its provisioning job. Once both are known, `children` gets the view.
 */
export function NeedsJob({ children }: { children: (view: EntraSetupView) => ReactNode }) {
  const { view } = useEntraSetup();
  const loading = useEntraStore((s) => s.busy === 'entra:get');
  if (view === null) {
    return (
      <>
        {loading && <Busy label="Reading what the assistant knows of Entra…" />}
        <OpFailure ops={['entra:get']} title="Couldn’t read what the assistant knows of Entra." />
      </>
    );
  }
  if (view.app === null) {
    return (
      <>
        <p>First tell the assistant which enterprise app to work on: find it, or create it.</p>
        <AppPanel view={view} />
      </>
    );
  }
  if (view.job === null) return <JobPanel view={view} />;
  return <>{children(view)}</>;
}

/**
 * A part of a step the assistant does in parts: its panels, once the app and job are known
 * (before that, the way to find or create them).
 */
export function EntraPart({ children }: { children: (view: EntraSetupView) => ReactNode }) {
  return (
    <div className="entra-setup">
      <NeedsJob>{children}</NeedsJob>
    </div>
  );
}

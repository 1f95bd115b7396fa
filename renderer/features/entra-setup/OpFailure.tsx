import { useEntraStore, type EntraOp } from '../../state/entra-store';
import { EntraFailureNotice } from './EntraFailureNotice';

/** The Entra failure of one of `ops`, shown in the panel that runs them. */
export function OpFailure({ ops, title }: { ops: readonly EntraOp[]; title: string }) {
  const failure = useEntraStore((s) => s.failure);
  const failedOp = useEntraStore((s) => s.failedOp);
  if (failure === null || failedOp === null || !ops.includes(failedOp)) return null;
  return <EntraFailureNotice failure={failure} title={title} />;
}

import type { ReactNode } from 'react';

import { useEntraStore, type EntraOp } from '../../state/entra-store';

/**
 * One panel of an Entra step: a region titled by its heading, busy while `channel`'s call runs.
 * `name` makes its class (`entra-<name>`) and its heading's id.
 */
export function EntraPanel({
  name,
  title,
  channel,
  children,
}: {
  name: string;
  title: string;
  channel: EntraOp;
  children: ReactNode;
}) {
  const busy = useEntraStore((s) => s.busy);
  const headingId = `entra-${name}-heading`;
  return (
    <section className={`entra-${name}`} aria-labelledby={headingId} aria-busy={busy === channel}>
      <h3 id={headingId}>{title}</h3>
      {children}
    </section>
  );
}

import { useEffect, useRef } from 'react';

import type { SelectionRun } from '../../../shared/rotation/rotation';
import { useRotationSelectionStore } from '../../state/rotation-selection-store';
import { countWords } from './row-words';
import { resultWords } from './selection-words';

/** "12 rotated, 1 failed, 3 skipped". */
function totals(run: SelectionRun): string {
  const count = (test: (item: SelectionRun['items'][number]) => boolean) =>
    countWords(run.items.filter(test).length);
  return [
    `${count((item) => item.state === 'ran' && item.outcome.outcome === 'rotated')} rotated`,
    `${count((item) => item.state === 'ran' && item.outcome.outcome === 'failed')} failed`,
    `${count((item) => item.state === 'skipped')} skipped`,
  ].join(', ');
}

/** Failures first (they need the admin), then the rotated, then those skipped. */
function rank(item: SelectionRun['items'][number]): number {
  if (item.state === 'skipped') return 2;
  return item.outcome.outcome === 'failed' ? 0 : 1;
}

/**
 * Each connection's result: rotated (with the gap in which Entra held a token Stytch refused),
 * failed (at which step, and which pair of tokens is left working), or skipped and why.
 */
export function SelectionResults({ run }: { run: SelectionRun }) {
  const close = useRotationSelectionStore((s) => s.close);
  const title = useRef<HTMLParagraphElement>(null);
  useEffect(() => title.current?.focus(), []);
  const anyFailed = run.items.some(
    (item) => item.state === 'ran' && item.outcome.outcome === 'failed',
  );
  return (
    <div className={anyFailed ? 'notice notice-warning' : 'notice notice-success'}>
      <p className="notice-title" ref={title} tabIndex={-1}>
        {run.stopped ? 'Rotation stopped' : 'Rotation finished'}: {totals(run)}.
      </p>
      <div className="rotate-results" tabIndex={0} role="region" aria-label="Rotation results">
        <table>
          <caption>Each connection’s result</caption>
          <thead>
            <tr>
              <th scope="col">Organization</th>
              <th scope="col">Result</th>
              <th scope="col">Gap</th>
              <th scope="col">What works now</th>
            </tr>
          </thead>
          <tbody>
            {[...run.items]
              .sort((a, b) => rank(a) - rank(b))
              .map((item) => {
                const words = resultWords(item);
                return (
                  <tr
                    key={item.organizationId}
                    data-result={item.state === 'ran' ? item.outcome.outcome : 'skipped'}
                  >
                    <th scope="row">{item.organizationName}</th>
                    <td>{words.result}</td>
                    <td>{words.gap}</td>
                    <td>{words.left}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
      <p className="field-hint">The list of connections is read again from Stytch now.</p>
      <div className="actions">
        <button type="button" className="button" onClick={close}>
          Done
        </button>
      </div>
    </div>
  );
}

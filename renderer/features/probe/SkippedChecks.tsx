import type { SkippedGroup } from '../../../shared/probe/report-text';

/** Skipped checks that share a reason: one line, opening to the checks it stands for. */
export function SkippedChecks({ group }: { group: SkippedGroup }) {
  return (
    <li className="probe-check probe-skip">
      <details>
        <summary>{group.line}</summary>
        <ul className="skipped-checks">
          {group.checks.map((check) => (
            <li key={check.id} data-check-id={check.id} data-status={check.status}>
              {check.title}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
